import React, { useMemo } from 'react';
import { i18n } from '@kbn/i18n';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { formatDay } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { CountBarChart } from '../count_bar_chart';
import { rowsPerDay } from './rows_per_day';

const CHART_HEIGHT = 120;
const DAY_MS = 86_400_000;

const CHART_LABEL = i18n.translate('entraSpHunt.histogram.chartAriaLabel', {
  defaultMessage: 'Result rows per day (UTC)',
});
const SERIES_LABEL = i18n.translate('entraSpHunt.histogram.seriesLabel', {
  defaultMessage: 'Rows',
});
const formatBucket = (at: number) => formatDay(new Date(at).toISOString());

export interface ResultsHistogramProps {
  rows: HuntRow[];
  /** The run's window: the axis spans all of it, so quiet days show as gaps. */
  window: { start: string; end: string };
}

/** How many result rows fall on each UTC day of the window: where the rare activity clusters. */
export function ResultsHistogram({ rows, window }: ResultsHistogramProps) {
  const bars = useMemo(() => rowsPerDay(rows), [rows]);
  const xDomain = useMemo(() => {
    const start = Date.parse(window.start);
    const end = Date.parse(window.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    // Day buckets start at UTC midnight: the first bucket is the one the window starts in.
    return { min: start - (start % DAY_MS), max: end, minInterval: DAY_MS };
  }, [window.end, window.start]);
  return (
    <div data-test-subj={DATA_TEST_SUBJ.resultsHistogram} data-days={bars.length}>
      <CountBarChart
        bars={bars}
        height={CHART_HEIGHT}
        ariaLabel={CHART_LABEL}
        seriesName={SERIES_LABEL}
        xScale="time"
        formatBucket={formatBucket}
        xDomain={xDomain}
      />
    </div>
  );
}
