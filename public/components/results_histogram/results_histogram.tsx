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
}

/** How many result rows fall on each UTC day of the window: where the rare activity clusters. */
export function ResultsHistogram({ rows }: ResultsHistogramProps) {
  const darkMode = useDarkMode();
  const data = useMemo(() => rowsPerDay(rows), [rows]);
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
          tickFormat={(value: number) => formatCount(value)}
        />
      </Chart>
    </div>
  );
}
