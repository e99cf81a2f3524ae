import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { COVERAGE_API_PATH } from '../../common/constants';
import { GRAPH_SP_ID_FIELD, HUNT_FIELDS } from '../../common/hunt/data_sources';
import {
  createMockedCluster,
  createRequestContext,
  fieldCapsResponse,
} from '../../test/helpers/es_mock';
import { esResponseError } from '../../test/helpers/esql_responses';
import { callRoute } from '../../test/helpers/route_runner';
import { registerCoverageRoute } from './coverage_route';

function setup(
  fields: string[] = HUNT_FIELDS,
  indices = ['.ds-logs-azure.signinlogs-default-000001']
) {
  const router = httpServiceMock.createRouter();
  registerCoverageRoute(router, loggingSystemMock.createLogger());
  const route = router.versioned.getRoute('post', COVERAGE_API_PATH);
  const cluster = createMockedCluster();
  cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse(fields, indices));
  const call = (body: unknown = {}) =>
    callRoute(route, { body, context: createRequestContext(cluster.client) });
  return { route, cluster, call };
}

describe('POST /internal/entra_sp_hunt/coverage', () => {
  it('is internal, versioned, with an explicit authz decision', () => {
    const { route } = setup();
    expect(route.config.access).toBe('internal');
    expect(route.config.security.authz).toMatchObject({ enabled: false });
  });

  it('200: counts events per data source in the window and lists missing fields', async () => {
    const { call, cluster } = setup(HUNT_FIELDS.filter((field) => field !== GRAPH_SP_ID_FIELD));
    cluster.on('POST', '/_query', () => ({
      columns: [
        { name: 'event_count', type: 'long' },
        { name: 'event.dataset', type: 'keyword' },
      ],
      values: [
        [42, 'azure.signinlogs'],
        [3, 'azure.auditlogs'],
      ],
    }));
    const response = await call({ time_range: { from: 'now-7d', to: 'now' } });
    expect(response.status).toBe(200);
    const query = cluster.requests[1];
    expect(query.body.query).toContain('STATS event_count = COUNT(*) BY event.dataset');
    expect(query.body.params).toEqual(expect.arrayContaining([{ dataset_0: 'azure.auditlogs' }]));
    expect(response.payload).toMatchObject({
      index_count: 1,
      missing_common_fields: [],
      datasets: [
        { dataset: 'azure.auditlogs', event_count: 3, status: 'ready', missing_fields: [] },
        { dataset: 'azure.signinlogs', event_count: 42, status: 'ready' },
        { dataset: 'o365.audit', event_count: 0, status: 'no_events' },
        {
          dataset: 'azure.graphactivitylogs',
          status: 'missing_fields',
          missing_fields: [GRAPH_SP_ID_FIELD],
        },
      ],
    });
  });

  it('200: a partial answer does not say "no events" for a source it could not count', async () => {
    const { call, cluster } = setup();
    cluster.on(
      'POST',
      '/_query',
      () => ({
        is_partial: true,
        _clusters: { details: { eu: { status: 'skipped' } } },
        columns: [
          { name: 'event_count', type: 'long' },
          { name: 'event.dataset', type: 'keyword' },
        ],
        values: [[42, 'azure.signinlogs']],
      }),
      { headers: { warning: '299 Elasticsearch-9.3.0-abc "Line 1:1: something odd"' } }
    );
    const response = await call({});
    expect(response.status).toBe(200);
    expect(cluster.requests[1].body.query).toMatch(/\| LIMIT 5$/);
    expect(response.payload).toMatchObject({
      is_partial: true,
      incomplete_clusters: [{ cluster: 'eu', status: 'skipped' }],
      warnings: [{ kind: 'other', message: 'Elasticsearch warned: something odd' }],
      datasets: [
        { dataset: 'azure.auditlogs', event_count: 0, status: 'not_counted' },
        { dataset: 'azure.signinlogs', event_count: 42, status: 'ready' },
        { dataset: 'o365.audit', event_count: 0, status: 'not_counted' },
        { dataset: 'azure.graphactivitylogs', event_count: 0, status: 'not_counted' },
      ],
    });
  });

  it('400: one missing pattern among several is named, not counted as "no events"', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query', () =>
      esResponseError(
        400,
        'verification_exception',
        'Found 1 problem\nline 1:1: Unknown index [logs-typo]'
      )
    );
    const response = await call({ index_patterns: ['logs-azure.*', 'logs-typo'] });
    expect(response.status).toBe(400);
    expect(response.payload).toMatchObject({
      attributes: { code: 'unknown_index', missing_indices: ['logs-typo'] },
    });
  });

  it('200: no index matched means no counts and every source missing, without running ES|QL', async () => {
    const { call, cluster } = setup([], []);
    const response = await call({ index_patterns: ['logs-nothing-*'] });
    expect(response.status).toBe(200);
    expect(response.payload).toMatchObject({
      index_count: 0,
      missing_common_fields: ['@timestamp', 'event.dataset', 'source.ip', 'event.action'],
    });
    expect(cluster.requests).toHaveLength(1);
  });

  it('400: names the field and rule, and refuses hunt-only fields', async () => {
    const { call } = setup();
    const bad = await call({ index_patterns: ['LOGS'] });
    expect(bad.status).toBe(400);
    expect((bad.payload as { message: string }).message).toContain(
      '[index_patterns.0]: must use lowercase'
    );
    expect((await call({ max_daily_actions: 5 })).status).toBe(400);
  });

  it('403: says which patterns the analyst cannot read', async () => {
    const { call, cluster } = setup();
    cluster.on('POST', '/_query', () => esResponseError(403, 'security_exception', 'unauthorized'));
    const response = await call({});
    expect(response.status).toBe(403);
    expect((response.payload as { message: string }).message).toContain(
      'You lack read access to logs-azure.*, logs-o365.audit-*'
    );
  });

  it('500: an unexpected failure', async () => {
    const { route } = setup();
    const broken = new Proxy({} as never, {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(
      (await callRoute(route, { body: {}, context: createRequestContext(broken) })).status
    ).toBe(500);
  });
});
