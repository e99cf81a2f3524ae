/**
 * The space's benign entries acting on the hunt, on the ES|QL interpreter: entries are created
 * through the entries route (as an analyst would), the hunt, its hidden-rows count and the row
 * events are read through their routes, and every expectation comes from plain loops over the
 * scenario documents (scenario_expectations.ts): principals by name or by id, one action only,
 * CIDR blocks against multi-address events, expired entries, `include_hidden`, and the async path.
 */
import {
  ENTRIES_API_PATH,
  EVENTS_API_PATH,
  HIDDEN_ROWS_API_PATH,
  HUNT_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../../common/constants';
import { ENTRY_SAVED_OBJECT_TYPE, type Entry } from '../../common/entries';
import type {
  EventsResponse,
  HuntResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from '../../common/hunt/api_types';
import type { HiddenRowsResponse } from '../../common/hunt/allowlist';
import { huntResponseFromWire, huntStatusFromWire } from '../../common/hunt/hunt_wire';
import { createRequestContext } from '../../test/helpers/es_mock';
import { payloadJson } from '../../test/helpers/pass_through';
import { callRoute } from '../../test/helpers/route_runner';
import { routesOnScenario } from '../../test/helpers/routes_on_scenario';
import { SavedObjectsStore } from '../../test/helpers/saved_objects_store';
import {
  expectedHuntRows,
  isBenign,
  selectedEvents,
  type BenignSpec,
  type ExpectedRow,
} from '../../test/helpers/scenario_expectations';
import { entrySavedObjectType } from '../saved_objects/entry_type';

const NOW = new Date();
const scenario = routesOnScenario(NOW);
const { router, documents: DOCUMENTS } = scenario;

function space() {
  const store = new SavedObjectsStore();
  store.registerType(entrySavedObjectType);
  const context = () =>
    createRequestContext(scenario.client(), {
      savedObjects: store,
      user: { username: 'analyst-1', roles: ['hunter'] },
    });
  const post = (path: string, body: unknown) =>
    callRoute(router.versioned.getRoute('post', path), { body, context: context() });
  const hunt = async (body: Record<string, unknown> = {}): Promise<HuntResponse> => {
    const response = await post(HUNT_API_PATH, body);
    expect(response.status).toBe(200);
    return huntResponseFromWire(payloadJson<HuntWireResponse>(response));
  };
  const hidden = async (body: Record<string, unknown>): Promise<HiddenRowsResponse> => {
    const response = await post(HIDDEN_ROWS_API_PATH, body);
    expect(response.status).toBe(200);
    return response.payload as HiddenRowsResponse;
  };
  const mark = async (spec: BenignSpec, kind = 'benign'): Promise<Entry> => {
    const response = await post(ENTRIES_API_PATH, {
      kind,
      ...(spec.principal !== undefined
        ? { principal: spec.principal, principal_field: spec.field ?? 'name' }
        : {}),
      ...(spec.action !== undefined ? { action: spec.action } : {}),
      ...(spec.cidr !== undefined ? { cidr: spec.cidr } : {}),
      note: 'Known automation',
    });
    expect(response.status).toBe(200);
    return response.payload as Entry;
  };
  return { store, post, hunt, hidden, mark };
}

const win = (hunt: HuntResponse) => ({ start: hunt.time.start, end: hunt.time.end });
type KeyedRow = { day: string | null; action: string | null; principal: string | null };
const keyOf = (row: KeyedRow) =>
  JSON.stringify([row.day === null ? null : Date.parse(row.day), row.action, row.principal]);
const keys = (rows: KeyedRow[]) => rows.map(keyOf).sort();
const huntKeys = (hunt: HuntResponse, groupBy: 'name' | 'id' = 'name') =>
  keys(
    hunt.rows.map((row) => ({
      ...row,
      principal: groupBy === 'name' ? row.service_principal_name : row.service_principal_id,
    }))
  );

/** The hunt's rows and the rows the entries hide, by plain loops over the scenario. */
function expected(hunt: HuntResponse, specs: BenignSpec[], groupBy: 'name' | 'id' = 'name') {
  const window = { start: Date.parse(hunt.time.start), end: Date.parse(hunt.time.end), groupBy };
  const without = expectedHuntRows(DOCUMENTS, window);
  const withEntries = expectedHuntRows(DOCUMENTS, { ...window, benign: specs });
  const shown = new Set(keys(withEntries));
  return {
    rows: keys(withEntries),
    withEntries,
    hidden: keys(without.filter((row) => !shown.has(keyOf(row)))),
  };
}

describe('benign entries on the ES|QL interpreter', () => {
  it('a principal by name hides its rows, and the count names the rows and the entry', async () => {
    const { hunt, hidden, mark } = space();
    const entry = await mark({ principal: 'Legacy-Sync' });
    const result = await hunt();
    const want = expected(result, [{ principal: 'Legacy-Sync' }]);
    expect(huntKeys(result)).toEqual(want.rows);
    expect(want.hidden).toHaveLength(1);
    expect(result.allowlist.applied.map((match) => match.id)).toEqual([entry.id]);
    const count = await hidden({ window: win(result) });
    expect(keys(count.rows)).toEqual(want.hidden);
    expect(count.rows.every((row) => row.entry_ids.includes(entry.id))).toBe(true);
    expect(count.hiding_entries).toBe(1);
  }, 30_000);

  it('an id leaves out only that principal’s events from a row grouped by name', async () => {
    const { hunt, hidden, mark } = space();
    // Directory-Sync is one name over two ids, one event each; without one, a single IP is left.
    const spec = { principal: '3a8c5e17-0d92-4b64-9f31-0000000000c2', field: 'id' as const };
    await mark(spec);
    const result = await hunt();
    const want = expected(result, [spec]);
    expect(huntKeys(result)).toEqual(want.rows);
    expect(want.hidden.some((key) => key.includes('Directory-Sync'))).toBe(true);
    expect(keys((await hidden({ window: win(result) })).rows)).toEqual(want.hidden);
    // Grouped by id, the same entry hides that id's row only.
    const byId = await hunt({ group_by: 'id', window: win(result) });
    const wantById = expected(byId, [spec], 'id');
    expect(huntKeys(byId, 'id')).toEqual(wantById.rows);
    expect(keys((await hidden({ group_by: 'id', window: win(result) })).rows)).toEqual(
      wantById.hidden
    );
  }, 30_000);

  it('an entry for one action leaves the principal’s other actions counted', async () => {
    const { hunt, hidden, mark } = space();
    const other = { principal: 'Key-Rotation-Bot', action: 'Sign-in activity' };
    const own = { principal: 'Midnight-Runner', action: 'Sign-in activity' };
    await mark(other);
    await mark(own);
    const result = await hunt();
    const want = expected(result, [other, own]);
    expect(huntKeys(result)).toEqual(want.rows);
    expect(want.rows.some((key) => key.includes('Key-Rotation-Bot'))).toBe(true);
    expect(want.rows.some((key) => key.includes('Midnight-Runner'))).toBe(false);
    expect(keys((await hidden({ window: win(result) })).rows)).toEqual(want.hidden);
  }, 30_000);

  it('a CIDR hides an event only when every one of its addresses is inside', async () => {
    const { hunt, hidden, mark } = space();
    // Proxy-Relay has an event from an IPv6 and an IPv4 address: the IPv6 range alone keeps it.
    const specs: BenignSpec[] = [{ cidr: '2001:db8::/32' }, { cidr: '192.0.2.0/24' }];
    for (const spec of specs) await mark(spec);
    const result = await hunt();
    const want = expected(result, specs);
    expect(huntKeys(result)).toEqual(want.rows);
    // Some events are left out yet their rows stay, and some rows go.
    expect(want.hidden.length).toBeGreaterThan(0);
    expect(want.rows.some((key) => key.includes('Proxy-Relay'))).toBe(true);
    const multiAddress = selectedEvents(DOCUMENTS, {
      start: Date.parse(result.time.start),
      end: Date.parse(result.time.end),
    }).filter((event) => event.ips.length > 1);
    expect(multiAddress.length).toBeGreaterThan(0);
    expect(multiAddress.some((event) => !isBenign(event, specs, []))).toBe(true);
    const count = await hidden({ window: win(result) });
    expect(keys(count.rows)).toEqual(want.hidden);
    // The counts of the rows that stay are those of their remaining events.
    const byKey = new Map(want.withEntries.map((row: ExpectedRow) => [keyOf(row), row]));
    for (const row of result.rows) {
      const wanted = byKey.get(keyOf({ ...row, principal: row.service_principal_name }));
      expect(row.daily_action_count).toBe(wanted?.events.length);
      expect([...row.ips].sort()).toEqual(wanted?.ips);
    }
  }, 30_000);

  it('ignores expired entries and reviewed marks, and shows everything with include_hidden', async () => {
    const { hunt, hidden, mark, store } = space();
    const expired = await mark({ principal: 'Legacy-Sync' });
    await store
      .clientFor('default')
      .update(ENTRY_SAVED_OBJECT_TYPE, expired.id, { expires_at: '2001-01-01T00:00:00.000Z' });
    await mark({ principal: 'Midnight-Runner' }, 'reviewed');
    const result = await hunt();
    const want = expected(result, []);
    expect(huntKeys(result)).toEqual(want.rows);
    expect(result.allowlist).toEqual({ applied: [], benign_entries: 0, include_hidden: false });
    expect((await hidden({ window: win(result) })).rows).toEqual([]);

    const active = await mark({ principal: 'Proxy-Relay' });
    const all = await hunt({ include_hidden: true, window: win(result) });
    expect(huntKeys(all)).toEqual(want.rows);
    expect(all.allowlist).toEqual({ applied: [], benign_entries: 1, include_hidden: true });
    // The count still says which of them the entry would hide, so the page can mark them.
    const count = await hidden({ include_hidden: true, window: win(result) });
    expect(keys(count.rows)).toEqual(expected(result, [{ principal: 'Proxy-Relay' }]).hidden);
    expect(count.rows[0]?.entry_ids).toEqual([active.id]);
  }, 30_000);

  it('the row’s events leave out the benign ones, as the row counted them', async () => {
    const { hunt, mark, post } = space();
    const specs: BenignSpec[] = [{ cidr: '198.51.100.12/32' }];
    await mark(specs[0]);
    const result = await hunt();
    const want = expected(result, specs);
    expect(huntKeys(result)).toEqual(want.rows);
    for (const row of want.withEntries) {
      const response = await post(EVENTS_API_PATH, {
        window: win(result),
        row: { day: row.day, action: row.action, principal: row.principal },
      });
      expect(response.status).toBe(200);
      const events = (response.payload as EventsResponse).events;
      expect(events).toHaveLength(row.events.length);
    }
  }, 60_000);

  it('a hunt answered later (async) applies the same entries as one answered at once', async () => {
    const { hunt, post, mark } = space();
    await mark({ principal: 'Legacy-Sync' });
    scenario
      .fake()
      .addFault({ endpoint: '_query', queryContains: 'daily_action_count', runningMs: 2_500 });
    const submitted = await hunt();
    expect(submitted.outcome).toBe('running');
    expect(submitted.allowlist.applied).toHaveLength(1);
    let status = { is_running: true, rows: [] as HuntResponse['rows'] };
    for (let attempt = 0; attempt < 3 && status.is_running; attempt += 1) {
      const response = await post(HUNT_STATUS_API_PATH, { id: submitted.id, limit: 1000 });
      status = huntStatusFromWire(payloadJson<HuntStatusWireResponse>(response));
    }
    expect(status.is_running).toBe(false);
    const want = expected(submitted, [{ principal: 'Legacy-Sync' }]);
    expect(huntKeys({ ...submitted, rows: status.rows })).toEqual(want.rows);
  }, 30_000);

  it('a space whose entries cannot be read still hunts, and says none were applied', async () => {
    const response = await callRoute(router.versioned.getRoute('post', HUNT_API_PATH), {
      body: {},
      // A store without the type: Kibana refuses it as an unsupported type.
      context: createRequestContext(scenario.client()),
    });
    const result = huntResponseFromWire(payloadJson<HuntWireResponse>(response));
    expect(result.allowlist.applied).toEqual([]);
    expect(result.allowlist.error).toMatch(/could not be read/);
    expect(huntKeys(result)).toEqual(expected(result, []).rows);
  }, 30_000);
});
