import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { DEFAULT_HUNT_PARAMS } from '../../../common/hunt/hunt_params';
import type { HuntRow } from '../../../common/hunt/shape_results';
import type { RunSummary } from '../../../common/run_history';
import type { RunComparison } from '../../hooks/use_run_history';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createCoreStart } from '../../../test/helpers/core_start';
import { renderWithProviders } from '../../../test/helpers/render';
import { RecentRuns } from './recent_runs';

/** The charts library loads lazily through the transformer: seconds on a busy machine. */
jest.setTimeout(60_000);

function run(id: string, ranAt: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    view_key: `v1:${'0'.repeat(64)}`,
    params: DEFAULT_HUNT_PARAMS,
    window: { start: '2026-10-31T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
    ran_at: ranAt,
    outcome: 'ok',
    error_kind: null,
    row_count: 11,
    keys_capped: false,
    author: 'analyst',
    ...overrides,
  };
}

const RUNS = [
  run('r3', '2026-11-30T09:00:00.000Z', { row_count: 12 }),
  run('r2', '2026-11-29T09:00:00.000Z', {
    outcome: 'error',
    error_kind: 'too_many_requests',
    row_count: 0,
  }),
  run('r1', '2026-11-23T09:00:00.000Z', { outcome: 'truncated', keys_capped: true }),
];

function renderRuns(comparison: RunComparison, runs = RUNS) {
  const opened: string[] = [];
  const { services } = createCoreStart(async () => undefined);
  renderWithProviders(
    <ServicesProvider services={services}>
      <RecentRuns
        runs={runs}
        loading={false}
        comparison={comparison}
        shownRunId="r3"
        timeZone="UTC"
        hrefFor={(each) => `/app/entraSpHunt?run=1&id=${each.id}`}
        onOpenRun={(each) => opened.push(each.id)}
      />
    </ServicesProvider>
  );
  return { opened };
}

describe('RecentRuns', () => {
  it('lists each run with when it ran, its window, outcome and rows, newest first', async () => {
    renderRuns({ status: 'first', rows: [] });
    const rows = screen.getAllByTestId(DATA_TEST_SUBJ.recentRunsRow);
    expect(rows.map((row) => row.getAttribute('data-run-id'))).toEqual(['r3', 'r2', 'r1']);
    expect(rows[0]).toHaveTextContent('30 Nov 2026, 09:00:00 UTC');
    expect(rows[0]).toHaveTextContent('shown');
    expect(rows[0]).toHaveTextContent('31 Oct 2026, 00:00:00 UTC → 30 Nov 2026, 00:00:00 UTC');
    expect(rows[0]).toHaveTextContent('Complete');
    expect(rows[0]).toHaveTextContent('12');
    expect(rows[1]).toHaveTextContent('Failed: too_many_requests');
    expect(rows[2]).toHaveTextContent('Cut at the row limit');
    expect(rows[2]).toHaveTextContent('keys capped');
    expect(rows[1]).not.toHaveTextContent('shown');
    // The chart draws the runs that found rows (the failed one has none to draw).
    const chart = await screen.findByTestId(DATA_TEST_SUBJ.recentRunsChart);
    expect(chart).toHaveAttribute(
      'data-runs',
      String(RUNS.filter((each) => each.outcome !== 'error').length)
    );
  });

  it("opens a run's pinned view in place on a click, and is a real link", () => {
    const { opened } = renderRuns({ status: 'none' });
    const link = within(screen.getAllByTestId(DATA_TEST_SUBJ.recentRunsRow)[2]).getByTestId(
      DATA_TEST_SUBJ.recentRunsOpen
    );
    expect(link).toHaveAttribute('href', '/app/entraSpHunt?run=1&id=r1');
    fireEvent.click(link);
    expect(opened).toEqual(['r1']);
    // A click that asks for a new tab is left to the browser.
    fireEvent.click(link, { ctrlKey: true });
    expect(opened).toEqual(['r1']);
  });

  it.each([
    [{ status: 'first', rows: [] }, 'No earlier run to compare'],
    [{ status: 'off' }, 'Run history is turned off in this space'],
    [
      {
        status: 'compared',
        previous: RUNS[2],
        newRows: new Set([{} as HuntRow, {} as HuntRow]),
        rows: [],
      },
      '2 rows are new since the previous complete run of this view (23 Nov 2026, 09:00:00 UTC)',
    ],
    [{ status: 'error', message: 'You lack the privilege.' }, 'You lack the privilege.'],
  ] as Array<[RunComparison, string]>)('says how the rows compare: %o', (comparison, expected) => {
    renderRuns(comparison);
    const status =
      screen.queryByTestId(DATA_TEST_SUBJ.recentRunsStatus) ??
      screen.getByTestId(DATA_TEST_SUBJ.recentRunsError);
    expect(status).toHaveTextContent(expected);
  });

  it('says when the view has no runs kept', () => {
    renderRuns({ status: 'off' }, []);
    expect(screen.getByTestId(DATA_TEST_SUBJ.recentRuns)).toHaveTextContent(
      'No runs of this view are kept in this space yet.'
    );
    expect(screen.queryByTestId(DATA_TEST_SUBJ.recentRunsChart)).toBeNull();
  });
});
