import React, { Suspense } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiCallOut,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { RunSummary } from '../../../common/run_history';
import type { RunComparison, RunHistoryState } from '../../hooks/use_run_history';
import { formatCount, formatInstant } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { RUNS_CHART_HEIGHT } from './chart_height';
import * as text from './translations';

// The charts library loads only when a history is shown, like the results histogram.
const RecentRunsChart = React.lazy(() =>
  import('./recent_runs_chart').then((module) => ({ default: module.RecentRunsChart }))
);

/**
 * A complete run is the usual case and reads plainly; the others stand out. (EUI's `success`
 * badge has white text under WCAG's 4.5:1 on its green in the light theme: axe refuses it.)
 */
const OUTCOME_COLORS = { ok: 'hollow', partial: 'warning', truncated: 'warning', error: 'danger' };

export interface RecentRunsProps extends Omit<RunHistoryState, 'viewKey'> {
  timeZone: string;
  /** The link that reopens a run's pinned view (its parameters and its window). */
  hrefFor(run: RunSummary): string;
  /** Opens it in place; the link still works as a link (new tab, copy). */
  onOpenRun(run: RunSummary): void;
}

function ComparisonStatus({
  comparison,
  timeZone,
}: {
  comparison: RunComparison;
  timeZone: string;
}) {
  if (comparison.status === 'none') return null;
  if (comparison.status === 'error') {
    return (
      <EuiCallOut
        size="s"
        color="warning"
        iconType="warning"
        title={text.ERROR_TITLE}
        data-test-subj={DATA_TEST_SUBJ.recentRunsError}
      >
        {comparison.message}
      </EuiCallOut>
    );
  }
  const message =
    comparison.status === 'loading'
      ? text.LOADING
      : comparison.status === 'off'
        ? text.OFF
        : comparison.status === 'first'
          ? text.FIRST
          : text.newSinceSummary(
              comparison.newRows.size,
              formatInstant(comparison.previous.ran_at, timeZone)
            );
  return (
    <EuiText
      size="s"
      color={comparison.status === 'compared' ? 'default' : 'subdued'}
      data-test-subj={DATA_TEST_SUBJ.recentRunsStatus}
      data-status={comparison.status}
    >
      <p>{message}</p>
    </EuiText>
  );
}

/**
 * The last runs of the current view in this space: when each ran, its window, outcome and row
 * count, a small chart of the counts, and a link to each run's pinned view. Says which run the
 * rows on screen are compared with, or why none.
 */
export function RecentRuns({
  runs,
  loading,
  error,
  comparison,
  shownRunId,
  timeZone,
  hrefFor,
  onOpenRun,
}: RecentRunsProps) {
  const columns: Array<EuiBasicTableColumn<RunSummary>> = [
    {
      field: 'ran_at',
      name: text.RAN_AT_COLUMN,
      render: (ranAt: string, run: RunSummary) => (
        <span>
          {formatInstant(ranAt, timeZone)}{' '}
          {run.id === shownRunId && <EuiBadge color="hollow">{text.THIS_RUN}</EuiBadge>}
        </span>
      ),
    },
    {
      field: 'window',
      name: text.WINDOW_COLUMN,
      render: (window: RunSummary['window']) =>
        `${formatInstant(window.start, timeZone)} → ${formatInstant(window.end, timeZone)}`,
    },
    {
      field: 'outcome',
      name: text.OUTCOME_COLUMN,
      render: (outcome: RunSummary['outcome'], run: RunSummary) => (
        <span>
          <EuiBadge color={OUTCOME_COLORS[outcome]}>
            {outcome === 'error' && run.error_kind
              ? `${text.OUTCOME_LABELS.error}: ${run.error_kind}`
              : text.OUTCOME_LABELS[outcome]}
          </EuiBadge>
          {run.keys_capped && <EuiBadge color="hollow">{text.CAPPED}</EuiBadge>}
        </span>
      ),
    },
    {
      field: 'row_count',
      name: text.ROWS_COLUMN,
      align: 'right',
      render: (count: number) => formatCount(count),
    },
    {
      name: text.OPEN_COLUMN,
      render: (run: RunSummary) => (
        <EuiLink
          href={hrefFor(run)}
          onClick={(event: React.MouseEvent) => {
            // A plain click opens in place; modified clicks (new tab, window) stay links.
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            onOpenRun(run);
          }}
          aria-label={text.openRunAriaLabel(formatInstant(run.ran_at, timeZone))}
          data-test-subj={DATA_TEST_SUBJ.recentRunsOpen}
        >
          {text.OPEN_LINK}
        </EuiLink>
      ),
    },
  ];
  const charted = runs.filter((run) => run.outcome !== 'error').length;
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={DATA_TEST_SUBJ.recentRuns}>
      <EuiTitle size="xs">
        <h3>{text.PANEL_TITLE}</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      <ComparisonStatus comparison={comparison} timeZone={timeZone} />
      {error && comparison.status !== 'error' && (
        <EuiText size="s" color="danger">
          <p>{error}</p>
        </EuiText>
      )}
      {charted > 0 && (
        <>
          <EuiSpacer size="s" />
          <Suspense fallback={<div style={{ height: RUNS_CHART_HEIGHT }} />}>
            <RecentRunsChart runs={runs} timeZone={timeZone} />
          </Suspense>
        </>
      )}
      <EuiSpacer size="s" />
      <EuiBasicTable<RunSummary>
        items={runs}
        columns={columns}
        loading={loading}
        tableCaption={text.TABLE_CAPTION}
        noItemsMessage={loading ? text.LOADING : text.NO_RUNS}
        rowProps={(run: RunSummary) => ({
          'data-test-subj': DATA_TEST_SUBJ.recentRunsRow,
          'data-run-id': run.id,
          'data-shown': run.id === shownRunId ? 'true' : 'false',
        })}
        compressed
      />
    </EuiPanel>
  );
}
