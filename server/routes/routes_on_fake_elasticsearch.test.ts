/**
 * The routes against the fake Elasticsearch over HTTP, which runs every query it receives through
 * its ES|QL interpreter: coverage counts, a hunt over part of the integrations, a long hunt polled to
 * its end and one cancelled. Expected figures come from plain loops over the scenario documents.
 */
import {
  COVERAGE_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../../common/constants';
import type {
  HuntResponse,
  HuntStatusResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from '../../common/hunt/api_types';
import { huntResponseFromWire, huntStatusFromWire } from '../../common/hunt/hunt_wire';
import { payloadJson } from '../../test/helpers/pass_through';
import { COMPLETE_RESULT } from '../../common/hunt/result_notes';
import type { CoverageResponse } from '../../common/hunt/coverage';
import { createRequestContext } from '../../test/helpers/es_mock';
import { callRoute } from '../../test/helpers/route_runner';
import { routesOnScenario } from '../../test/helpers/routes_on_scenario';
import { expectedHuntRows } from '../../test/helpers/scenario_expectations';

const NOW = new Date();
const scenario = routesOnScenario(NOW);
const { router, documents: DOCUMENTS } = scenario;

function call(path: string, body: unknown) {
  return callRoute(router.versioned.getRoute('post', path), {
    body,
    context: createRequestContext(scenario.client()),
  });
}

function rowKeys(
  rows: Array<{ day: string | null; action: string | null; principal: string | null }>
) {
  return rows.map((row) => JSON.stringify([row.day, row.action, row.principal])).sort();
}

describe('routes on the ES|QL interpreter', () => {
  it('coverage counts each data source’s events in the window, as a loop over the documents does', async () => {
    const response = await call(COVERAGE_API_PATH, {});
    expect(response.status).toBe(200);
    const coverage = response.payload as CoverageResponse;
    const start = Date.parse(coverage.time.start);
    const end = Date.parse(coverage.time.end);
    const expected = new Map<string, number>();
    for (const { _source: source } of DOCUMENTS) {
      const time = Date.parse(String(source['@timestamp']));
      if (time <= start || time > end) continue;
      const dataset = String((source.event as Record<string, unknown>).dataset);
      expected.set(dataset, (expected.get(dataset) ?? 0) + 1);
    }
    expect(new Map(coverage.datasets.map((entry) => [entry.dataset, entry.event_count]))).toEqual(
      expected
    );
    expect(coverage.datasets.every((entry) => entry.status === 'ready')).toBe(true);
    expect(coverage.index_count).toBe(4);
  });

  it('hunts over part of the integrations, leaving the missing sources out of the query', async () => {
    const response = await call(HUNT_API_PATH, {
      index_patterns: ['logs-azure.signinlogs-*', 'logs-azure.auditlogs-*'],
    });
    expect(response.status).toBe(200);
    const hunt: HuntResponse = huntResponseFromWire(payloadJson<HuntWireResponse>(response));
    expect(hunt.datasets).toEqual(['azure.auditlogs', 'azure.signinlogs']);
    expect(hunt.skipped.map((entry) => [entry.dataset, entry.reason])).toEqual([
      ['o365.audit', 'missing_fields'],
      ['azure.graphactivitylogs', 'missing_fields'],
    ]);
    const expected = expectedHuntRows(DOCUMENTS, {
      start: Date.parse(hunt.time.start),
      end: Date.parse(hunt.time.end),
      datasets: ['azure.auditlogs', 'azure.signinlogs'],
    });
    expect(
      rowKeys(hunt.rows.map((row) => ({ ...row, principal: row.service_principal_name })))
    ).toEqual(rowKeys(expected));
  });

  it('answers a long hunt as running, then its rows on a later status check', async () => {
    scenario
      .fake()
      .addFault({ endpoint: '_query', queryContains: 'daily_action_count', runningMs: 2_500 });
    const submitted = payloadJson<HuntWireResponse>(await call(HUNT_API_PATH, {}));
    expect(submitted.outcome).toBe('running');
    const id = submitted.id ?? '';
    let status: HuntStatusResponse = {
      ...COMPLETE_RESULT,
      is_running: true,
      rows: [],
      took_ms: null,
    };
    // Each status call waits up to 5 s in Elasticsearch; the hunt ends within the first.
    for (let attempt = 0; attempt < 3 && status.is_running; attempt += 1) {
      status = huntStatusFromWire(
        payloadJson<HuntStatusWireResponse>(await call(HUNT_STATUS_API_PATH, { id, limit: 1000 }))
      );
    }
    expect(status.is_running).toBe(false);
    const expected = expectedHuntRows(DOCUMENTS, {
      start: Date.parse(submitted.time.start),
      end: Date.parse(submitted.time.end),
    });
    expect(
      rowKeys(status.rows.map((row) => ({ ...row, principal: row.service_principal_name })))
    ).toEqual(rowKeys(expected));
    // Read once, then deleted: nothing stays stored.
    expect(scenario.fake().asyncQueryIds()).toEqual([]);
  }, 30_000);

  it('cancels a running hunt, deleting it in Elasticsearch', async () => {
    scenario
      .fake()
      .addFault({ endpoint: '_query', queryContains: 'daily_action_count', runningMs: 60_000 });
    const submitted = payloadJson<HuntWireResponse>(await call(HUNT_API_PATH, {}));
    expect(scenario.fake().asyncQueryIds()).toHaveLength(1);
    expect((await call(HUNT_CANCEL_API_PATH, { id: submitted.id })).status).toBe(200);
    expect(scenario.fake().asyncQueryIds()).toEqual([]);
  }, 30_000);
});
