export { HuntHeader } from './hunt_header';
