export { CoveragePanel } from './coverage_panel';
export type { CoveragePanelProps } from './coverage_panel';
