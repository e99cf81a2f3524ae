export { ErrorState, errorTitle, IdleState, ResponseNotices, RunningState } from './hunt_states';
