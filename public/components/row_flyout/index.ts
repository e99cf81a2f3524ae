export { RowFlyout } from './row_flyout';
export type { RowFlyoutProps } from './row_flyout';
