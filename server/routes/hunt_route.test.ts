import { errors } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { API_VERSION, HUNT_API_PATH } from '../../common/constants';
import {
  createMockedCluster,
  createRequestContext,
  fieldCapsResponse,
} from '../../test/helpers/es_mock';
import { esResponseError, HUNT_COLUMNS, huntValues } from '../../test/helpers/esql_responses';
import { payloadJson } from '../../test/helpers/pass_through';
import { callRoute } from '../../test/helpers/route_runner';
import type { HuntWireResponse } from '../../common/hunt/api_types';
import { huntResponseFromWire } from '../../common/hunt/hunt_wire';
import { registerHuntRoute } from './hunt_route';

function setup() {
  const router = httpServiceMock.createRouter();
  const logger = loggingSystemMock.createLogger();
  registerHuntRoute(router, logger);
  const route = router.versioned.getRoute('post', HUNT_API_PATH);
  const cluster = createMockedCluster();
  cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
  const call = (body: unknown = {}) =>
    callRoute(route, { body, context: createRequestContext(cluster.client) });
  return { route, logger, cluster, call };
}

describe('POST /internal/entra_sp_hunt/hunt', () => {
  it('is an internal versioned route with an explicit authz decision', () => {
    const { route } = setup();
    expect(route.config.access).toBe('internal');
    expect(Object.keys(route.versions)).toEqual([API_VERSION]);
    expect(route.config.security.authz).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('asCurrentUser'),
    });
  });

  it('200: runs the hunt as the current user and returns typed rows', async () => {
    const { call, cluster, logger } = setup();
    cluster.on('POST', '/_query/async', () => ({ columns: HUNT_COLUMNS, values: [huntValues()] }));
    const response = await call({ max_daily_actions: 4 });
    expect(response.status).toBe(200);
    expect(huntResponseFromWire(payloadJson<HuntWireResponse>(response))).toMatchObject({
      outcome: 'ok',
      rows: [{ action: 'Sign-in activity', ips: ['1.128.3.4', '81.2.69.144'], distinct_ips: 2 }],
      truncated: false,
    });
    // The forbidden asInternalUser proxy would have thrown if the route had touched it.
    expect(cluster.requests.map((request) => request.path)).toEqual([
      '/logs-azure.*,logs-o365.audit-*/_field_caps',
      '/_query/async',
    ]);
    const logged = Object.values(logger.messages).flat().join('\n');
    expect(logged).not.toMatch(/FROM|Terraform|1\.128\.3\.4/);
  });

  it('200: sends Elasticsearch’s columns and values unchanged, the probe row with them', async () => {
    const { call, cluster } = setup();
    const limit = 2;
    const values = [
      huntValues(),
      huntValues({ 'event.action': 'b' }),
      huntValues({ 'event.action': 'c' }),
    ];
    const answer = { took: 12, is_partial: false, columns: HUNT_COLUMNS, values };
    cluster.on('POST', '/_query/async', () => answer);
    const response = await call({ limit });
    expect(response.options.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(Buffer.isBuffer(response.payload)).toBe(true);
    const wire = payloadJson<HuntWireResponse>(response);
    expect(wire.esql).toEqual(answer);
    expect(wire).toMatchObject({
      outcome: 'ok',
      limit,
      truncated: true,
      truncated_by: 'row_limit',
    });
    expect(wire).not.toHaveProperty('rows');
    // What the answer costs on the wire beside Elasticsearch's own bytes: the notes alone.
    const raw = Buffer.byteLength(JSON.stringify(answer));
    const notes = Buffer.byteLength(JSON.stringify({ ...wire, esql: null })) - 'null'.length;
    expect((response.payload as Buffer).length).toBe(raw + notes);
    // The browser keeps `limit` rows, in Elasticsearch's order.
    expect(huntResponseFromWire(wire).rows.map((row) => row.action)).toEqual(
      values
        .slice(0, limit)
        .map((row) => row[HUNT_COLUMNS.findIndex((c) => c.name === 'event.action')])
    );
    expect(huntResponseFromWire(wire).took_ms).toBe(12);
  });

  it('502 with a sentence when Elasticsearch answers 200 with something that is not JSON', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query/async', () => '{"columns":[],"values":[[1],]}');
    const response = await call({});
    expect(response.status).toBe(502);
    expect(response.payload).toMatchObject({ attributes: { code: expect.any(String) } });
  });

  it.each<[string, unknown, string]>([
    [
      'a threshold of the wrong type',
      { min_distinct_ips: 'two' },
      '[request body]: [min_distinct_ips]: must be a number',
    ],
    [
      'an index pattern that would inject',
      { index_patterns: ['logs-* | DROP x'] },
      '[request body]: [index_patterns.0]: must use lowercase',
    ],
    ['an unknown key', { max_daily: 5 }, '[request body]: [(body)]: unknown field(s): max_daily'],
    [
      'a day February does not have',
      { time_range: { from: '2026-02-29', to: 'now' } },
      '[request body]: [time_range.from]: is not a date on the calendar',
    ],
    [
      'April 31st',
      { time_range: { from: 'now-30d', to: '2025-04-31T00:00:00Z' } },
      '[request body]: [time_range.to]: is not a date on the calendar',
    ],
    [
      'an offset beyond the calendar',
      { time_range: { from: 'now-300000y', to: 'now' } },
      '[request body]: [time_range.from]: must resolve to a date between the years 0000 and 9999',
    ],
    [
      'an offset beyond the calendar, forward',
      { time_range: { from: 'now-1d', to: 'now+999999y' } },
      '[request body]: [time_range.to]: must resolve to a date between the years 0000 and 9999',
    ],
    [
      'an index pattern FROM reads as a keyword',
      { index_patterns: ['logs-*', 'metadata'] },
      '[request body]: [index_patterns.1]: must not be "metadata"',
    ],
    [
      'a cluster named like the keyword',
      { index_patterns: ['metadata:logs-*'] },
      '[request body]: [index_patterns.0]: must not be "metadata"',
    ],
    [
      'an IPv4-mapped range wider than IPv4',
      { trusted_cidrs: ['::ffff:0:0/64'] },
      '[request body]: [trusted_cidrs.0]: is an IPv4-mapped IPv6 range',
    ],
    ['a body that is not an object', [1, 2], '[request body]: [(body)]: must be a JSON object'],
    [
      'a window on a day the calendar lacks',
      { window: { start: '2026-02-30T00:00:00Z', end: '2026-03-02T00:00:00Z' } },
      '[window.start]: must be an ISO 8601 instant with its zone',
    ],
    [
      'a window without a zone',
      { window: { start: '2026-02-01T00:00:00', end: '2026-03-02T00:00:00Z' } },
      '[window.start]: must be an ISO 8601 instant with its zone',
    ],
    [
      'a window that ends before it starts',
      { window: { start: '2026-03-02T00:00:00Z', end: '2026-02-01T00:00:00Z' } },
      '[window.start]: must be before the end of the window',
    ],
  ])('400: rejects %s, naming the field and the rule', async (_what, body, message) => {
    const { call, cluster } = setup();
    const response = await call(body);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(message);
    expect(cluster.requests).toHaveLength(0);
  });

  type Case = [string, () => unknown, number, string, string?];
  const cases: Case[] = [
    [
      'unknown column names the missing data source',
      () =>
        esResponseError(
          400,
          'verification_exception',
          'Found 1 problem\nline 9:5: Unknown column [azure.graphactivitylogs.properties.service_principal_id]'
        ),
      400,
      'Microsoft Graph activity logs (azure.graphactivitylogs)',
      'unknown_column',
    ],
    [
      'parsing error keeps the reason',
      () => esResponseError(400, 'parsing_exception', "line 1:5: mismatched input 'x'"),
      400,
      "could not parse the hunt query: line 1:5: mismatched input 'x'",
      'query_rejected',
    ],
    [
      '401 session expired',
      () => esResponseError(401, 'security_exception', 'unable to authenticate user'),
      401,
      'session has expired',
      'session_expired',
    ],
    [
      '403 lacks read access',
      () =>
        esResponseError(
          403,
          'security_exception',
          'action [indices:data/read/esql] is unauthorized'
        ),
      403,
      'You lack read access to logs-azure.*, logs-o365.audit-*',
      'forbidden',
    ],
    [
      '404',
      () => esResponseError(404, 'resource_not_found_exception', 'gone'),
      404,
      'could not find',
      'not_found',
    ],
    [
      '408 timeout',
      () => esResponseError(408, 'timeout', 'request timed out'),
      504,
      'did not answer in time',
      'timeout',
    ],
    [
      '429 honours retry-after',
      () => esResponseError(429, 'es_rejected_execution_exception', 'rejected'),
      429,
      'Try again in 7 seconds',
      'too_many_requests',
    ],
    [
      '429 circuit breaker is explained, not retried',
      () =>
        esResponseError(
          429,
          'circuit_breaking_exception',
          '[parent] Data too large, data for [<http_request>] would be [1020/1020mb]'
        ),
      429,
      'a circuit breaker tripped',
      'circuit_breaker',
    ],
    [
      '429 circuit breaker as a root cause',
      () =>
        new errors.ResponseError({
          body: {
            error: {
              type: 'search_phase_execution_exception',
              reason: 'all shards failed',
              root_cause: [
                { type: 'circuit_breaking_exception', reason: '[request] Data too large' },
              ],
            },
            status: 429,
          },
          statusCode: 429,
          headers: {},
          warnings: [],
          meta: {} as never,
        }),
      429,
      'shorten the time range',
      'circuit_breaker',
    ],
    [
      '500 becomes a safe 502',
      () => esResponseError(500, 'null_pointer_exception', 'at org.elasticsearch.Secret.line(42)'),
      502,
      'status 500',
      'elasticsearch_unavailable',
    ],
    [
      '502 from a proxy',
      () => esResponseError(502, 'bad_gateway', 'upstream'),
      502,
      'status 502',
      'elasticsearch_unavailable',
    ],
    [
      '503 stays 503, with when to try again',
      () => esResponseError(503, 'cluster_block_exception', 'blocked'),
      503,
      'Elasticsearch is unavailable (status 503): the cluster may be starting, recovering or overloaded. Try again in 7 seconds',
      'elasticsearch_unavailable',
    ],
    [
      '504 gateway timeout',
      () => esResponseError(504, 'timeout', 'gateway'),
      504,
      'did not answer in time',
      'timeout',
    ],
    [
      'connection reset',
      () => new errors.ConnectionError('socket hang up'),
      502,
      'could not reach Elasticsearch',
      'elasticsearch_unavailable',
    ],
    [
      'client timeout',
      () => new errors.TimeoutError('Request timed out'),
      504,
      'did not answer in time',
      'timeout',
    ],
  ];

  it.each(cases)('maps %s', async (_what, error, status, message, code) => {
    const { call, cluster, logger } = setup();
    cluster.on('POST', '/_query/async', error, { headers: { 'retry-after': '7' } });
    const response = await call({});
    expect(response.status).toBe(status);
    const payload = response.payload as { message: string; attributes: { code: string } };
    expect(payload.message).toContain(message);
    expect(payload.attributes.code).toBe(code);
    expect(payload.message).not.toContain('org.elasticsearch');
    expect(Object.values(logger.messages).flat().join('\n')).not.toContain('FROM ');
  });

  it.each<[string, () => string, number | undefined]>([
    ['seconds', () => '7', 7],
    ['a huge value, clamped so no timer overflows', () => '9999999999', 300],
    // Made when the test runs, not when the file loads: a busy machine may start it seconds later.
    ['an HTTP-date', () => new Date(Date.now() + 42_000).toUTCString(), 42],
    ['a date in the past', () => 'Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['garbage', () => 'soon', undefined],
  ])('429 Retry-After as %s', async (_what, makeHeader, seconds) => {
    const header = makeHeader();
    const { call, cluster } = setup();
    cluster.on(
      'POST',
      '/_query/async',
      () => esResponseError(429, 'es_rejected_execution_exception', 'rejected'),
      { headers: { 'retry-after': header } }
    );
    const response = await call({});
    const { attributes } = response.payload as { attributes: { retry_after_seconds?: number } };
    // An HTTP-date is whole seconds from now: allow the second the test itself takes.
    if (seconds === undefined) expect(attributes.retry_after_seconds).toBeUndefined();
    else expect(Math.abs((attributes.retry_after_seconds ?? -99) - seconds)).toBeLessThanOrEqual(1);
  });

  it('429 from a circuit breaker sends no Retry-After: waiting does not help', async () => {
    const { call, cluster } = setup();
    cluster.on(
      'POST',
      '/_query/async',
      () => esResponseError(429, 'circuit_breaking_exception', 'Data too large'),
      { headers: { 'retry-after': '7' } }
    );
    const response = await call({});
    expect(response.options.headers).toBeUndefined();
    expect(response.payload).not.toHaveProperty('attributes.retry_after_seconds');
  });

  it('400: one missing pattern among several is named, not reported as no data', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query/async', () =>
      esResponseError(404, 'index_not_found_exception', 'no such index [logs-typo]')
    );
    const response = await call({ index_patterns: ['logs-azure.*', 'logs-typo'] });
    expect(response.status).toBe(400);
    expect(response.payload).toMatchObject({
      message: expect.stringContaining('No index matches logs-typo'),
      attributes: { code: 'unknown_index', missing_indices: ['logs-typo'] },
    });
  });

  it('429 passes Retry-After on to the browser', async () => {
    const { call, cluster } = setup();
    cluster.on(
      'POST',
      '/_query/async',
      () => esResponseError(429, 'es_rejected_execution_exception', 'rejected'),
      {
        headers: { 'retry-after': '7' },
      }
    );
    expect((await call({})).options.headers).toEqual({ 'retry-after': '7' });
  });

  it('502: a malformed Elasticsearch answer', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query/async', () => 'not json at all');
    const response = await call({});
    expect(response.status).toBe(502);
    expect((response.payload as { attributes: { code: string } }).attributes.code).toBe(
      'malformed_response'
    );
  });

  it('500: an unexpected failure says so without details, and logs only its kind', async () => {
    const { route, logger } = setup();
    const broken = new Proxy({} as never, {
      get: () => {
        throw new TypeError('secret detail FROM x');
      },
    });
    const response = await callRoute(route, { body: {}, context: createRequestContext(broken) });
    expect(response.status).toBe(500);
    expect((response.payload as { message: string }).message).not.toContain('secret');
    const [logged] = logger.messages.error;
    expect(logged).toMatch(/^Hunt request failed: TypeError\n\s+at /);
    expect(logged).not.toContain('secret');
  });

  it('cancels the async query when the browser closes the request during the submit', async () => {
    const { route, cluster } = setup();
    let closeBrowser = () => undefined as void;
    // The browser goes away while Elasticsearch holds the submit (not on a timer: a loaded machine
    // would move the abort before or after it).
    cluster.on('POST', '/_query/async', () => {
      closeBrowser();
      return new Promise((resolve) =>
        setImmediate(() => resolve({ id: 'FmNJRUZ1YWZCU3dH', is_running: true }))
      );
    });
    cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
    const response = await callRoute(route, {
      body: {},
      context: createRequestContext(cluster.client),
      onRequest: (request) => {
        closeBrowser = () => request.abort();
      },
    });
    expect(response.status).toBe(499);
    expect((response.payload as { attributes: { code: string } }).attributes.code).toBe('aborted');
    expect(cluster.requests.map((request) => `${request.method} ${request.path}`)).toContain(
      'DELETE /_query/async/FmNJRUZ1YWZCU3dH'
    );
  });

  it('stops before querying when the browser closed the request during field caps', async () => {
    const router = httpServiceMock.createRouter();
    registerHuntRoute(router, loggingSystemMock.createLogger());
    const cluster = createMockedCluster();
    let closeBrowser = () => undefined as void;
    cluster.on('POST', '/:index/_field_caps', () => {
      closeBrowser();
      return new Promise((resolve) => setImmediate(() => resolve(fieldCapsResponse())));
    });
    const response = await callRoute(router.versioned.getRoute('post', HUNT_API_PATH), {
      body: {},
      context: createRequestContext(cluster.client),
      onRequest: (request) => {
        closeBrowser = () => request.abort();
      },
    });
    expect(response.status).toBe(499);
    expect(cluster.requests.map((request) => request.path)).not.toContain('/_query/async');
  });
});
