import React, { useMemo } from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  DARK_THEME,
  LIGHT_THEME,
  Position,
  ScaleType,
  Settings,
} from '@elastic/charts';
import type { RunSummary } from '../../../common/run_history';
import { formatCount, formatInstant } from '../../format';
import { useDarkMode } from '../../hooks/use_dark_mode';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { RUNS_CHART_HEIGHT } from './chart_height';
import { CHART_LABEL, CHART_SERIES } from './translations';

const Y_TICKS = 3;

export interface RecentRunsChartProps {
  runs: RunSummary[];
  timeZone: string;
}

/** Rows found by each run, oldest to newest: how the view's findings moved over time. */
export function RecentRunsChart({ runs, timeZone }: RecentRunsChartProps) {
  const darkMode = useDarkMode();
  const data = useMemo(
    () =>
      [...runs]
        .filter((run) => run.outcome !== 'error')
        .reverse()
        .map((run) => ({ ranAt: Date.parse(run.ran_at), rows: run.row_count })),
    [runs]
  );
  return (
    <div data-test-subj={DATA_TEST_SUBJ.recentRunsChart} data-runs={data.length}>
      <Chart size={{ height: RUNS_CHART_HEIGHT }}>
        <Settings
          baseTheme={darkMode ? DARK_THEME : LIGHT_THEME}
          showLegend={false}
          ariaLabel={CHART_LABEL}
          ariaUseDefaultSummary
          locale="en"
        />
        <BarSeries
          id="rowsPerRun"
          name={CHART_SERIES}
          xScaleType={ScaleType.Ordinal}
          yScaleType={ScaleType.Linear}
          xAccessor="ranAt"
          yAccessors={['rows']}
          data={data}
        />
        <Axis
          id="ranAt"
          position={Position.Bottom}
          tickFormat={(value: number) => formatInstant(value, timeZone)}
        />
        <Axis
          id="rows"
          position={Position.Left}
          ticks={Y_TICKS}
          integersOnly
          tickFormat={(value: number) => formatCount(value)}
        />
      </Chart>
    </div>
  );
}
