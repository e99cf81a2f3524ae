import React, { useCallback, useMemo } from 'react';
import type { RunSummary } from '../../../common/run_history';
import { formatInstant } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { CountBarChart } from '../count_bar_chart';
import { RUNS_CHART_HEIGHT } from './chart_height';
import { CHART_LABEL, CHART_SERIES } from './translations';

export interface RecentRunsChartProps {
  runs: RunSummary[];
  timeZone: string;
}

/** Rows found by each run, oldest to newest: how the view's findings moved over time. */
export function RecentRunsChart({ runs, timeZone }: RecentRunsChartProps) {
  const bars = useMemo(
    () =>
      [...runs]
        .filter((run) => run.outcome !== 'error')
        .reverse()
        .map((run) => ({ at: Date.parse(run.ran_at), count: run.row_count })),
    [runs]
  );
  const formatBucket = useCallback((at: number) => formatInstant(at, timeZone), [timeZone]);
  return (
    <div data-test-subj={DATA_TEST_SUBJ.recentRunsChart} data-runs={bars.length}>
      {/* One slot per run: runs are seconds or weeks apart, and each should be readable. */}
      <CountBarChart
        bars={bars}
        height={RUNS_CHART_HEIGHT}
        ariaLabel={CHART_LABEL}
        seriesName={CHART_SERIES}
        xScale="ordinal"
        formatBucket={formatBucket}
      />
    </div>
  );
}
