/** The runs chart's height, kept while it loads so the table below does not jump. */
export const RUNS_CHART_HEIGHT = 90;
