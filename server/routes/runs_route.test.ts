/**
 * The run history routes over the saved objects and advanced settings stand-ins: a finished run is
 * recorded as the user in its space, retention (per view, by age, per space) is applied on every
 * write, a space that turned history off records nothing, other spaces' runs are not found, and
 * hostile input is refused naming the field before anything is written.
 */
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import type { ElasticsearchClient } from '@kbn/core/server';
import { DEFAULT_HUNT_PARAMS, type HuntParams } from '../../common/hunt/hunt_params';
import type { HuntRow } from '../../common/hunt/shape_results';
import {
  buildRunRecord,
  MAX_RUN_AGE_DAYS,
  MAX_RUN_KEYS,
  MAX_RUNS_PER_SPACE,
  MAX_RUNS_PER_VIEW,
  RUN_API_PATH,
  RUN_HISTORY_SETTING,
  RUN_SAVED_OBJECT_TYPE,
  RUNS_API_PATH,
  viewKey,
  type RecordRunResponse,
  type Run,
  type RunAttributes,
  type RunsResponse,
} from '../../common/run_history';
import { createRequestContext, forbiddenClient } from '../../test/helpers/es_mock';
import { callRoute } from '../../test/helpers/route_runner';
import { SavedObjectsStore } from '../../test/helpers/saved_objects_store';
import { UiSettingsStore } from '../../test/helpers/ui_settings_server';
import { runSavedObjectType } from '../saved_objects/run_type';
import { UI_SETTINGS } from '../ui_settings';
import { RUN_BODY_MAX_BYTES } from './body_limits';
import { registerRunsRoutes } from './runs_route';

const router = httpServiceMock.createRouter();
registerRunsRoutes(router, loggingSystemMock.createLogger());
const noElasticsearch = forbiddenClient('asCurrentUser') as ElasticsearchClient;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-11-30T09:00:00.000Z');

function setup() {
  const store = new SavedObjectsStore();
  store.registerType(runSavedObjectType);
  const settings = new UiSettingsStore();
  settings.register(UI_SETTINGS);
  const context = (space: string) =>
    createRequestContext(noElasticsearch, {
      savedObjects: store,
      space,
      uiSettings: settings,
      user: { username: 'analyst-1', roles: ['hunter'] },
    });
  const record = (body: unknown, space = 'default') =>
    callRoute(router.versioned.getRoute('post', RUNS_API_PATH), { body, context: context(space) });
  const list = (key: string, space = 'default') =>
    callRoute(router.versioned.getRoute('get', RUNS_API_PATH), {
      query: { view_key: key },
      context: context(space),
    });
  const get = (id: string, space = 'default') =>
    callRoute(router.versioned.getRoute('get', RUN_API_PATH), {
      params: { id },
      context: context(space),
    });
  const runsOf = (type = RUN_SAVED_OBJECT_TYPE) =>
    store.all().filter((object) => object.type === type);
  return { store, settings, record, list, get, runsOf };
}

function row(principal: string, action: string, day: string): HuntRow {
  return {
    day,
    action,
    service_principal_name: principal,
    service_principal_id: `${principal}-id`,
    service_principal_names: [principal],
    service_principal_ids: [`${principal}-id`],
    event_count: 2,
    daily_action_count: 2,
    distinct_ips: 2,
    ips: ['10.0.0.1', '10.0.0.2'],
    datasets: ['azure.auditlogs'],
    event_actions: [action],
  };
}

const params = (overrides: Partial<HuntParams> = {}): HuntParams => ({
  ...DEFAULT_HUNT_PARAMS,
  ...overrides,
});
const window = (endDay: number) => ({
  start: new Date(START - (endDay + 7) * DAY_MS).toISOString(),
  end: new Date(START - endDay * DAY_MS).toISOString(),
});
const ROWS = [
  row('app-a', 'Add service principal', '2026-11-27T00:00:00.000Z'),
  row('app-b', 'Update application', '2026-11-28T00:00:00.000Z'),
];

beforeEach(() => jest.useFakeTimers({ now: START, doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

describe('run history routes', () => {
  it('records a run as the user with its view, window, outcome, count and keys, and lists it', async () => {
    const { record, list, get } = setup();
    const body = buildRunRecord({ params: params(), window: window(0), rows: ROWS });
    const recorded = await record(body);
    expect(recorded.status).toBe(200);
    const answer = recorded.payload as RecordRunResponse;
    if (!answer.recorded) throw new Error('expected the run to be recorded');
    expect(answer.run).toMatchObject({
      outcome: 'ok',
      row_count: 2,
      keys_capped: false,
      author: 'analyst-1',
      ran_at: new Date(START).toISOString(),
      window: window(0),
    });
    const listed = (await list(answer.run.view_key)).payload as RunsResponse;
    expect(listed.enabled).toBe(true);
    expect(listed.runs.map((run) => run.id)).toEqual([answer.run.id]);
    // A list leaves out the keys; one run carries them.
    expect('keys' in listed.runs[0]).toBe(false);
    const one = (await get(answer.run.id)).payload as Run;
    expect(one.keys).toEqual(
      ROWS.map((each) => ({
        principal: each.service_principal_name,
        action: each.action,
        day: each.day,
      }))
    );
  });

  it('one view whatever the window, row limit or triage settings; another for other thresholds', async () => {
    const { record } = setup();
    const keyOf = async (p: HuntParams, endDay: number) => {
      const answer = (await record(buildRunRecord({ params: p, window: window(endDay), rows: [] })))
        .payload as RecordRunResponse;
      return answer.recorded ? answer.run.view_key : undefined;
    };
    const base = await keyOf(params(), 0);
    expect(base).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(
      await keyOf(
        params({
          limit: 50,
          baseline_days: 9,
          time_range: { from: 'now-7d', to: 'now' },
          datasets: [...DEFAULT_HUNT_PARAMS.datasets].reverse(),
        }),
        7
      )
    ).toBe(base);
    expect(await keyOf(params({ max_daily_actions: 6 }), 0)).not.toBe(base);
    expect(await keyOf(params({ group_by: 'id' }), 0)).not.toBe(base);
    expect(await keyOf(params({ trusted_cidrs: ['10.0.0.0/8'] }), 0)).not.toBe(base);
  });

  it('keeps the newest runs of a view, newest first, pruning on write', async () => {
    const { record, list, runsOf } = setup();
    const ids: string[] = [];
    const total = MAX_RUNS_PER_VIEW + 5;
    for (let index = 0; index < total; index += 1) {
      jest.setSystemTime(START + index * 60_000);
      const answer = (
        await record(buildRunRecord({ params: params(), window: window(0), rows: ROWS }))
      ).payload as RecordRunResponse;
      if (answer.recorded) ids.push(answer.run.id);
    }
    expect(ids).toHaveLength(total);
    const expected = ids.slice(total - MAX_RUNS_PER_VIEW).reverse();
    const listed = (await list(viewKey(params()))).payload as RunsResponse;
    expect(listed.runs.map((run) => run.id)).toEqual(expected);
    expect(
      runsOf()
        .map((object) => object.id)
        .sort()
    ).toEqual([...expected].sort());
  });

  it('removes runs past the age limit, of any view, on the next write', async () => {
    const { store, record, runsOf } = setup();
    const client = store.clientFor('default');
    const seed = (daysAgo: number, maxDaily: number) =>
      client.create<Partial<RunAttributes>>(RUN_SAVED_OBJECT_TYPE, {
        view_key: viewKey(params({ max_daily_actions: maxDaily })),
        ran_at: new Date(START - daysAgo * DAY_MS).toISOString(),
        outcome: 'ok',
      });
    const old = await seed(MAX_RUN_AGE_DAYS + 1, 9);
    const older = await seed(MAX_RUN_AGE_DAYS + 30, 3);
    const young = await seed(MAX_RUN_AGE_DAYS - 1, 9);
    await record(buildRunRecord({ params: params(), window: window(0), rows: ROWS }));
    const kept = runsOf().map((object) => object.id);
    expect(kept).toContain(young.id);
    expect(kept).not.toContain(old.id);
    expect(kept).not.toContain(older.id);
    expect(kept).toHaveLength(2);
  });

  it('keeps at most the space limit, removing the oldest first', async () => {
    const { store, record, runsOf } = setup();
    const client = store.clientFor('default');
    const seeded: string[] = [];
    for (let index = 0; index < MAX_RUNS_PER_SPACE; index += 1) {
      const created = await client.create<Partial<RunAttributes>>(RUN_SAVED_OBJECT_TYPE, {
        // Views other than the one recorded next, each within its own count limit.
        view_key: viewKey(params({ max_daily_actions: 100 + (index % 100) })),
        ran_at: new Date(START - DAY_MS + index * 1000).toISOString(),
        outcome: 'ok',
      });
      seeded.push(created.id);
    }
    await record(buildRunRecord({ params: params(), window: window(0), rows: ROWS }));
    const kept = new Set(runsOf().map((object) => object.id));
    expect(kept.size).toBe(MAX_RUNS_PER_SPACE);
    expect(kept.has(seeded[0])).toBe(false);
    expect(seeded.slice(1).every((id) => kept.has(id))).toBe(true);
  });

  it("each space keeps its own history; another space's id is not found", async () => {
    const { record, list, get } = setup();
    const answer = (
      await record(buildRunRecord({ params: params(), window: window(0), rows: ROWS }), 'red')
    ).payload as RecordRunResponse;
    if (!answer.recorded) throw new Error('expected the run to be recorded');
    expect((await get(answer.run.id, 'red')).status).toBe(200);
    const elsewhere = await get(answer.run.id, 'default');
    expect(elsewhere.status).toBe(404);
    expect((elsewhere.payload as { message: string }).message).toMatch(/another space/);
    expect(((await list(answer.run.view_key, 'default')).payload as RunsResponse).runs).toEqual([]);
    expect(((await list(answer.run.view_key, 'red')).payload as RunsResponse).runs).toHaveLength(1);
  });

  it('a space with history turned off records nothing; other spaces still do', async () => {
    const { settings, record, list, runsOf } = setup();
    settings.set('quiet', RUN_HISTORY_SETTING, false);
    const body = buildRunRecord({ params: params(), window: window(0), rows: ROWS });
    const quiet = await record(body, 'quiet');
    expect(quiet.status).toBe(200);
    expect(quiet.payload).toEqual({ recorded: false });
    expect(runsOf()).toEqual([]);
    expect(((await list(viewKey(params()), 'quiet')).payload as RunsResponse).enabled).toBe(false);
    expect(((await record(body, 'default')).payload as RecordRunResponse).recorded).toBe(true);
    expect(runsOf()).toHaveLength(1);
  });

  it('records a failed run with its error kind and no rows', async () => {
    const { record, get } = setup();
    const body = buildRunRecord({
      params: params(),
      window: window(0),
      errorKind: 'too_many_requests',
    });
    const answer = (await record(body)).payload as RecordRunResponse;
    if (!answer.recorded) throw new Error('expected the run to be recorded');
    const stored = (await get(answer.run.id)).payload as Run;
    expect(stored).toMatchObject({
      outcome: 'error',
      error_kind: 'too_many_requests',
      row_count: 0,
      keys: [],
    });
  });

  it('stores at most the key cap and says the run was capped', async () => {
    const { record, get } = setup();
    const many: HuntRow[] = [];
    for (let index = 0; index < MAX_RUN_KEYS + 200; index += 1) {
      many.push(row(`app-${index}`, 'Add owner', '2026-11-28T00:00:00.000Z'));
    }
    const long = row('x'.repeat(300), 'Add owner', '2026-11-28T00:00:00.000Z');
    const body = buildRunRecord({
      params: params({ limit: 5000 }),
      window: window(0),
      rows: [long, ...many],
      truncated: false,
    });
    const answer = (await record(body)).payload as RecordRunResponse;
    if (!answer.recorded) throw new Error('expected the run to be recorded');
    const stored = (await get(answer.run.id)).payload as Run;
    expect(stored.row_count).toBe(MAX_RUN_KEYS + 201);
    expect(stored.keys_capped).toBe(true);
    expect(stored.keys).toHaveLength(MAX_RUN_KEYS);
    // The row too long to key is left out, not cut: a cut key could match another principal.
    expect(stored.keys[0].principal).toBe('app-0');
  });

  it.each([
    ['a record without its window', { window: undefined }, '[params.window]'],
    ['more keys than the cap', { keys: 'many' }, '[keys]'],
    ['fewer keys than rows, not said capped', { row_count: 5 }, '[keys_capped]'],
    ['an error without its kind', { outcome: 'error', row_count: 0, keys: [] }, '[error_kind]'],
    ['an unknown outcome', { outcome: 'fine' }, '[outcome]'],
    ['a hostile error kind', { outcome: 'error', error_kind: '<script>' }, '[error_kind]'],
    ['a key part too long', { keys: 'long' }, '[keys.0.principal]'],
    ['an unknown field', { extra: 1 }, 'unknown field'],
  ])('refuses %s, naming the field, and stores nothing', async (_name, change, field) => {
    const { record, runsOf } = setup();
    const base = buildRunRecord({ params: params(), window: window(0), rows: ROWS });
    const body: Record<string, unknown> = { ...base, ...change };
    const keys = (change as { keys?: unknown }).keys;
    if ('window' in change) body.params = { ...base.params, window: undefined };
    if (keys === 'many') {
      body.keys = Array.from({ length: MAX_RUN_KEYS + 1 }, () => base.keys[0]);
      body.row_count = MAX_RUN_KEYS + 1;
    }
    if (keys === 'long') {
      body.keys = [{ ...base.keys[0], principal: 'p'.repeat(257) }, base.keys[1]];
    }
    const refused = await record(body);
    expect(refused.status).toBe(400);
    expect((refused.payload as { message: string }).message).toContain(field);
    expect(runsOf()).toEqual([]);
  });

  it('refuses a body over the route limit with 413 before reading it', async () => {
    const { runsOf } = setup();
    const response = await callRoute(router.versioned.getRoute('post', RUNS_API_PATH), {
      rawBody: `{"keys":"${'k'.repeat(RUN_BODY_MAX_BYTES)}"}`,
      context: createRequestContext(noElasticsearch),
    });
    expect(response.status).toBe(413);
    expect(runsOf()).toEqual([]);
  });

  it.each([
    ['garbage', 'not a key'],
    ['huge', `v1:${'a'.repeat(100_000)}`],
    ['almost a key', `v1:${'g'.repeat(64)}`],
  ])('refuses a %s view key naming the field', async (_name, key) => {
    const { list } = setup();
    const response = await list(key);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toMatch(
      /\[request query\]: \[view_key\]/
    );
  });

  it.each([
    ['huge', 'a'.repeat(100_000)],
    ['garbage', '../entries'],
    ['empty', ''],
  ])('refuses a %s run id with 400', async (_name, id) => {
    const { get } = setup();
    const response = await get(id);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toMatch(/\[request params\]: \[id\]/);
  });

  it('an id that names no run is 404', async () => {
    const { get } = setup();
    expect((await get('5b2f0c1e-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
