export { ResultsHistogram } from './results_histogram';
export type { ResultsHistogramProps } from './results_histogram';
