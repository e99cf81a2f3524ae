export { ResultsTable } from './results_table';
export type { ResultsTableProps } from './results_table';
