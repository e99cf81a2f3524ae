export { SaveSessionButton } from './save_session';
export type { SaveSessionButtonProps } from './save_session';
