export { HuntApp } from './hunt_app';
export type { HuntAppProps } from './hunt_app';
