/**
 * A small bar chart of counts over time: one bar per bucket, integer ticks on the left, the
 * page's colour mode. The results' rows per day and the rows of each recent run are both this;
 * the row flyout's timeline stacks its bars per address and is drawn on its own.
 */
import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  DARK_THEME,
  LIGHT_THEME,
  Position,
  ScaleType,
  Settings,
  type DomainRange,
} from '@elastic/charts';
import { formatCount } from '../../format';
import { useDarkMode } from '../../hooks/use_dark_mode';

/** Ticks on the count axis: enough to read a small chart, few enough not to crowd it. */
const COUNT_TICKS = 3;

export interface CountBar {
  /** The bucket: an instant in milliseconds. */
  at: number;
  count: number;
}

export interface CountBarChartProps {
  bars: CountBar[];
  height: number;
  ariaLabel: string;
  seriesName: string;
  /** Time spaces the buckets by their instants (gaps show); ordinal gives each bar one slot. */
  xScale: 'time' | 'ordinal';
  formatBucket(at: number): string;
  /** The span of the time axis, when it should be more than the bars cover. */
  xDomain?: DomainRange;
}

export function CountBarChart({
  bars,
  height,
  ariaLabel,
  seriesName,
  xScale,
  formatBucket,
  xDomain,
}: CountBarChartProps) {
  const darkMode = useDarkMode();
  return (
    <Chart size={{ height }}>
      <Settings
        baseTheme={darkMode ? DARK_THEME : LIGHT_THEME}
        showLegend={false}
        ariaLabel={ariaLabel}
        ariaUseDefaultSummary
        locale="en"
        xDomain={xDomain}
      />
      <BarSeries
        id="countSeries"
        name={seriesName}
        xScaleType={xScale === 'time' ? ScaleType.Time : ScaleType.Ordinal}
        yScaleType={ScaleType.Linear}
        xAccessor="at"
        yAccessors={['count']}
        data={bars}
      />
      <Axis id="bucketAxis" position={Position.Bottom} tickFormat={formatBucket} />
      <Axis
        id="countAxis"
        position={Position.Left}
        ticks={COUNT_TICKS}
        integersOnly
        tickFormat={(value: number) => formatCount(value)}
      />
    </Chart>
  );
}
