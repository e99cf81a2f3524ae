export { ErrorState, IdleState, ResponseNotices, RunningState } from './hunt_states';
