export { RunSummary } from './run_summary';
export type { RunSummaryProps } from './run_summary';
