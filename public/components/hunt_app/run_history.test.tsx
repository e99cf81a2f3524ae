/**
 * Run history on the page: each run is recorded with the rows it showed, the second run of the
 * same view marks the row the first did not have as "new since <the first run>" in the table and
 * the flyout, the first run marks nothing and says so, and an earlier run opens as its pinned view.
 * The server side is a small in-memory stand-in of the three routes; what is new is decided by the
 * page, and expected here by comparing the two answers' rows directly.
 */
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import { COVERAGE_API_PATH, HUNT_API_PATH, TRIAGE_API_PATH } from '../../../common/constants';
import type { HuntRow } from '../../../common/hunt/shape_results';
import {
  RUN_API_PATH,
  RUNS_API_PATH,
  type Run,
  type RunRecordInput,
  type RunSummary,
} from '../../../common/run_history';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createCoreStart, type PostHandler } from '../../../test/helpers/core_start';
import { bodyRows } from '../../../test/helpers/data_grid';
import { huntResponse, huntRow, huntWire, triageResponse } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { HuntApp } from './hunt_app';

/** The whole page with its grid renders in jsdom in 5-30 s on a busy 2-core machine. */
jest.setTimeout(120_000);
const RERUN_TIMEOUT_MS = 20_000;
const FIRST_RECORDED = Date.parse('2026-11-25T10:00:00.000Z');

const rowOf = (principal: string, action: string): HuntRow =>
  huntRow({
    service_principal_name: principal,
    service_principal_names: [principal],
    action,
    event_actions: [action],
    day: '2026-11-20T00:00:00.000Z',
  });
const FIRST_ROWS = [rowOf('sp-a', 'Add owner'), rowOf('sp-b', 'Update application')];
const SECOND_ROWS = [...FIRST_ROWS, rowOf('sp-planted', 'Add owner')];

function historyServer() {
  const runs: Run[] = [];
  let answer = FIRST_ROWS;
  const onPost: PostHandler = async (path, body, options) => {
    if (path === COVERAGE_API_PATH) return undefined;
    if (path === TRIAGE_API_PATH) return triageResponse();
    if (path === HUNT_API_PATH) {
      const sent = (body as { window: { start: string; end: string } }).window;
      const rows = answer;
      return huntWire(
        huntResponse({ rows, time: { from: 'a', to: 'b', start: sent.start, end: sent.end } })
      );
    }
    if (path === RUNS_API_PATH && body) {
      const { params, ...record } = body as RunRecordInput;
      const { window, ...rest } = params;
      if (!window) throw new Error('a record without its window');
      const run: Run = {
        ...record,
        id: `run-${runs.length + 1}`,
        view_key: String(options.query?.view_key ?? 'the-view'),
        params: rest,
        window,
        ran_at: new Date(FIRST_RECORDED + runs.length * 3_600_000).toISOString(),
        author: 'analyst',
      };
      runs.push(run);
      const { keys: _keys, ...summary } = run;
      return { recorded: true, run: summary };
    }
    if (path === RUNS_API_PATH) {
      const listed: RunSummary[] = [...runs]
        .reverse()
        .map(({ keys: _keys, ...summary }) => summary);
      return { enabled: true, runs: listed };
    }
    const id = /\/runs\/(.+)$/.exec(path)?.[1];
    if (id && path === RUN_API_PATH.replace('{id}', id)) {
      return runs.find((run) => run.id === decodeURIComponent(id));
    }
    throw new Error(`unexpected ${path}`);
  };
  return { runs, onPost, answerWith: (rows: HuntRow[]) => (answer = rows) };
}

const SEARCH = '?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-25T00%3A00%3A00.000Z';

describe('run history on the page', () => {
  it('marks the row the previous run lacked as new, in the table and the flyout', async () => {
    const server = historyServer();
    const history = createMemoryHistory({ initialEntries: [`/${SEARCH}`] });
    const setup = createCoreStart(server.onPost);
    renderWithProviders(
      <ServicesProvider services={setup.services}>
        <HuntApp history={history} />
      </ServicesProvider>
    );

    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    const status = await screen.findByTestId(DATA_TEST_SUBJ.recentRunsStatus);
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'first'), {
      timeout: RERUN_TIMEOUT_MS,
    });
    expect(status).toHaveTextContent('No earlier run to compare');
    const firstGrid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    for (const shown of bodyRows(firstGrid)) {
      expect(shown.sinceLastRun).toBe('no earlier run to compare');
    }
    // The record carries what the page showed: every row's key.
    expect(server.runs).toHaveLength(1);
    expect(server.runs[0].keys.map((key) => key.principal)).toEqual(['sp-a', 'sp-b']);

    server.answerWith(SECOND_ROWS);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await waitFor(
      () =>
        expect(screen.getByTestId(DATA_TEST_SUBJ.recentRunsStatus)).toHaveAttribute(
          'data-status',
          'compared'
        ),
      { timeout: RERUN_TIMEOUT_MS }
    );
    // Expected by comparing the two answers directly: the rows of the second the first lacked.
    const firstKeys = FIRST_ROWS.map((row) => `${row.service_principal_name}|${row.action}`);
    const expectedNew = SECOND_ROWS.filter(
      (row) => !firstKeys.includes(`${row.service_principal_name}|${row.action}`)
    ).map((row) => row.service_principal_name);
    expect(expectedNew).toEqual(['sp-planted']);
    const grid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    await waitFor(() => expect(bodyRows(grid)).toHaveLength(3));
    const shownRows = bodyRows(grid);
    const markedNew = shownRows
      .filter((shown) => shown.sinceLastRun.startsWith('new since'))
      .map((shown) => shown.principal);
    expect(markedNew).toEqual(expectedNew);
    const planted = shownRows.find((shown) => shown.principal === 'sp-planted');
    expect(planted?.sinceLastRun).toContain('25 Nov 2026');
    for (const shown of shownRows.filter((each) => each.principal !== 'sp-planted')) {
      expect(shown.sinceLastRun).toBe('seen before');
    }
    expect(screen.getByTestId(DATA_TEST_SUBJ.recentRunsStatus)).toHaveTextContent(
      '1 row is new since the previous complete run of this view'
    );

    // The flyout of the planted row says it too.
    const index = shownRows.findIndex((shown) => shown.principal === 'sp-planted');
    const inspect = within(grid).getAllByTestId(DATA_TEST_SUBJ.inspectRow)[index];
    fireEvent.click(inspect);
    const badge = await screen.findByTestId(DATA_TEST_SUBJ.flyoutSinceLastRun);
    expect(badge).toHaveTextContent(/^new since 25 Nov 2026/);

    // The panel lists both runs, newest first; the older one opens as its pinned view.
    const listed = screen.getAllByTestId(DATA_TEST_SUBJ.recentRunsRow);
    expect(listed.map((row) => row.getAttribute('data-run-id'))).toEqual(['run-2', 'run-1']);
    expect(listed[0]).toHaveAttribute('data-shown', 'true');
    const open = within(listed[1]).getByTestId(DATA_TEST_SUBJ.recentRunsOpen);
    const first = server.runs[0];
    expect(open.getAttribute('href')).toContain(`start=${encodeURIComponent(first.window.start)}`);
    fireEvent.click(open);
    const search = new URLSearchParams(history.location.search);
    expect(search.get('run')).toBe('1');
    expect(search.get('start')).toBe(first.window.start);
    expect(search.get('end')).toBe(first.window.end);
  });
});
