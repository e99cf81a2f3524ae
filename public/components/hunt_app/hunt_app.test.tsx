import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import { createTimeHistory, TIME_HISTORY_STORAGE_KEY } from '@kbn/data-plugin/public/mocks';
import {
  COVERAGE_API_PATH,
  HUNT_API_PATH,
  PLUGIN_NAME,
  TRIAGE_API_PATH,
} from '../../../common/constants';
import type { CoverageResponse } from '../../../common/hunt/coverage';
import { COMPLETE_RESULT } from '../../../common/hunt/result_notes';
import { GRAPH_SP_ID_FIELD, HUNT_FIELDS } from '../../../common/hunt/data_sources';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createCoreStart, type PostHandler } from '../../../test/helpers/core_start';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { bodyRows } from '../../../test/helpers/data_grid';
import {
  huntResponse,
  huntRow,
  huntWire,
  ipTriage,
  triageResponse,
} from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { HuntApp } from './hunt_app';

/** How long a second run may take to re-render the page (waitFor's own default is 1 s). */
const RERUN_TIMEOUT_MS = 10_000;

const coverage: CoverageResponse = {
  ...COMPLETE_RESULT,
  index_count: 2,
  available_fields: HUNT_FIELDS.filter((field) => field !== GRAPH_SP_ID_FIELD),
  missing_common_fields: [],
  datasets: [],
  time: { from: 'now-30d', to: 'now', start: 'a', end: 'b' },
};

function responseWithRows(count: number) {
  return huntResponse({
    rows: Array.from({ length: count }, (_, index) =>
      huntRow({
        action: `action-${index}`,
        service_principal_name: `sp-${index}`,
        service_principal_names: [`sp-${index}`],
        service_principal_ids: [],
        ips: ['192.0.2.1', '192.0.2.2'],
        datasets: ['azure.signinlogs'],
        event_actions: [`action-${index}`],
      })
    ),
  });
}

/**
 * The triage of those rows: 192.0.2.1 is used by eight principals besides each row's (shared),
 * 192.0.2.2 by none; the addresses are in two countries and networks. sp-0 used both addresses
 * and its action before the window; sp-1 has no history, so it has the stronger evidence.
 */
const triage = triageResponse({
  ips: [
    ipTriage({
      ip: '192.0.2.1',
      events: 40,
      principals: 9,
      principal_values: ['other-a', 'sp-0', 'sp-1'],
      country_code: ['GB'],
      country_name: ['United Kingdom'],
      as_org: ['Example Egress'],
      as_number: ['64500'],
    }),
    ipTriage({
      ip: '192.0.2.2',
      events: 2,
      principals: 1,
      country_code: ['NL'],
      country_name: ['Netherlands'],
      as_org: ['Example Cloud'],
      as_number: ['64501'],
    }),
  ],
  baseline: [
    {
      principal: 'sp-0',
      events: 3,
      ips: ['192.0.2.1', '192.0.2.2'],
      actions: ['action-0'],
      first_seen: '2026-10-01T00:00:00.000Z',
    },
  ],
});

const answers: PostHandler = async (path) => {
  if (path === COVERAGE_API_PATH) return coverage;
  if (path === TRIAGE_API_PATH) return triage;
  return huntWire(responseWithRows(2));
};

function renderApp(
  search = '',
  onPost: PostHandler = answers,
  uiSettings?: Record<string, unknown>
) {
  const history = createMemoryHistory({ initialEntries: [`/${search}`] });
  const setup = createCoreStart(onPost, { uiSettings });
  renderWithProviders(
    <ServicesProvider services={setup.services}>
      <HuntApp history={history} />
    </ServicesProvider>
  );
  return { history, ...setup };
}

/**
 * The whole page with an EuiDataGrid of results renders in jsdom in 5-30 s on a busy 2-core
 * machine: the first render of a file loads EUI's icons and the grid through the transformer, and
 * queries over the page's large DOM are slow in jsdom. Far past jest's 5 s default.
 */
jest.setTimeout(90_000);

describe('HuntApp with Cases', () => {
  it('adds exactly the selected rows, over the run window, then clears the selection', async () => {
    const history = createMemoryHistory({ initialEntries: ['/?max_daily=3'] });
    // The fields the run found: the session's query is built from them, as the hunt's was.
    // The server answers over the window the page sent, as the hunt route does. A triage with no
    // evidence keeps the hunt's order, so the first row shown is sp-0.
    const setup = createPivotServices(async (path, body) => {
      if (path === COVERAGE_API_PATH) return coverage;
      if (path === TRIAGE_API_PATH) return triageResponse();
      const sent = (body as { window: { start: string; end: string } }).window;
      const answer = responseWithRows(2);
      return huntWire({
        ...answer,
        time: { ...answer.time, ...sent },
        available_fields: coverage.available_fields,
      });
    });
    renderWithProviders(
      setup.withKibana(
        <ServicesProvider services={setup.services}>
          <HuntApp history={history} />
        </ServicesProvider>
      )
    );
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await screen.findByTestId(DATA_TEST_SUBJ.resultsTable);
    const hunt = setup.posts.find((post) => post.path === HUNT_API_PATH);
    // The page resolved the window once and sent its instants; links and the case reuse them.
    const window = (hunt?.body as { window: { start: string; end: string } }).window;
    expect(Date.parse(window.end) - Date.parse(window.start)).toBe(30 * 24 * 3600 * 1000);
    expect(history.location.search).toContain(`start=${encodeURIComponent(window.start)}`);
    const [firstRow] = screen.getAllByTestId(DATA_TEST_SUBJ.selectRow);
    fireEvent.click(firstRow);
    // A form change after the run must not leak into the comment: the rows came from max 3.
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.maxDailyInput), { target: { value: '9' } });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase));
    fireEvent.click(await screen.findByTestId('harnessCaseCreate'));
    await waitFor(() => expect(setup.cases).toHaveLength(2), { timeout: RERUN_TIMEOUT_MS });
    const [comment, session] = setup.cases[1].attachments;
    if (comment.type !== 'user' || session.type !== 'discoverSession')
      throw new Error('expected the comment and the session');
    expect(comment.comment).toContain('at most 3 events a day');
    expect(comment.comment).toContain('| sp\\-0 |');
    expect(comment.comment).not.toContain('sp\\-1');
    expect(comment.comment).toContain('[Reopen this hunt](</app/r?l=ENTRA_SP_HUNT_LOCATOR');
    // The session holds exactly the added finding, over the run's instants.
    const esql = setup.saved[0].searchSource.getField('query')?.esql ?? '';
    expect(esql).toContain('"sp-0"');
    expect(esql).not.toContain('"sp-1"');
    expect(esql).toContain(`TO_DATETIME("${window.start}")`);
    expect(setup.saved[0].timeRange).toEqual({ from: window.start, to: window.end });
    // Added once: the selection clears, so the same rows are not added twice by mistake.
    await waitFor(() => expect(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase)).toBeDisabled(), {
      timeout: RERUN_TIMEOUT_MS,
    });
  });
});

describe('HuntApp', () => {
  it("resolves the range once, in Kibana's dateFormat:tz zone, and sends the instants", async () => {
    // Midnight in Sydney (never UTC's), whatever the zone of the machine running the page.
    const { posts } = renderApp('?from=now-7d%2Fd&to=now%2Fd', answers, {
      'dateFormat:tz': 'Australia/Sydney',
    });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await waitFor(() => expect(posts.some((post) => post.path === HUNT_API_PATH)).toBe(true));
    const hunt = posts.find((post) => post.path === HUNT_API_PATH);
    const sent = (hunt?.body as { window: { start: string; end: string } }).window;
    const sydney = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Australia/Sydney',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    expect(sydney.format(new Date(sent.start))).toBe('00:00:00');
    expect(sydney.format(new Date(sent.end))).toBe('23:59:59');
    expect((hunt?.body as { time_range: unknown }).time_range).toEqual({
      from: 'now-7d/d',
      to: 'now/d',
    });
  });

  it('asks the triage about the rows’ addresses and principals over the pinned window, and sorts by its evidence', async () => {
    const { posts } = renderApp();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    const grid = await screen.findByTestId(DATA_TEST_SUBJ.resultsTable);
    await waitFor(() =>
      expect(screen.getByTestId(DATA_TEST_SUBJ.triageStatus)).toHaveTextContent(
        'Sorted by evidence'
      )
    );
    const request = posts.find((post) => post.path === TRIAGE_API_PATH)?.body;
    expect(request).toMatchObject({
      time_range: { from: '2026-10-28T00:00:00.000Z', to: '2026-11-27T00:00:00.000Z' },
      ips: ['192.0.2.1', '192.0.2.2'],
      principals: ['sp-0', 'sp-1'],
    });
    await waitFor(() => expect(bodyRows(grid)[0].principal).toBe('sp-1'));
    const [first, second] = bodyRows(grid);
    expect(first.evidence).toContain('principal not seen in baseline');
    expect(first.evidence).toContain('2 countries');
    expect(second.principal).toBe('sp-0');
    expect(second.evidence).toContain('1 IP shared by many principals');
    expect(second.evidence).not.toContain('new');
    expect(second.countries).toBe('2');
    expect(second.whereFrom).toContain('192.0.2.1: United Kingdom · Example Egress');
  });

  it('keeps the rows when the triage fails, and says why in words', async () => {
    const failingTriage: PostHandler = async (path, body, options) => {
      if (path !== TRIAGE_API_PATH) return answers(path, body, options);
      throw Object.assign(new Error('Forbidden'), {
        response: { status: 403 },
        body: { statusCode: 403, message: 'You lack read access to logs-azure.*.' },
      });
    };
    renderApp('', failingTriage);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    const error = await screen.findByTestId(DATA_TEST_SUBJ.triageError);
    expect(error).toHaveTextContent('You lack read access to logs-azure.*.');
    expect(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).toBeInTheDocument();
  });

  it('sets breadcrumbs and title, and fetches coverage before anything runs', async () => {
    const { breadcrumbs, titles, posts } = renderApp();
    expect(breadcrumbs).toEqual([[{ text: PLUGIN_NAME }]]);
    expect(titles).toEqual([[PLUGIN_NAME]]);
    await waitFor(() => expect(posts.map((post) => post.path)).toEqual([COVERAGE_API_PATH]));
    expect(posts[0].body).toEqual({
      time_range: { from: 'now-30d', to: 'now' },
      index_patterns: ['logs-azure.*', 'logs-o365.audit-*'],
    });
    expect(posts[0].options.version).toBe('1');
    expect(screen.getByText('Ready to hunt')).toBeInTheDocument();
  });

  it('previews the query for the fields that exist', async () => {
    renderApp();
    await waitFor(() =>
      expect(screen.getByText(/sends them as ES\|QL params/)).toBeInTheDocument()
    );
    const code = screen.getByTestId(DATA_TEST_SUBJ.queryPreviewCode).textContent ?? '';
    expect(code).toContain('(daily_action_count <= 5 and distinct_ips >= 2)');
    expect(code).not.toContain('graphactivitylogs.properties');
  });

  it('runs with the validated params, writes run=1 to the URL and shows rows', async () => {
    const { posts, history } = renderApp('?max_daily=3');
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await waitFor(() =>
      expect(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).toBeInTheDocument()
    );
    const hunt = posts.find((post) => post.path === HUNT_API_PATH);
    expect(hunt?.body).toMatchObject({
      max_daily_actions: 3,
      min_distinct_ips: 2,
      group_by: 'name',
      limit: 1000,
    });
    // The link pins the window the run used: the instants the page sent.
    const sent = (hunt?.body as { window: { start: string; end: string } }).window;
    expect(history.location.search).toBe(
      `?max_daily=3&run=1&start=${encodeURIComponent(sent.start)}&end=${encodeURIComponent(sent.end)}`
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.resultCount)).toHaveTextContent(
      '2 rare actions from several IPs (5 ms in Elasticsearch)'
    );
  });

  it('runs on open when the link asks to, and marks results stale after an edit', async () => {
    const { posts, history } = renderApp('?min_ips=3&run=1');
    await waitFor(() => expect(posts.some((post) => post.path === HUNT_API_PATH)).toBe(true));
    await screen.findByTestId(DATA_TEST_SUBJ.resultsTable);
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.minIpsInput), { target: { value: '4' } });
    expect(screen.getByTestId(DATA_TEST_SUBJ.stale)).toBeInTheDocument();
    expect(history.location.search).toBe('?min_ips=4');
  });

  it('does not run a link with invalid values, and shows them with their error', async () => {
    const { posts } = renderApp('?min_ips=zero&run=1');
    expect(screen.getByTestId(DATA_TEST_SUBJ.minIpsInput)).toHaveValue(null);
    expect(screen.getByText('must be a number')).toBeInTheDocument();
    expect(screen.getByTestId(DATA_TEST_SUBJ.linkNotRun)).toBeInTheDocument();
    await waitFor(() => expect(posts.length).toBeGreaterThan(0));
    expect(posts.some((post) => post.path === HUNT_API_PATH)).toBe(false);
  });

  it.each([
    ['from', '2026-02-29', 'is not a date on the calendar'],
    ['to', '2025-04-31T00:00:00Z', 'is not a date on the calendar'],
    ['from', 'now-300000y', 'must resolve to a date between the years 0000 and 9999'],
    ['to', 'now%2B999999y', 'must resolve to a date between the years 0000 and 9999'],
  ])(
    'a run=1 link with %s=%s shows the field error instead of running',
    async (key, value, message) => {
      const { posts } = renderApp(`?${key}=${value}&run=1`);
      expect(screen.getByText(new RegExp(message))).toBeInTheDocument();
      expect(screen.getByTestId(DATA_TEST_SUBJ.linkNotRun)).toBeInTheDocument();
      expect(screen.getByTestId(DATA_TEST_SUBJ.runButton)).toBeDisabled();
      // The auto-run would have posted while mounting; nothing reached the hunt route.
      expect(posts.some((post) => post.path === HUNT_API_PATH)).toBe(false);
    }
  );

  it('shows the server error with its reason', async () => {
    const failing: PostHandler = async (path) => {
      if (path === COVERAGE_API_PATH) return coverage;
      throw Object.assign(new Error('Forbidden'), {
        response: { status: 403 },
        body: {
          statusCode: 403,
          message: 'You lack read access to logs-azure.*.',
          attributes: { code: 'forbidden', reason: 'unauthorized' },
        },
      });
    };
    renderApp('', failing);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    const error = await screen.findByTestId(DATA_TEST_SUBJ.error);
    expect(error).toHaveTextContent('You lack read access to logs-azure.*.');
    expect(error).toHaveTextContent('HTTP status 403');
  });

  it('follows a link opened while mounted (history push) and runs it', async () => {
    const { posts, history } = renderApp();
    await waitFor(() => expect(posts.length).toBe(1));
    act(() => history.push({ search: '?max_daily=9&run=1' }));
    await waitFor(() =>
      expect(posts.find((post) => post.path === HUNT_API_PATH)?.body).toMatchObject({
        max_daily_actions: 9,
      })
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.maxDailyInput)).toHaveValue(9);
  });

  it('after a run, focuses the results, says what ran, and remembers the time range as recently used', async () => {
    const stored = new Map<string, unknown>();
    const timeHistory = createTimeHistory({
      get: (key) => stored.get(key),
      set: (key, value) => stored.set(key, value),
    });
    const history = createMemoryHistory({ initialEntries: ['/?from=now-7d'] });
    const setup = createCoreStart(answers, { uiSettings: { 'dateFormat:tz': 'UTC' } });
    renderWithProviders(
      <ServicesProvider services={{ ...setup.services, timeHistory }}>
        <HuntApp history={history} />
      </ServicesProvider>
    );
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await screen.findByTestId(DATA_TEST_SUBJ.resultsTable);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByTestId(DATA_TEST_SUBJ.resultsTitle))
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.runSummary)).toHaveTextContent(
      'over 28 Oct 2026, 00:00:00 UTC to 27 Nov 2026, 00:00:00 UTC (UTC)'
    );
    expect(stored.get(TIME_HISTORY_STORAGE_KEY)).toEqual([{ from: 'now-7d', to: 'now' }]);
    expect(screen.getByTestId(DATA_TEST_SUBJ.statusAnnouncer)).toHaveTextContent(
      'The hunt finished: 2 rows.'
    );
  });

  it('announces a failed hunt to screen readers', async () => {
    const failing: PostHandler = async (path) => {
      if (path === COVERAGE_API_PATH) return coverage;
      throw Object.assign(new Error('Gateway Timeout'), {
        response: { status: 504 },
        body: {
          statusCode: 504,
          message: 'Elasticsearch did not answer in time.',
          attributes: { code: 'timeout' },
        },
      });
    };
    renderApp('', failing);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.runButton));
    await screen.findByTestId(DATA_TEST_SUBJ.error);
    expect(screen.getByTestId(DATA_TEST_SUBJ.statusAnnouncer)).toHaveTextContent(
      'The hunt timed out. Elasticsearch did not answer in time.'
    );
  });
});
