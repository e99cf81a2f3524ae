import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { EVENTS_API_PATH } from '../../common/constants';
import { PIVOT_EVENT_LIMIT } from '../../common/hunt/pivot_queries';
import {
  createMockedCluster,
  createRequestContext,
  fieldCapsResponse,
} from '../../test/helpers/es_mock';
import { esResponseError } from '../../test/helpers/esql_responses';
import { callRoute } from '../../test/helpers/route_runner';
import { registerEventsRoute } from './events_route';

const ROW = {
  day: '2026-11-20T00:00:00.000Z',
  action: 'Sign-in activity',
  principal: 'x" | DROP @timestamp //',
};

function setup() {
  const router = httpServiceMock.createRouter();
  registerEventsRoute(router, loggingSystemMock.createLogger());
  const route = router.versioned.getRoute('post', EVENTS_API_PATH);
  const cluster = createMockedCluster();
  cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
  return {
    route,
    cluster,
    call: (body: unknown) =>
      callRoute(route, { body, context: createRequestContext(cluster.client) }),
  };
}

describe('POST /internal/entra_sp_hunt/events', () => {
  it('is internal with an explicit authz decision', () => {
    const { route } = setup();
    expect(route.config).toMatchObject({
      access: 'internal',
      security: { authz: { enabled: false } },
    });
  });

  it('200: reads the row events as the user, the hostile principal only as a param', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query', () => ({
      columns: [
        { name: '@timestamp', type: 'date' },
        { name: 'source.ip', type: 'ip' },
        { name: 'service_principal_name', type: 'keyword' },
      ],
      values: [['2026-11-20T10:00:00.000Z', '81.2.69.144', ROW.principal]],
    }));
    const response = await call({ row: ROW });
    expect(response.status).toBe(200);
    const sent = cluster.requests[1];
    expect(sent.path).toBe('/_query');
    expect(sent.body.query).toContain('MV_CONTAINS(service_principal_name, ?principal)');
    expect(sent.body.query).not.toContain('DROP');
    expect(sent.body.params).toContainEqual({ principal: ROW.principal });
    expect(sent.body.filter).toEqual({
      range: {
        '@timestamp': {
          gte: '2026-11-20T00:00:00.000Z',
          lt: '2026-11-21T00:00:00.000Z',
          format: 'strict_date_optional_time',
        },
      },
    });
    expect(response.payload).toMatchObject({
      events: [
        {
          '@timestamp': '2026-11-20T10:00:00.000Z',
          'source.ip': '81.2.69.144',
          service_principal_name: ROW.principal,
        },
      ],
      truncated: false,
      time_range: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
    });
    expect((response.payload as { query: string }).query).toContain(
      'MV_CONTAINS(service_principal_name, "x\\" | DROP @timestamp //")'
    );
  });

  it('200: asks for one event more than it shows; getting it means truncated', async () => {
    const { call, cluster } = setup();
    const columns = [{ name: '@timestamp', type: 'date' }];
    const rows = (count: number) =>
      Array.from({ length: count }, (_, index) => [
        new Date(Date.UTC(2026, 10, 20, 0, 0, index)).toISOString(),
      ]);
    let answer = rows(PIVOT_EVENT_LIMIT + 1);
    cluster.on('POST', '/_query', () => ({ columns, values: answer }));
    const cut = await call({ row: ROW });
    expect(cluster.requests[1].body.query).toMatch(
      new RegExp(`\\| LIMIT ${PIVOT_EVENT_LIMIT + 1}$`)
    );
    expect(cut.payload).toMatchObject({ truncated: true, truncated_by: 'row_limit' });
    expect((cut.payload as { events: unknown[] }).events).toHaveLength(PIVOT_EVENT_LIMIT);
    answer = rows(PIVOT_EVENT_LIMIT);
    const whole = await call({ row: ROW });
    expect(whole.payload).toMatchObject({ truncated: false, truncated_by: null });
    expect((whole.payload as { events: unknown[] }).events).toHaveLength(PIVOT_EVENT_LIMIT);
  });

  it.each([
    [{}, '[row]: is required'],
    [{ row: { ...ROW, day: 'yesterday' } }, '[row.day]: must be the ISO 8601 day of a result row'],
    [
      { row: { ...ROW, principal: 'x'.repeat(2000) } },
      '[row.principal]: must be at most 1024 characters',
    ],
    [{ row: { ...ROW, extra: 1 } }, 'unknown field(s): extra'],
  ])('400: %j', async (body, message) => {
    const { call, cluster } = setup();
    const response = await call(body);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(message);
    expect(cluster.requests).toHaveLength(0);
  });

  it('403: names the patterns', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query', () => esResponseError(403, 'security_exception', 'no'));
    const response = await call({ row: ROW });
    expect(response.status).toBe(403);
  });

  it('500: unexpected failures are generic', async () => {
    const { route } = setup();
    const broken = new Proxy({} as never, {
      get: () => {
        throw new Error('x');
      },
    });
    expect(
      (await callRoute(route, { body: { row: ROW }, context: createRequestContext(broken) })).status
    ).toBe(500);
  });
});
