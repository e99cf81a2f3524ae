/**
 * Fuzzes every route with generated bodies: wrong types, huge numbers, huge arrays, very long
 * strings, injection attempts in every string field, unknown keys, and a size dimension of bodies
 * up to a megabyte (hundreds of thousands of entries, deep nesting). Every answer must be a 200, a
 * 400, or a 413 for a body over the route's maxBytes (never a 500), and every query that reaches
 * Elasticsearch must be exactly what the builder makes of the validated body: no input outside a
 * param, no literal but the builder's own.
 */
import fc from 'fast-check';
import {
  httpServiceMock,
  loggingSystemMock,
  type RegisteredVersionedRoute,
} from '@kbn/core/server/mocks';
import {
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HIDDEN_ROWS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../../common/constants';
import { buildCoverageQuery } from '../../common/hunt/coverage';
import { buildHuntQuery } from '../../common/hunt/build_hunt_query';
import { DATASETS, HUNT_FIELDS } from '../../common/hunt/data_sources';
import { parseEventsParams } from '../../common/hunt/events_params';
import { buildRowPivot, PIVOT_EVENT_LIMIT } from '../../common/hunt/pivot_queries';
import { probeLimit } from '../../common/hunt/result_notes';
import { decodeEsqlString, scanEsql } from '../../common/hunt/esql_text';
import { parseHuntParams, DEFAULT_HUNT_PARAMS } from '../../common/hunt/hunt_params';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { registerRoutes } from '../../server/routes';
import { runSavedObjectType } from '../../server/saved_objects/run_type';
import { UI_SETTINGS } from '../../server/ui_settings';
import { buildRunRecord, RUN_API_PATH, RUNS_API_PATH } from '../../common/run_history';
import { SavedObjectsStore } from '../helpers/saved_objects_store';
import { UiSettingsStore } from '../helpers/ui_settings_server';
import { createMockedCluster, createRequestContext, fieldCapsResponse } from '../helpers/es_mock';
import { HUNT_COLUMNS, huntValues } from '../helpers/esql_responses';
import { hostileString } from '../helpers/hostile_string';
import { callRoute } from '../helpers/route_runner';
import { ENTRY_SAVED_OBJECT_TYPE, type EntryAttributes } from '../../common/entries';
import {
  benignMatches,
  buildHiddenRowsQuery,
  type AllowlistMatch,
} from '../../common/hunt/allowlist';
import { entrySavedObjectType } from '../../server/saved_objects/entry_type';
import { listEntries } from '../../server/lib/entries';
import { huntWindow } from '../../server/lib/run_hunt';

/**
 * Entries of the space the routes read, with hostile values an analyst (or an attacker with the
 * write privilege) could store: they must reach Elasticsearch as params only. One has expired.
 */
const HOSTILE_ENTRIES: EntryAttributes[] = [
  {
    principal: '"; FROM secrets | KEEP * //',
    principal_field: 'name',
    action: '""" | EVAL x = 1 """',
    cidr: null,
  },
  { principal: 'svc`id`\n?p', principal_field: 'id', action: null, cidr: null },
  { principal: null, principal_field: 'name', action: null, cidr: '10.0.0.0/8' },
  {
    principal: 'expired',
    principal_field: 'name',
    action: null,
    cidr: null,
    expires_at: '2001-01-01T00:00:00.000Z',
  },
].map(
  (entry) =>
    ({
      kind: 'benign',
      note: 'fuzz',
      author: 'fuzzer',
      created_at: '2026-11-01T00:00:00.000Z',
      expires_at: null,
      ...entry,
    }) as EntryAttributes
);

const RUNS_PER_ROUTE = 1_200;
const SEED = 20_261_127;
const LONG = 'x'.repeat(100_000);
/** The only string literal the builders themselves write into a query. */
const BUILDER_LITERALS = new Set(['ServicePrincipal']);
const INDEX_PATTERN = /^(?:[a-z0-9*][a-z0-9_*-]*:)?[a-z0-9*][a-z0-9._*+-]*$/;

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constant(LONG),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0, 1, 2, 5, 10_000, 10_001),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.array(fc.constantFrom('10.0.0.0/8', 'logs-*', 'azure.signinlogs'), {
    minLength: 400,
    maxLength: 2_000,
  }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 })
);

const timeValue = fc.oneof(
  fc.constantFrom('now-30d', 'now', 'now-1d/d', '2026-11-01T00:00:00Z', 'now-7d'),
  hostileString,
  anyValue
);

/** Bodies near the valid shape, so validation and the builder are both exercised. */
const huntLike = fc.record(
  {
    time_range: fc.oneof(fc.record({ from: timeValue, to: timeValue }), anyValue),
    max_daily_actions: fc.oneof(fc.integer({ min: -5, max: 200_000 }), anyValue),
    min_distinct_ips: fc.oneof(fc.integer({ min: -5, max: 200_000 }), anyValue),
    datasets: fc.oneof(
      fc.subarray([...DATASETS]),
      fc.array(fc.oneof(fc.constantFrom(...DATASETS), hostileString), { maxLength: 6 }),
      anyValue
    ),
    index_patterns: fc.oneof(
      fc.array(
        fc.oneof(
          fc.constantFrom('logs-azure.*', 'logs-o365.audit-*', 'eu:logs-*', 'logs-x'),
          hostileString
        ),
        { maxLength: 4 }
      ),
      anyValue
    ),
    group_by: fc.oneof(fc.constantFrom('name', 'id'), hostileString, anyValue),
    trusted_cidrs: fc.oneof(
      fc.array(
        fc.oneof(fc.constantFrom('10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0'), hostileString),
        { maxLength: 6 }
      ),
      anyValue
    ),
    limit: fc.oneof(fc.integer({ min: -1, max: 20_000 }), anyValue),
    include_hidden: fc.oneof(fc.boolean(), anyValue),
    baseline_days: fc.oneof(fc.integer({ min: -1, max: 400 }), anyValue),
    shared_ip_principals: fc.oneof(fc.integer({ min: -1, max: 200_000 }), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] }
);

/** Where a huge value goes: every array field, a string field, an unknown key, the row. */
const HUGE_TARGETS = [
  'trusted_cidrs',
  'index_patterns',
  'datasets',
  'time_range',
  'extra',
  'row',
  'id',
] as const;
/** Entries of a huge value: under a route's maxBytes, near it, and a megabyte (Kibana's default). */
const HUGE_SIZES = [2_000, 40_000, 260_000] as const;
const HUGE_SHAPES = ['strings', 'cidrs', 'numbers', 'nested', 'long string'] as const;

/** A body as text on the wire: what the route runner size-checks and parses, as Kibana does. */
class WireBody {
  constructor(readonly text: string) {}
}

/** The JSON text of a huge value, written directly: a nested one is too deep to stringify. */
function hugeValueText(shape: (typeof HUGE_SHAPES)[number], entries: number): string {
  if (shape === 'long string') return JSON.stringify('x'.repeat(entries * 4));
  // [[[…]]] as deep as the entry count: parsing and validation must not recurse into it.
  if (shape === 'nested') return `${'['.repeat(entries)}${']'.repeat(entries)}`;
  return JSON.stringify(
    Array.from({ length: entries }, (_, index) =>
      shape === 'numbers'
        ? index
        : shape === 'cidrs'
          ? `10.${index % 250}.0.0/16`
          : `bad entry ${index}`
    )
  );
}

/** The size dimension: one field of an otherwise plausible body holds something huge. */
const hugeBodies = fc
  .record({
    target: fc.constantFrom(...HUGE_TARGETS),
    entries: fc.constantFrom(...HUGE_SIZES),
    shape: fc.constantFrom(...HUGE_SHAPES),
  })
  .map(({ target, entries, shape }) => {
    const value = hugeValueText(shape, entries);
    if (target === 'time_range') return new WireBody(`{"time_range":{"from":${value},"to":"now"}}`);
    if (target === 'id') return new WireBody(`{"id":${value},"limit":10}`);
    return new WireBody(`{"time_range":{"from":"now-1d","to":"now"},"${target}":${value}}`);
  });

const withHuge = (arbitrary: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary, weight: 9 }, { arbitrary: hugeBodies, weight: 1 });

const bodies = withHuge(fc.oneof(huntLike, anyValue, fc.constant(undefined)));
const asyncId = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'FmNJRUZ1YWZCU3dH',
      'FmNJRUZ1YWZCU3dHY1BIOUhaenVSRkEaaXFlZ3h4c1RTWFNocDdnY2FSaERnUTozNDE='
    ),
    weight: 4,
  },
  { arbitrary: fc.constant('a'.repeat(600)), weight: 1 },
  { arbitrary: hostileString, weight: 2 },
  { arbitrary: anyValue, weight: 2 }
);
const asyncBodies = fc.oneof(
  { arbitrary: fc.record({ id: asyncId, limit: fc.integer({ min: 1, max: 10_000 }) }), weight: 4 },
  {
    arbitrary: fc.record(
      {
        id: asyncId,
        limit: fc.oneof(fc.integer({ min: -2, max: 20_000 }), anyValue),
        extra: anyValue,
      },
      { requiredKeys: [] }
    ),
    weight: 3,
  },
  { arbitrary: anyValue, weight: 1 }
);

async function setup() {
  const savedObjects = new SavedObjectsStore();
  savedObjects.registerType(entrySavedObjectType);
  const objects = savedObjects.clientFor('default');
  for (const entry of HOSTILE_ENTRIES) await objects.create(ENTRY_SAVED_OBJECT_TYPE, entry);
  const matches = benignMatches((await listEntries(objects)).entries, new Date());
  // The three active entries apply (the expired one does not): queries carry them as params.
  expect(matches).toHaveLength(HOSTILE_ENTRIES.length - 1);
  const router = httpServiceMock.createRouter();
  registerRoutes(router, loggingSystemMock.createLogger());
  const cluster = createMockedCluster();
  cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
  cluster.on('POST', '/_query/async', () => ({
    is_running: false,
    columns: HUNT_COLUMNS,
    values: [huntValues()],
  }));
  cluster.on('POST', '/_query', () => ({
    columns: [
      { name: 'event_count', type: 'long' },
      { name: 'event.dataset', type: 'keyword' },
    ],
    values: [[1, 'o365.audit']],
  }));
  cluster.on('GET', '/_query/async/:id', () => ({
    is_running: false,
    columns: HUNT_COLUMNS,
    values: [],
  }));
  cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
  const route = (path: string, method: 'get' | 'post' = 'post'): RegisteredVersionedRoute =>
    router.versioned.getRoute(method, path);
  // The run history routes write the plugin's saved objects and read its setting, as in Kibana.
  savedObjects.registerType(runSavedObjectType);
  const uiSettings = new UiSettingsStore();
  uiSettings.register(UI_SETTINGS);
  return {
    cluster,
    route,
    matches,
    context: createRequestContext(cluster.client, { savedObjects, uiSettings }),
  };
}

/** No string literal but the builder's own, and only strictly validated index patterns in FROM. */
function assertNoForeignText(query: string) {
  for (const token of scanEsql(query).filter((t) => t.kind === 'string')) {
    expect(BUILDER_LITERALS.has(decodeEsqlString(token.text))).toBe(true);
  }
  const from = /^FROM ([^\n]+)/.exec(query)?.[1].split(', ') ?? [];
  expect(from.length).toBeGreaterThan(0);
  for (const pattern of from) expect(pattern).toMatch(INDEX_PATTERN);
}

/** What the builder makes of the body the route accepted (Kibana hands an empty body as {}). */
function expectedQuery(kind: QueryKind, body: unknown, matches: readonly AllowlistMatch[]): string {
  const input = (body ?? {}) as Record<string, unknown>;
  if (kind === 'hidden') {
    const parsed = parseHuntParams(input);
    if (!parsed.ok) throw new Error('a query reached Elasticsearch for a body validation refused');
    const built = buildHiddenRowsQuery(
      parsed.value,
      huntWindow(parsed.value, new Date()),
      new Set(HUNT_FIELDS),
      matches
    );
    if (!built) throw new Error('a count reached Elasticsearch although none could be built');
    return built.query;
  }
  if (kind === 'events') {
    const parsed = parseEventsParams(input);
    if (!parsed.ok) throw new Error('a query reached Elasticsearch for a body validation refused');
    const { row, ...hunt } = parsed.value;
    const pivot = buildRowPivot(
      hunt,
      row,
      new Set(HUNT_FIELDS),
      resolveTimeRange(hunt.time_range, new Date()),
      probeLimit(PIVOT_EVENT_LIMIT),
      matches
    );
    if (!pivot) throw new Error('a pivot reached Elasticsearch although none could be built');
    return pivot.query;
  }
  const parsed = parseHuntParams(
    kind === 'hunt' ? input : { time_range: input.time_range, index_patterns: input.index_patterns }
  );
  if (!parsed.ok) throw new Error('a query reached Elasticsearch for a body validation refused');
  const time = resolveTimeRange(parsed.value.time_range, new Date());
  if (!time) throw new Error('an unresolvable time reached Elasticsearch');
  if (kind === 'coverage') return buildCoverageQuery(parsed.value.index_patterns, time).query;
  const built = buildHuntQuery(parsed.value, time, new Set(HUNT_FIELDS), { allowlist: matches });
  if (!built.ok) throw new Error('a query reached Elasticsearch although none could be built');
  return built.hunt.query;
}

type QueryKind = 'hunt' | 'coverage' | 'events' | 'hidden';

async function fuzz(
  path: string,
  arbitrary: fc.Arbitrary<unknown>,
  kind?: QueryKind,
  /** Where a sample goes: the body (default), the query string or the path params of a GET. */
  target: 'body' | 'query' | 'params' = 'body'
) {
  const { cluster, route, context, matches } = await setup();
  const counts: Record<string, number> = {};
  const hugeCounts: Record<string, number> = {};
  let queries = 0;
  let huge = 0;
  for (const sample of fc.sample(arbitrary, { numRuns: RUNS_PER_ROUTE, seed: SEED })) {
    const before = cluster.requests.length;
    const wire = sample instanceof WireBody;
    if (wire) huge += 1;
    const response = await callRoute(
      route(path, target === 'body' ? 'post' : 'get'),
      wire
        ? { rawBody: sample.text, context }
        : target === 'body'
          ? { body: sample, context }
          : { [target]: sample as Record<string, string>, context }
    );
    const body = wire ? undefined : sample;
    if (wire) hugeCounts[response.status] = (hugeCounts[response.status] ?? 0) + 1;
    counts[response.status] = (counts[response.status] ?? 0) + 1;
    // A well-formed id of no run is Kibana's 404, as for one in another space.
    expect(target === 'params' ? [200, 400, 404] : [200, 400, 413]).toContain(response.status);
    for (const request of cluster.requests.slice(before)) {
      const query = request.body.query;
      if (typeof query !== 'string') continue;
      queries += 1;
      assertNoForeignText(query);
      if (kind) expect(query).toBe(expectedQuery(kind, body, matches));
    }
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  // Printed figures, read in CI logs: how many bodies and how each was answered.
  const describe = (byStatus: Record<string, number>) =>
    Object.entries(byStatus)
      .map(([status, count]) => `${count} x ${status}`)
      .join(', ');
  process.stdout.write(
    `fuzz ${path}: ${total} bodies, ${describe(counts)}; of them ${huge} huge (up to a megabyte: ${describe(hugeCounts)}); ${queries} queries sent, all checked\n`
  );
  expect(total).toBe(RUNS_PER_ROUTE);
  expect(counts[target === 'params' ? 404 : 200] ?? 0).toBeGreaterThan(0);
  expect(counts[400] ?? 0).toBeGreaterThan(0);
  if (target !== 'body') return;
  // The size dimension reached the body limit, and bodies under it were refused by validation.
  expect(hugeCounts[413] ?? 0).toBeGreaterThan(0);
  expect(hugeCounts[400] ?? 0).toBeGreaterThan(0);
}

const VALID_RUN = buildRunRecord({
  params: DEFAULT_HUNT_PARAMS,
  window: { start: '2026-11-01T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
  rows: [],
});
const runKey = fc.record(
  {
    principal: fc.oneof(hostileString, fc.constant(null), anyValue),
    action: fc.oneof(hostileString, fc.constant(null)),
    day: fc.oneof(fc.constantFrom('2026-11-20T00:00:00.000Z', null), timeValue),
  },
  { requiredKeys: [] }
);
const runBodies = withHuge(
  fc.oneof(
    { arbitrary: fc.constant(VALID_RUN), weight: 2 },
    {
      arbitrary: fc
        .array(
          runKey.map((key) => ({ principal: null, action: null, day: null, ...key })),
          {
            maxLength: 4,
          }
        )
        .map((keys) => ({ ...VALID_RUN, keys, row_count: keys.length })),
      weight: 3,
    },
    {
      arbitrary: fc.record(
        {
          params: fc.oneof(
            huntLike.map((hunt) => ({ ...hunt, window: VALID_RUN.params.window })),
            anyValue
          ),
          outcome: fc.oneof(fc.constantFrom('ok', 'partial', 'truncated', 'error'), anyValue),
          error_kind: fc.oneof(fc.constant(null), hostileString, anyValue),
          row_count: fc.oneof(fc.integer({ min: -2, max: 20_000 }), anyValue),
          keys: fc.oneof(fc.array(runKey, { maxLength: 4 }), anyValue),
          keys_capped: fc.oneof(fc.boolean(), anyValue),
          extra: anyValue,
        },
        { requiredKeys: [] }
      ),
      weight: 4,
    },
    { arbitrary: anyValue, weight: 1 }
  )
);
const viewKeys = fc.oneof(
  { arbitrary: fc.constant(`v1:${'0'.repeat(64)}`), weight: 2 },
  { arbitrary: fc.constant(`v1:${'a'.repeat(100_000)}`), weight: 1 },
  { arbitrary: hostileString, weight: 3 }
);

const eventsBodies = withHuge(
  fc.oneof(
    {
      arbitrary: fc.record({
        row: fc.record({
          day: fc.constantFrom('2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00Z'),
          action: fc.oneof(hostileString, fc.constant(null)),
          principal: fc.oneof(hostileString, fc.constant(null)),
        }),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record(
        {
          row: fc.record(
            { day: timeValue, action: anyValue, principal: anyValue, extra: anyValue },
            { requiredKeys: [] }
          ),
          max_daily_actions: anyValue,
        },
        { requiredKeys: [] }
      ),
      weight: 2,
    },
    { arbitrary: anyValue, weight: 1 }
  )
);

describe('route fuzzing', () => {
  jest.setTimeout(120_000);
  it('POST hunt', () => fuzz(HUNT_API_PATH, bodies, 'hunt'));
  it('POST hidden_rows', () => fuzz(HIDDEN_ROWS_API_PATH, bodies, 'hidden'));
  it('POST coverage', () =>
    fuzz(
      COVERAGE_API_PATH,
      withHuge(
        fc.oneof(
          {
            arbitrary: fc.record(
              {
                time_range: fc.record({
                  from: fc.constantFrom('now-30d', 'now-1h', '2026-11-01'),
                  to: fc.constant('now'),
                }),
                index_patterns: fc.array(fc.constantFrom('logs-*', 'eu:logs-azure.*'), {
                  minLength: 1,
                  maxLength: 3,
                }),
              },
              { requiredKeys: [] }
            ),
            weight: 2,
          },
          {
            arbitrary: fc.record(
              {
                time_range: fc.record({ from: timeValue, to: timeValue }),
                index_patterns: fc.array(fc.oneof(fc.constantFrom('logs-*'), hostileString), {
                  maxLength: 3,
                }),
                extra: anyValue,
              },
              { requiredKeys: [] }
            ),
            weight: 3,
          },
          { arbitrary: anyValue, weight: 1 }
        )
      ),
      'coverage'
    ));
  it('POST events', () => fuzz(EVENTS_API_PATH, eventsBodies, 'events'));
  it('POST hunt/status', () => fuzz(HUNT_STATUS_API_PATH, withHuge(asyncBodies)));
  it('POST runs', () => fuzz(RUNS_API_PATH, runBodies));
  it('GET runs', () =>
    fuzz(
      RUNS_API_PATH,
      fc.oneof(
        { arbitrary: fc.record({ view_key: viewKeys }), weight: 4 },
        { arbitrary: fc.record({ view_key: viewKeys, extra: hostileString }), weight: 1 },
        { arbitrary: fc.constant({}), weight: 1 }
      ),
      undefined,
      'query'
    ));
  it('GET runs/{id}', () =>
    fuzz(
      RUN_API_PATH,
      fc.record({
        id: fc.oneof(
          fc.constant('5b2f0c1e-0000-4000-8000-000000000000'),
          fc.constant('a'.repeat(100_000)),
          hostileString
        ),
      }),
      undefined,
      'params'
    ));
  it('POST hunt/cancel', () =>
    fuzz(
      HUNT_CANCEL_API_PATH,
      withHuge(
        fc.oneof(
          { arbitrary: fc.record({ id: asyncId }), weight: 4 },
          {
            arbitrary: fc.record({ id: asyncId, extra: anyValue }, { requiredKeys: [] }),
            weight: 2,
          },
          { arbitrary: anyValue, weight: 1 }
        )
      )
    ));
});
