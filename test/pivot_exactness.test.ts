/**
 * Pivots return exactly the evidence behind a result. For the default hunt and variants (other
 * thresholds, grouped by id, a trusted range, a window starting at a UTC midnight), against the
 * fake Elasticsearch's ES|QL interpreter (the routes over HTTP through the real client, the pivot
 * queries straight into the interpreter, as many of them run):
 * - the hunt route's rows are the rows a plain loop over the scenario documents finds;
 * - every row's pivot (as sent, and inlined as Discover runs it) and the events route return
 *   exactly the events that row counted, and the flyout's IP table counts them per IP;
 * - every value of every row (principal name and id, action, each IP) pivots to exactly the events
 *   carrying it in the window.
 * Expectations come from test/helpers/scenario_expectations.ts, never from the queries.
 */
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { EVENTS_API_PATH, HUNT_API_PATH } from '../common/constants';
import type { EventsResponse, HuntResponse, HuntWireResponse } from '../common/hunt/api_types';
import { huntResponseFromWire } from '../common/hunt/hunt_wire';
import { huntParamsSchema, type HuntParams } from '../common/hunt/hunt_params';
import {
  buildRowPivot,
  buildValuePivot,
  rowKey,
  type PivotQuery,
  type PivotValueKind,
} from '../common/hunt/pivot_queries';
import { readRecords, type HuntRow } from '../common/hunt/shape_results';
import { ipSummaries, timeline } from '../public/components/row_flyout/event_summaries';
import { registerEventsRoute } from '../server/routes/events_route';
import { registerHuntRoute } from '../server/routes/hunt_route';
import {
  buildScenario,
  buildScenarioIndices,
  MIDNIGHT_DAYS_AGO,
} from './fixtures/scenario/build_scenario';
import {
  startFakeElasticsearch,
  type FakeElasticsearch,
} from './harness/fake_elasticsearch/server';
import { runEsql } from './harness/fake_elasticsearch/esql_engine';
import { FakeIndex } from './harness/fake_elasticsearch/indices';
import { createRequestContext } from './helpers/es_mock';
import { payloadJson } from './helpers/pass_through';
import { callRoute } from './helpers/route_runner';
import {
  eventKey,
  eventsPerIp,
  expectedHuntRows,
  expectedValueEvents,
  recordKey,
  selectedEvents,
  type ExpectedRow,
  type HuntExpectation,
  type ScenarioEvent,
} from './helpers/scenario_expectations';

const DAY_MS = 86_400_000;
const NOW = new Date();
const DOCUMENTS = buildScenario(NOW);
const INDICES = buildScenarioIndices(NOW);
const IN_PROCESS = INDICES.map((input) => new FakeIndex(input));
const MIDNIGHT = new Date(
  Math.floor(NOW.getTime() / DAY_MS) * DAY_MS - MIDNIGHT_DAYS_AGO * DAY_MS
).toISOString();

const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ['the default hunt', {}],
  ['at most 7 a day', { max_daily_actions: 7 }],
  ['at least 3 IPs', { min_distinct_ips: 3 }],
  ['grouped by id', { group_by: 'id' }],
  ['10.20.0.0/16 trusted', { trusted_cidrs: ['10.20.0.0/16'] }],
  // One address of group 11's two-address event is trusted: the event stays, with both.
  ['203.0.113.0/24 trusted', { trusted_cidrs: ['203.0.113.0/24'] }],
  [
    '203.0.113.0/24 and 2001:db8::/32 trusted',
    { trusted_cidrs: ['203.0.113.0/24', '2001:db8::/32'] },
  ],
  // Starts exactly at the UTC midnight holding group 15's 00:00:00.000 event.
  ['a window from a UTC midnight', { time_range: { from: MIDNIGHT, to: NOW.toISOString() } }],
];

let fake: FakeElasticsearch;
let client: Client;
const router = httpServiceMock.createRouter();
registerHuntRoute(router, loggingSystemMock.createLogger());
registerEventsRoute(router, loggingSystemMock.createLogger());
const counts = { rows: 0, values: 0, events: 0, wrong: 0 };

beforeAll(async () => {
  fake = await startFakeElasticsearch({ indices: INDICES });
  client = new Client({ node: fake.url, maxRetries: 0 });
});

afterAll(async () => {
  await client.close();
  await fake.close();
  // Printed figures, read in CI logs.
  process.stdout.write(
    `pivot exactness: ${counts.rows} rows checked (row pivot sent and inlined, events route, flyout IP table and timeline), ${counts.values} distinct values checked (value pivot sent and inlined), ${counts.events} events compared, ${counts.wrong} wrong\n`
  );
});

function keys(events: ScenarioEvent[]): string[] {
  return events.map(eventKey).sort();
}

/** Compares and counts; a mismatch is recorded and fails the test. */
function expectSame(actual: string[], expected: string[]): void {
  counts.events += expected.length;
  if (JSON.stringify([...actual].sort()) !== JSON.stringify(expected)) counts.wrong += 1;
  expect([...actual].sort()).toEqual(expected);
}

/**
 * A pivot as the server sends it (params) or as Discover runs it (inlined, window as filter).
 * Pivots pin the run's instants, so the inlined form is run as Discover would open it weeks later
 * (LATER_MS after the window ended) and must still read the same events.
 */
const LATER_MS = 45 * 24 * 3600 * 1000;

function runPivot(pivot: PivotQuery, inlined: boolean, at: number): string[] {
  const { body } = runEsql(
    IN_PROCESS,
    inlined
      ? { query: pivot.inlined, filter: pivot.filter }
      : { query: pivot.query, params: pivot.params, filter: pivot.filter },
    { now: at }
  );
  return readRecords(body).map(recordKey);
}

async function hunt(input: Record<string, unknown>): Promise<HuntResponse> {
  const response = await callRoute(router.versioned.getRoute('post', HUNT_API_PATH), {
    body: input,
    context: createRequestContext(client),
  });
  expect(response.status).toBe(200);
  // The rows as the page gets them: shaped in the browser from Elasticsearch's columns and values.
  return huntResponseFromWire(payloadJson<HuntWireResponse>(response));
}

function rowSummary(row: HuntRow, groupBy: HuntParams['group_by']) {
  return {
    day: row.day,
    action: row.action,
    principal: groupBy === 'name' ? row.service_principal_name : row.service_principal_id,
    events: row.daily_action_count,
    ips: [...row.ips].sort(),
    datasets: [...row.datasets].sort(),
    others: [
      ...(groupBy === 'name' ? row.service_principal_ids : row.service_principal_names),
    ].sort(),
    actions: [...row.event_actions].sort(),
  };
}

function expectedSummary(row: ExpectedRow) {
  return {
    day: row.day,
    action: row.action,
    principal: row.principal,
    events: row.events.length,
    ips: row.ips,
    datasets: row.datasets,
    others: row.others,
    actions: row.actions,
  };
}

function valuesOf(row: HuntRow): Array<[PivotValueKind, string]> {
  return [
    ...row.service_principal_names.map((value): [PivotValueKind, string] => [
      'service_principal_name',
      value,
    ]),
    ...row.service_principal_ids.map((value): [PivotValueKind, string] => [
      'service_principal_id',
      value,
    ]),
    ...(row.action === null ? [] : [['event.action', row.action] as [PivotValueKind, string]]),
    ...row.ips.map((ip): [PivotValueKind, string] => ['source.ip', ip]),
  ];
}

describe.each(VARIANTS)('%s', (_name, input) => {
  // Several pivots per row and value, each a real HTTP round trip on a shared 2-core machine.
  jest.setTimeout(60_000);

  it('returns the rows, and exactly the events behind every row and every value', async () => {
    const params = huntParamsSchema.parse(input);
    const response = await hunt(input);
    expect(response.outcome).toBe('ok');
    const window = { start: response.time.start, end: response.time.end };
    const expectation: HuntExpectation = {
      start: Date.parse(window.start),
      end: Date.parse(window.end),
      maxDaily: params.max_daily_actions,
      minIps: params.min_distinct_ips,
      groupBy: params.group_by,
      trustedCidrs: params.trusted_cidrs,
    };
    const expected = expectedHuntRows(DOCUMENTS, expectation);
    const order = (a: { day: string | null; action: string | null; principal: string | null }) =>
      JSON.stringify([a.day, a.action, a.principal]);
    expect(
      response.rows
        .map((row) => rowSummary(row, params.group_by))
        .sort((a, b) => order(a).localeCompare(order(b)))
    ).toEqual(expected.map(expectedSummary).sort((a, b) => order(a).localeCompare(order(b))));
    expect(response.rows.length).toBeGreaterThan(0);

    const fields = new Set(response.available_fields);
    const time = { ...params.time_range, ...window };
    const selected = selectedEvents(DOCUMENTS, expectation);
    // A value shared by several rows (an action, an IP) has one set of events: checked once.
    const valuesChecked = new Set<string>();
    for (const row of response.rows) {
      counts.rows += 1;
      const key = rowKey(row, params.group_by);
      const behind = expected.find(
        (candidate) =>
          candidate.day === row.day &&
          candidate.action === row.action &&
          candidate.principal === key?.principal
      );
      if (!key || !behind) throw new Error('a row without its expectation');
      const wanted = keys(behind.events);

      const pivot = buildRowPivot(params, key, fields, window);
      if (!pivot) throw new Error('no row pivot');
      expectSame(runPivot(pivot, false, expectation.end), wanted);
      expectSame(runPivot(pivot, true, expectation.end + LATER_MS), wanted);
      const events = await callRoute(router.versioned.getRoute('post', EVENTS_API_PATH), {
        // The run's own window, as the flyout sends it.
        body: { ...input, window, row: key },
        context: createRequestContext(client),
      });
      expect(events.status).toBe(200);
      const records = (events.payload as EventsResponse).events;
      expectSame(records.map(recordKey), wanted);

      // The flyout's IP table and timeline count every IP of every event.
      const perIp = eventsPerIp(behind.events);
      expect(new Map(ipSummaries(records).map((summary) => [summary.ip, summary.events]))).toEqual(
        perIp
      );
      const plotted = timeline(records).reduce((sum, point) => sum + point.count, 0);
      expect(plotted).toBe([...perIp.values()].reduce((sum, count) => sum + count, 0));

      for (const [kind, value] of valuesOf(row)) {
        if (valuesChecked.has(`${kind}=${value}`)) continue;
        valuesChecked.add(`${kind}=${value}`);
        counts.values += 1;
        const valuePivot = buildValuePivot(params, kind, value, time, fields);
        if (!valuePivot) throw new Error('no value pivot');
        const carrying = keys(expectedValueEvents(selected, kind, value));
        expectSame(runPivot(valuePivot, false, expectation.end), carrying);
        expectSame(runPivot(valuePivot, true, expectation.end + LATER_MS), carrying);
      }
    }
  });
});
