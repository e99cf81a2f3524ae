/**
 * The triage route on the ES|QL interpreter: the prevalence and baseline queries run as written,
 * and their answers are compared with plain loops over the scenario documents (where from, how
 * common, how new), including multi-valued addresses and principals and indices that map no
 * enrichment. Bad bodies get 400s that name the field.
 */
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { huntResponseFromWire } from '../../common/hunt/hunt_wire';
import { payloadJson } from '../../test/helpers/pass_through';
import {
  HUNT_API_PATH,
  MAX_TRIAGE_IPS,
  MAX_TRIAGE_PRINCIPALS,
  TRIAGE_API_PATH,
} from '../../common/constants';
import type { HuntResponse, HuntWireResponse } from '../../common/hunt/api_types';
import {
  indexTriage,
  triageRow,
  triageSubjects,
  type TriageResponse,
} from '../../common/hunt/triage';
import { GEO_FIELDS } from '../../common/hunt/triage_query';
import { buildScenario, buildScenarioIndices } from '../../test/fixtures/scenario/build_scenario';
import {
  startFakeElasticsearch,
  type FakeElasticsearch,
} from '../../test/harness/fake_elasticsearch/server';
import { createRequestContext } from '../../test/helpers/es_mock';
import { callRoute } from '../../test/helpers/route_runner';
import {
  expectedBaseline,
  expectedHuntRows,
  expectedPrevalence,
  selectedEvents,
} from '../../test/helpers/scenario_expectations';
import { registerRoutes } from '.';

const DAY_MS = 86_400_000;
const NOW = new Date();
const DOCUMENTS = buildScenario(NOW);
const router = httpServiceMock.createRouter();
registerRoutes(router, loggingSystemMock.createLogger());
let fake: FakeElasticsearch;
let bare: FakeElasticsearch;
let client: Client;
let bareClient: Client;

/** The scenario's indices without any geo or AS mapping, as a cluster without enrichment. */
function indicesWithoutEnrichment() {
  return buildScenarioIndices(NOW).map((index) => ({
    ...index,
    mapping: {
      ...index.mapping,
      properties: Object.fromEntries(
        Object.entries(index.mapping.properties).filter(
          ([field]) => !field.startsWith('source.geo.') && !field.startsWith('source.as.')
        )
      ),
    },
  }));
}

beforeAll(async () => {
  fake = await startFakeElasticsearch({ indices: buildScenarioIndices(NOW) });
  bare = await startFakeElasticsearch({ indices: indicesWithoutEnrichment() });
  client = new Client({ node: fake.url, maxRetries: 0 });
  bareClient = new Client({ node: bare.url, maxRetries: 0 });
});

afterAll(async () => {
  await Promise.all([client.close(), bareClient.close()]);
  await Promise.all([fake.close(), bare.close()]);
});

function call(path: string, body: unknown, on: Client = client) {
  return callRoute(router.versioned.getRoute('post', path), {
    body,
    context: createRequestContext(on),
  });
}

async function huntThenTriage(extra: Record<string, unknown> = {}, on: Client = client) {
  // The hunt route passes Elasticsearch's answer through; rows are shaped as the browser does.
  const hunt: HuntResponse = huntResponseFromWire(
    payloadJson<HuntWireResponse>(await call(HUNT_API_PATH, extra, on))
  );
  const groupBy = extra.group_by === 'id' ? 'id' : 'name';
  const subjects = triageSubjects(hunt.rows, groupBy, {
    ips: MAX_TRIAGE_IPS,
    principals: MAX_TRIAGE_PRINCIPALS,
  });
  const response = await call(
    TRIAGE_API_PATH,
    {
      ...extra,
      // The window as it ran, pinned, so the triage compares the same instants.
      time_range: { from: hunt.time.start, to: hunt.time.end },
      ips: subjects.ips,
      principals: subjects.principals,
    },
    on
  );
  expect(response.status).toBe(200);
  return { hunt, subjects, triage: response.payload as TriageResponse };
}

describe('triage route on the ES|QL interpreter', () => {
  it('counts events and principals per address, with country and network, as loops over the window do', async () => {
    const { hunt, subjects, triage } = await huntThenTriage();
    const start = Date.parse(hunt.time.start);
    const end = Date.parse(hunt.time.end);
    const selected = selectedEvents(DOCUMENTS, { start, end });
    expect(subjects.ips.length).toBeGreaterThan(10);
    expect(triage.ips.map((entry) => entry.ip).sort()).toEqual([...subjects.ips].sort());
    for (const entry of triage.ips) {
      const expected = expectedPrevalence(selected, entry.ip);
      expect([entry.ip, entry.events]).toEqual([entry.ip, expected.events]);
      expect([entry.ip, entry.principals]).toEqual([entry.ip, expected.principals.length]);
      expect(entry.principal_values).toEqual(expected.principals.slice(0, 25));
      expect([entry.ip, entry.country_code]).toEqual([entry.ip, expected.countries]);
      expect([entry.ip, entry.as_number]).toEqual([entry.ip, expected.networks]);
    }
    // The shared egress of the scenario: seven principals at least, so a benign sign.
    const egress = triage.ips.find((entry) => entry.ip === '1.128.3.4');
    expect(egress?.principals).toBeGreaterThanOrEqual(7);
    // A two-address event carries no enrichment for either address; the IPv6 alone does.
    const ipv6 = expectedPrevalence(selected, '2001:db8:4860::17');
    expect(ipv6.events).toBe(2);
    expect(ipv6.countries).toEqual(['CA']);
    expect(triage.missing_geo_fields).toEqual([]);
  });

  it('reads each principal’s addresses and actions in the baseline before the window', async () => {
    const { hunt, subjects, triage } = await huntThenTriage();
    const start = Date.parse(hunt.time.start);
    expect(triage.baseline_window).toEqual({
      start: new Date(start - 30 * DAY_MS).toISOString(),
      end: hunt.time.start,
    });
    const baselineEvents = selectedEvents(DOCUMENTS, { start: start - 30 * DAY_MS, end: start });
    const byPrincipal = new Map(triage.baseline.map((entry) => [entry.principal, entry]));
    for (const principal of subjects.principals) {
      const expected = expectedBaseline(baselineEvents, principal);
      const found = byPrincipal.get(principal);
      if (expected.events === 0) {
        expect([principal, found]).toEqual([principal, undefined]);
        continue;
      }
      expect([principal, found?.events, found?.ips, found?.actions]).toEqual([
        principal,
        expected.events,
        expected.ips,
        expected.actions,
      ]);
    }
    // The scenario has both kinds: principals with history and principals never seen.
    expect(byPrincipal.size).toBeGreaterThan(3);
    expect(subjects.principals.length).toBeGreaterThan(byPrincipal.size);
  });

  it('marks per row the new addresses, a new action and the shared addresses, as loops say', async () => {
    const { hunt, triage } = await huntThenTriage();
    const start = Date.parse(hunt.time.start);
    const selected = selectedEvents(DOCUMENTS, { start, end: Date.parse(hunt.time.end) });
    const baselineEvents = selectedEvents(DOCUMENTS, { start: start - 30 * DAY_MS, end: start });
    const index = indexTriage(triage);
    const expectedRows = expectedHuntRows(DOCUMENTS, { start, end: Date.parse(hunt.time.end) });
    expect(hunt.rows).toHaveLength(expectedRows.length);
    let newIps = 0;
    let shared = 0;
    for (const row of hunt.rows) {
      const principal = row.service_principal_name;
      const result = triageRow(row, index, 'name');
      const history = principal === null ? undefined : expectedBaseline(baselineEvents, principal);
      const expectedNew =
        history === undefined ? null : row.ips.filter((ip) => !history.ips.includes(ip)).length;
      const countries = new Set(
        row.ips.flatMap((ip) => expectedPrevalence(selected, ip).countries)
      );
      const networks = new Set(row.ips.flatMap((ip) => expectedPrevalence(selected, ip).networks));
      const sharedIps = row.ips.filter((ip) => {
        const others = expectedPrevalence(selected, ip).principals.filter(
          (name) => name !== principal
        );
        return others.length >= 5;
      });
      expect([principal, row.action, result.new_ips, result.countries, result.networks]).toEqual([
        principal,
        row.action,
        expectedNew,
        countries.size,
        networks.size,
      ]);
      expect([principal, result.shared_ips]).toEqual([principal, sharedIps.length]);
      expect([principal, result.new_action]).toEqual([
        principal,
        history === undefined || row.action === null ? null : !history.actions.includes(row.action),
      ]);
      newIps += result.new_ips ?? 0;
      shared += result.shared_ips;
    }
    // The scenario gives each kind of answer at least once.
    expect(newIps).toBeGreaterThan(0);
    expect(shared).toBeGreaterThan(0);
  });

  it('honours the shared threshold and the baseline length', async () => {
    const { triage } = await huntThenTriage({ shared_ip_principals: 50, baseline_days: 1 });
    expect(triage.shared_ip_principals).toBe(50);
    expect(Date.parse(triage.baseline_window.end) - Date.parse(triage.baseline_window.start)).toBe(
      DAY_MS
    );
    // The history lies 31 to 58 days back: a one-day baseline sees none of it.
    expect(triage.baseline).toEqual([]);
  });

  it('groups by id: principals are ids, the multi-id event counting under each', async () => {
    const { hunt, subjects, triage } = await huntThenTriage({ group_by: 'id' });
    const start = Date.parse(hunt.time.start);
    const selected = selectedEvents(DOCUMENTS, { start, end: Date.parse(hunt.time.end) });
    for (const entry of triage.ips) {
      const expected = expectedPrevalence(selected, entry.ip, 'id');
      expect([entry.ip, entry.principals]).toEqual([entry.ip, expected.principals.length]);
    }
    const baselineEvents = selectedEvents(DOCUMENTS, { start: start - 30 * DAY_MS, end: start });
    for (const entry of triage.baseline) {
      expect(entry.ips).toEqual(expectedBaseline(baselineEvents, entry.principal, 'id').ips);
    }
    expect(subjects.principals.length).toBeGreaterThan(0);
  });

  it('says once that the enrichment fields are missing, and still counts', async () => {
    const { hunt, triage } = await huntThenTriage({}, bareClient);
    expect(triage.missing_geo_fields.sort()).toEqual(Object.values(GEO_FIELDS).sort());
    const selected = selectedEvents(DOCUMENTS, {
      start: Date.parse(hunt.time.start),
      end: Date.parse(hunt.time.end),
    });
    for (const entry of triage.ips) {
      expect(entry.country_code).toEqual([]);
      expect(entry.events).toBe(expectedPrevalence(selected, entry.ip).events);
    }
    const index = indexTriage(triage);
    const [first] = hunt.rows;
    expect(triageRow(first, index, 'name')).toMatchObject({
      geo_missing: true,
      countries: 0,
      networks: 0,
    });
  });

  it.each([
    [{ ips: ['not-an-ip'] }, '[ips.0]: must be an IPv4 or IPv6 address'],
    [{ ips: ['1.2.3.4"; DROP'] }, '[ips.0]: must be an IPv4 or IPv6 address'],
    [
      {
        ips: Array.from(
          { length: MAX_TRIAGE_IPS + 1 },
          (_unused, i) => `10.0.${i >> 8}.${i & 255}`
        ),
      },
      `[ips]: must hold at most ${MAX_TRIAGE_IPS} addresses`,
    ],
    [{ principals: [''] }, '[principals.0]: must not be empty'],
    [{ shared_ip_principals: 0 }, '[shared_ip_principals]: must be at least 1'],
    [{ baseline_days: 366 }, '[baseline_days]: must be at most 365'],
  ])('refuses %j with a 400 naming the field', async (body, message) => {
    const response = await call(TRIAGE_API_PATH, body);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(message);
  });

  it('asks nothing when the rows name nothing', async () => {
    const response = await call(TRIAGE_API_PATH, {});
    const triage = response.payload as TriageResponse;
    expect(triage.queries).toEqual({ prevalence: null, baseline: null });
    expect(triage.ips).toEqual([]);
  });
});
