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
import { i18n } from '@kbn/i18n';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { formatCount, formatDay } from '../../format';
import { useDarkMode } from '../../hooks/use_dark_mode';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { rowsPerDay } from './rows_per_day';

const CHART_HEIGHT = 120;
const Y_TICKS = 3;

export interface ResultsHistogramProps {
  rows: HuntRow[];
  /** The run's window: the axis spans all of it, so quiet days show as gaps. */
  window: { start: string; end: string };
}

const DAY_MS = 86_400_000;

/** How many result rows fall on each UTC day of the window: where the rare activity clusters. */
export function ResultsHistogram({ rows, window }: ResultsHistogramProps) {
  const darkMode = useDarkMode();
  const data = useMemo(() => rowsPerDay(rows), [rows]);
  const xDomain = useMemo(() => {
    const start = Date.parse(window.start);
    const end = Date.parse(window.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    // Day buckets start at UTC midnight: the first bucket is the one the window starts in.
    return { min: start - (start % DAY_MS), max: end, minInterval: DAY_MS };
  }, [window.end, window.start]);
  const label = i18n.translate('entraSpHunt.histogram.chartAriaLabel', {
    defaultMessage: 'Result rows per day (UTC)',
  });
  return (
    <div data-test-subj={DATA_TEST_SUBJ.resultsHistogram} data-days={data.length}>
      <Chart size={{ height: CHART_HEIGHT }}>
        <Settings
          baseTheme={darkMode ? DARK_THEME : LIGHT_THEME}
          showLegend={false}
          ariaLabel={label}
          ariaUseDefaultSummary
          locale="en"
          xDomain={xDomain}
        />
        <BarSeries
          id="rowsPerDay"
          name={i18n.translate('entraSpHunt.histogram.seriesLabel', { defaultMessage: 'Rows' })}
          xScaleType={ScaleType.Time}
          yScaleType={ScaleType.Linear}
          xAccessor="day"
          yAccessors={['rows']}
          data={data}
        />
        <Axis
          id="day"
          position={Position.Bottom}
          tickFormat={(value: number) => formatDay(new Date(value).toISOString())}
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
