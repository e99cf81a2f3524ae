import React, { useEffect, useState, type ReactNode } from 'react';
import {
  EuiBasicTable,
  EuiBadge,
  EuiButton,
  EuiCodeBlock,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
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
import { FormattedMessage } from '@kbn/i18n-react';
import { i18n } from '@kbn/i18n';
import type { EventsResponse } from '../../../common/hunt/api_types';
import type { RunWindow } from '../../../common/hunt/run_window';
import type { HuntParams } from '../../../common/hunt/hunt_params';
import { rowKey } from '../../../common/hunt/pivot_queries';
import { rowPrincipal, type HuntRow } from '../../../common/hunt/shape_results';
import { formatCount, formatDay } from '../../format';
import { useDarkMode } from '../../hooks/use_dark_mode';
import type { UsePivotsValue } from '../../hooks/use_pivots';
import { postEvents, toHuntRequestError, type HuntRequestError } from '../../services/hunt_api';
import { useServices } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { ErrorState } from '../hunt_states';
import { ResultNotesCallouts } from '../result_notes';
import { SaveSessionButton } from '../save_session';
import type { RowTriage } from '../../../common/hunt/triage';
import { ipSummaries, timeline, type IpSummary } from './event_summaries';
import { TriageSection } from './triage_section';

export interface RowFlyoutProps {
  row: HuntRow;
  params: HuntParams;
  /** The run's window: the row's first and last day are cut where the run's were. */
  window: RunWindow;
  pivots: UsePivotsValue;
  onClose: () => void;
  /** The triage's reading of this row; undefined while it runs or when it failed. */
  triage?: RowTriage;
  triageLoading?: boolean;
  /** How the row compares with the view's previous run: "new since …", "seen before" … */
  sinceLastRun?: { isNew: boolean; text: string };
  /** The row's allowlist entries and review marks, with the controls to mark it. */
  marks?: ReactNode;
}

const HOUR_FORMAT = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const ipColumns: Array<EuiBasicTableColumn<IpSummary>> = [
  {
    field: 'ip',
    name: i18n.translate('entraSpHunt.flyout.ipColumnLabel', { defaultMessage: 'Source IP' }),
  },
  {
    field: 'country',
    name: i18n.translate('entraSpHunt.flyout.countryColumnLabel', { defaultMessage: 'Country' }),
    render: (value: string | null) => value ?? '—',
  },
  {
    field: 'asOrganization',
    name: i18n.translate('entraSpHunt.flyout.asColumnLabel', { defaultMessage: 'AS organisation' }),
    render: (value: string | null) => value ?? '—',
  },
  {
    field: 'events',
    name: i18n.translate('entraSpHunt.flyout.eventsColumnLabel', { defaultMessage: 'Events' }),
    align: 'right',
  },
  {
    field: 'firstSeen',
    name: i18n.translate('entraSpHunt.flyout.firstSeenColumnLabel', {
      defaultMessage: 'First seen (UTC)',
    }),
    render: (value: string | null) => value?.slice(11, 19) ?? '—',
  },
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Room for the bars and, below them, a legend row or two of source IPs. */
const TIMELINE_HEIGHT = 220;
const READ_FAILED_TITLE = i18n.translate('entraSpHunt.flyout.readFailedTitle', {
  defaultMessage: "Could not read this row's events",
});
const TIMELINE_ARIA_LABEL = i18n.translate('entraSpHunt.flyout.timelineAriaLabel', {
  defaultMessage: 'Events per hour (UTC), by source IP',
});

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The raw events of one row, read in place: timeline, IPs with where they are, and the events. */
export function RowFlyout({
  row,
  params,
  window,
  pivots,
  onClose,
  triage,
  triageLoading = false,
  sinceLastRun,
  marks,
}: RowFlyoutProps) {
  const { http } = useServices();
  const darkMode = useDarkMode();
  const [state, setState] = useState<{
    loading: boolean;
    response?: EventsResponse;
    error?: HuntRequestError;
  }>({ loading: true });
  const key = rowKey(row, params.group_by);
  const request = key ? JSON.stringify({ ...params, window, row: key }) : undefined;

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    postEvents(http, JSON.parse(request), controller.signal).then(
      (response) => setState({ loading: false, response }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ loading: false, error: toHuntRequestError(error) });
      }
    );
    return () => controller.abort();
  }, [http, request]);

  const pivot = pivots.rowPivot(row);
  const discoverUrl = pivots.discoverUrl(pivot);
  const principal = rowPrincipal(row, params.group_by) ?? '(no name)';
  const events = state.response?.events ?? [];
  const points = timeline(events);
  // The row is one UTC day: the axis spans it, an hour a bar, so the time of each event reads.
  const dayStart = row.day ? Date.parse(row.day) : NaN;
  const xDomain = Number.isNaN(dayStart)
    ? undefined
    : { min: dayStart, max: dayStart + DAY_MS - HOUR_MS, minInterval: HOUR_MS };

  return (
    <EuiFlyout
      onClose={onClose}
      size="l"
      ownFocus
      aria-labelledby="entraSpHuntRowFlyoutTitle"
      data-test-subj={DATA_TEST_SUBJ.rowFlyout}
    >
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id="entraSpHuntRowFlyoutTitle">{principal}</h2>
        </EuiTitle>
        {sinceLastRun && (
          <EuiBadge
            color={sinceLastRun.isNew ? 'accent' : 'hollow'}
            data-test-subj={DATA_TEST_SUBJ.flyoutSinceLastRun}
          >
            {sinceLastRun.text}
          </EuiBadge>
        )}
        <EuiText size="s" color="subdued">
          <FormattedMessage
            id="entraSpHunt.flyout.summaryDescription"
            defaultMessage="{action} on {day}: {count, plural, one {# event} other {# events}} from {ips, plural, one {# IP} other {# IPs}}"
            values={{
              action: row.action ?? '—',
              day: formatDay(row.day),
              count: row.daily_action_count,
              ips: row.distinct_ips,
            }}
          />
        </EuiText>
        <EuiSpacer size="s" />
        <EuiFlexGroup gutterSize="s" responsive={false}>
          {discoverUrl && (
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                iconType="discoverApp"
                href={discoverUrl}
                target="_blank"
                data-test-subj={DATA_TEST_SUBJ.rowFlyoutDiscover}
              >
                <FormattedMessage
                  id="entraSpHunt.flyout.discoverButtonLabel"
                  defaultMessage="Open in Discover"
                />
              </EuiButton>
            </EuiFlexItem>
          )}
          {pivot && (
            <EuiFlexItem grow={false}>
              <SaveSessionButton
                esql={pivot.inlined}
                timeRange={pivot.timeRange}
                defaultTitle={`${principal} · ${row.action ?? ''} · ${(row.day ?? '').slice(0, 10)}`}
              />
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {marks}
        <TriageSection
          triage={triage}
          loading={triageLoading}
          baselineDays={params.baseline_days}
        />
        <EuiSpacer />
        {state.loading && <EuiLoadingSpinner size="l" />}
        {state.error && <ErrorState error={state.error} fallbackTitle={READ_FAILED_TITLE} />}
        {state.response && (
          <>
            <ResultNotesCallouts notes={state.response} subject="events" limit={events.length} />
            <EuiSpacer size="s" />
            <EuiTitle size="xs">
              <h3>
                <FormattedMessage
                  id="entraSpHunt.flyout.timelineTitle"
                  defaultMessage="Events per hour (UTC), by source IP"
                />
              </h3>
            </EuiTitle>
            <div data-test-subj={DATA_TEST_SUBJ.rowFlyoutTimeline} data-points={points.length}>
              <Chart size={{ height: TIMELINE_HEIGHT }}>
                <Settings
                  baseTheme={darkMode ? DARK_THEME : LIGHT_THEME}
                  showLegend
                  // Below the chart the legend's entries sit in rows far enough apart to be
                  // targets of at least 24 px (WCAG 2.2 target size); stacked at the right
                  // they are 18 px apart.
                  legendPosition={Position.Bottom}
                  xDomain={xDomain}
                  ariaLabel={TIMELINE_ARIA_LABEL}
                  ariaUseDefaultSummary
                />
                <BarSeries
                  id="events"
                  name={i18n.translate('entraSpHunt.flyout.timelineSeriesLabel', {
                    defaultMessage: 'Events',
                  })}
                  xScaleType={ScaleType.Time}
                  yScaleType={ScaleType.Linear}
                  xAccessor="hour"
                  yAccessors={['count']}
                  splitSeriesAccessors={['ip']}
                  stackAccessors={['hour']}
                  data={points}
                />
                <Axis
                  id="time"
                  position={Position.Bottom}
                  tickFormat={(value: number) => HOUR_FORMAT.format(new Date(value))}
                />
                <Axis
                  id="count"
                  position={Position.Left}
                  ticks={3}
                  integersOnly
                  tickFormat={(value: number) => formatCount(value)}
                />
              </Chart>
            </div>
            <EuiSpacer />
            <EuiTitle size="xs">
              <h3>
                <FormattedMessage
                  id="entraSpHunt.flyout.ipsTitle"
                  defaultMessage="Where the activity came from"
                />
              </h3>
            </EuiTitle>
            <EuiBasicTable<IpSummary>
              items={ipSummaries(events)}
              columns={ipColumns}
              compressed
              tableCaption={i18n.translate('entraSpHunt.flyout.ipsDescription', {
                defaultMessage: 'Source IPs of these events',
              })}
              data-test-subj={DATA_TEST_SUBJ.rowFlyoutIps}
            />
            <EuiSpacer />
            <EuiTitle size="xs">
              <h3>
                <FormattedMessage id="entraSpHunt.flyout.eventsTitle" defaultMessage="Raw events" />
              </h3>
            </EuiTitle>
            <EuiBasicTable<Record<string, unknown>>
              items={events}
              columns={state.response.columns.map((column) => ({
                field: column.name,
                name: column.name,
                render: (value: unknown) => cell(value),
              }))}
              compressed
              tableCaption={i18n.translate('entraSpHunt.flyout.eventsDescription', {
                defaultMessage: 'Raw events of this row',
              })}
              data-test-subj={DATA_TEST_SUBJ.rowFlyoutEvents}
            />
            {state.response.query && (
              <>
                <EuiSpacer />
                <EuiCodeBlock language="esql" isCopyable paddingSize="s" fontSize="s">
                  {state.response.query}
                </EuiCodeBlock>
              </>
            )}
          </>
        )}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
