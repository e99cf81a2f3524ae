import { errors } from '@elastic/elasticsearch';
import { COVERAGE_FIELDS, HUNT_FIELDS, GRAPH_SP_ID_FIELD } from '../../common/hunt/data_sources';
import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { inlineEsqlParams } from '../../common/hunt/esql_text';
import { createMockedCluster, fieldCapsResponse } from '../../test/helpers/es_mock';
import { esResponseError, HUNT_COLUMNS, huntValues } from '../../test/helpers/esql_responses';
import { mapElasticsearchError } from './es_errors';
import { shapedHunt, shapedStatus } from '../../test/helpers/pass_through';
import { pollHunt, submitHunt } from './run_hunt';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function setup() {
  const cluster = createMockedCluster();
  return cluster;
}

describe('runHunt', () => {
  it('asks field caps for the hunt fields only, then sends the query, params and filter', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({
      took: 12,
      is_partial: false,
      columns: HUNT_COLUMNS,
      values: [huntValues()],
    }));

    const params = huntParamsSchema.parse({ max_daily_actions: 3 });
    const result = shapedHunt(await submitHunt(cluster.client, params, { now: NOW }));

    const [fieldCaps, query] = cluster.requests;
    expect(fieldCaps.path).toBe('/logs-azure.*,logs-o365.audit-*/_field_caps');
    expect(fieldCaps.querystring).toMatchObject({
      ignore_unavailable: 'true',
      allow_no_indices: 'true',
    });
    expect(fieldCaps.body).toEqual({ fields: COVERAGE_FIELDS });

    expect(query.method).toBe('POST');
    expect(query.path).toBe('/_query/async');
    expect(query.body).toMatchObject({
      wait_for_completion_timeout: '2s',
      keep_alive: '2m',
      keep_on_completion: false,
    });
    expect(query.body.params).toEqual([
      { _tstart: '2026-10-28T12:00:00.000Z' },
      { dataset_0: 'azure.auditlogs' },
      { dataset_1: 'azure.signinlogs' },
      { dataset_2: 'o365.audit' },
      { dataset_3: 'azure.graphactivitylogs' },
      { max_daily: 3 },
      { min_ips: 2 },
    ]);
    expect(query.body.filter).toEqual({
      range: {
        '@timestamp': {
          gt: '2026-10-28T12:00:00.000Z',
          lte: '2026-11-27T12:00:00.000Z',
          format: 'strict_date_optional_time',
        },
      },
    });
    expect(query.body.query).toContain(
      'daily_action_count <= ?max_daily and distinct_ips >= ?min_ips'
    );
    // What the analyst is shown is what was sent, with the params written in.
    expect(result.query).toBe(
      inlineEsqlParams(query.body.query as string, query.body.params as never, {
        _tstart: 'now() - 30 day',
      })
    );

    expect(result.outcome).toBe('ok');
    expect(result.took_ms).toBe(12);
    expect(result.rows).toEqual([
      {
        day: '2026-11-20T00:00:00.000Z',
        action: 'Sign-in activity',
        service_principal_name: 'Terraform-Datadog-CLI',
        service_principal_id: null,
        service_principal_names: ['Terraform-Datadog-CLI'],
        service_principal_ids: ['b9814691-9ca1-4e55-a1ac-8ef5dd010ec0'],
        event_count: 2,
        daily_action_count: 2,
        distinct_ips: 2,
        ips: ['1.128.3.4', '81.2.69.144'],
        datasets: ['azure.signinlogs'],
        event_actions: ['Sign-in activity'],
      },
    ]);
  });

  it('leaves out data sources whose fields are missing and says which', async () => {
    const cluster = setup();
    const fields = HUNT_FIELDS.filter((field) => field !== GRAPH_SP_ID_FIELD);
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse(fields));
    cluster.on('POST', '/_query/async', () => ({ columns: HUNT_COLUMNS, values: [] }));
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })
    );
    expect(cluster.requests[1].body.query).not.toContain('graphactivitylogs');
    expect(result.skipped).toEqual([
      {
        dataset: 'azure.graphactivitylogs',
        reason: 'missing_fields',
        missingFields: [GRAPH_SP_ID_FIELD],
      },
    ]);
    expect(result.datasets).toEqual(['azure.auditlogs', 'azure.signinlogs', 'o365.audit']);
  });

  it('returns an empty result with a note when no index matches, without running ES|QL', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => ({ indices: [], fields: {} }));
    const result = shapedHunt(
      await submitHunt(
        cluster.client,
        huntParamsSchema.parse({ index_patterns: ['logs-none-*'] }),
        { now: NOW }
      )
    );
    expect(result).toMatchObject({ outcome: 'no_indices', rows: [], query: null });
    expect(cluster.requests.map((request) => request.path)).toEqual(['/logs-none-*/_field_caps']);
  });

  it('returns no_sources when indices exist but no chosen source has its fields', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () =>
      fieldCapsResponse(['@timestamp', 'event.dataset', 'event.action', 'source.ip'])
    );
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })
    );
    expect(result.outcome).toBe('no_sources');
    expect(result.skipped.map((entry: { reason: string }) => entry.reason)).toEqual([
      'missing_fields',
      'missing_fields',
      'missing_fields',
      'missing_fields',
    ]);
  });

  it('treats every pattern vanishing before the query as no data', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () =>
      esResponseError(
        400,
        'verification_exception',
        'Found 1 problem\nline -1:-1: Unknown index [logs-azure.*,logs-o365.audit-*]'
      )
    );
    expect(
      shapedHunt(await submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })).outcome
    ).toBe('no_indices');
  });

  it.each([
    [
      'verification_exception',
      400,
      esResponseError(
        400,
        'verification_exception',
        'Found 1 problem\nline 1:1: Unknown index [logs-typo]'
      ),
    ],
    [
      'index_not_found_exception',
      404,
      new errors.ResponseError({
        body: {
          error: {
            type: 'index_not_found_exception',
            reason: 'no such index [logs-typo]',
            'resource.id': 'logs-typo',
            index: 'logs-typo',
          },
          status: 404,
        },
        statusCode: 404,
        headers: {},
        warnings: [],
        meta: {} as never,
      }),
    ],
  ])(
    'names the one missing pattern among several (%s), never "no data"',
    async (_type, _status, answer) => {
      const cluster = setup();
      cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
      cluster.on('POST', '/_query/async', () => answer);
      const params = huntParamsSchema.parse({ index_patterns: ['logs-azure.*', 'logs-typo'] });
      const error = await submitHunt(cluster.client, params, { now: NOW }).catch((e: unknown) => e);
      expect(mapElasticsearchError(error, { indexPatterns: params.index_patterns })).toMatchObject({
        statusCode: 400,
        attributes: { code: 'unknown_index', missing_indices: ['logs-typo'] },
      });
      expect(
        mapElasticsearchError(error, { indexPatterns: params.index_patterns }).message
      ).toContain('No index matches logs-typo');
    }
  );

  it('asks for one row more than the limit; getting it means truncated, and it is dropped', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({
      is_partial: true,
      columns: HUNT_COLUMNS,
      values: ['a', 'b', 'c'].map((action) => huntValues({ 'event.action': action })),
    }));
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({ limit: 2 }), {
        now: NOW,
      })
    );
    expect(cluster.requests[1].body.query).toMatch(/\| LIMIT 3$/);
    expect(result).toMatchObject({ truncated: true, truncated_by: 'row_limit', is_partial: true });
    expect(result.rows.map((row) => row.action)).toEqual(['a', 'b']);
    // More rows than the limit settle it: the row cap is not asked.
    expect(cluster.requests.map((request) => request.path)).not.toContain('/_cluster/settings');
  });

  it('a result exactly at the limit is complete when the cluster cap is above it', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({
      columns: HUNT_COLUMNS,
      values: [huntValues(), huntValues()],
    }));
    cluster.on('GET', '/_cluster/settings', () => ({
      defaults: { esql: { query: { result_truncation_max_size: '10000' } } },
    }));
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({ limit: 2 }), {
        now: NOW,
      })
    );
    expect(result).toMatchObject({ truncated: false, truncated_by: null, rows: [{}, {}] });
    const settings = cluster.requests.find((request) => request.path === '/_cluster/settings');
    expect(settings?.querystring).toMatchObject({
      include_defaults: 'true',
      filter_path: '*.esql.query.result_truncation_max_size',
    });
  });

  it.each([
    [
      'persistent',
      { persistent: { esql: { query: { result_truncation_max_size: '500' } } } },
      1000,
      500,
      500,
    ],
    [
      'transient over persistent (flat)',
      {
        transient: { 'esql.query.result_truncation_max_size': '300' },
        persistent: { 'esql.query.result_truncation_max_size': '500' },
      },
      1000,
      300,
      300,
    ],
  ])('flags a result the cluster row cap cut (%s)', async (_name, settings, limit, rows, cap) => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({
      columns: HUNT_COLUMNS,
      values: Array.from({ length: rows }, () => huntValues()),
    }));
    cluster.on('GET', '/_cluster/settings', () => settings);
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({ limit }), {
        now: NOW,
      })
    );
    expect(result).toMatchObject({ truncated: true, truncated_by: 'row_cap', row_cap: cap });
    expect(result.rows).toHaveLength(rows);
  });

  it('assumes the documented default cap when the analyst may not read cluster settings', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({
      columns: HUNT_COLUMNS,
      values: Array.from({ length: 10_000 }, () => huntValues()),
    }));
    cluster.on('GET', '/_cluster/settings', () =>
      esResponseError(
        403,
        'security_exception',
        'action [cluster:monitor/settings] is unauthorized'
      )
    );
    const atDefaultCap = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({ limit: 10_000 }), { now: NOW })
    );
    expect(atDefaultCap).toMatchObject({
      truncated: true,
      truncated_by: 'row_cap',
      row_cap: 10_000,
    });
  });

  it('reads Warning headers into words and is_partial with the clusters behind it', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on(
      'POST',
      '/_query/async',
      () => ({
        is_partial: true,
        _clusters: {
          total: 2,
          details: {
            '(local)': { status: 'successful' },
            eu: {
              status: 'skipped',
              failures: [{ reason: { type: 'connect_transport_exception' } }],
            },
          },
        },
        columns: HUNT_COLUMNS,
        values: [],
      }),
      {
        headers: {
          // Two headers, as Elasticsearch sends them (undici hands repeated headers as an array).
          warning: [
            '299 Elasticsearch-9.3.0-abc123 "Line 7:9: evaluation of [CIDR_MATCH(source.ip, ?cidr_0)] failed, treating result as null. Only first 20 failures recorded."',
            '299 Elasticsearch-9.3.0-abc123 "Line 7:9: java.lang.IllegalArgumentException: single-value function encountered multi-value"',
          ],
        },
      }
    );
    const result = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })
    );
    expect(result).toMatchObject({
      is_partial: true,
      incomplete_clusters: [{ cluster: 'eu', status: 'skipped' }],
      warnings: [
        {
          kind: 'multi_value',
          expression: 'CIDR_MATCH(source.ip, ?cidr_0)',
          location: 'line 7, column 9',
        },
      ],
    });
    expect(result.warnings[0].message).toContain('several values');
    expect(result.warnings[0].message).not.toContain('java.lang');
  });

  it('reads rows by column name, ignoring extra columns and order', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    const columns = [{ name: 'extra', type: 'keyword' }, ...HUNT_COLUMNS].reverse();
    cluster.on('POST', '/_query/async', () => ({
      columns,
      values: [['x', ...huntValues({ ips: '10.0.0.1' })].reverse()],
    }));
    const [row] = shapedHunt(
      await submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })
    ).rows;
    expect(row.ips).toEqual(['10.0.0.1']);
    expect(row.service_principal_name).toBe('Terraform-Datadog-CLI');
    expect(row).not.toHaveProperty('extra');
  });

  it('refuses a 200 answer that is not an ES|QL result', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({ hits: { total: 0 } }));
    await expect(
      submitHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })
    ).rejects.toThrow('Malformed ES|QL response');
  });

  it('returns running with the id when the query outlasts the wait, then polls and deletes', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query/async', () => ({ id: 'FmNJRUZ1YWZCU3dH', is_running: true }));
    const params = huntParamsSchema.parse({ limit: 5 });
    const submitted = shapedHunt(await submitHunt(cluster.client, params, { now: NOW }));
    expect(submitted).toMatchObject({
      outcome: 'running',
      id: 'FmNJRUZ1YWZCU3dH',
      rows: [],
      limit: 5,
    });
    expect(submitted.query).toContain('LIMIT 6');

    let running = true;
    cluster.on(
      'GET',
      '/_query/async/:id',
      () =>
        running
          ? { id: 'FmNJRUZ1YWZCU3dH', is_running: true }
          : {
              is_running: false,
              is_partial: false,
              took: 31_000,
              columns: HUNT_COLUMNS,
              values: [huntValues()],
            },
      // Elasticsearch restores the query's Warning headers with its async result.
      {
        headers: {
          warning:
            '299 Elasticsearch-9.3.0-abc123 "No limit defined, adding default limit of [1000]"',
        },
      }
    );
    cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
    expect(
      shapedStatus(await pollHunt(cluster.client, { id: 'FmNJRUZ1YWZCU3dH', limit: 5 }))
    ).toMatchObject({
      is_running: true,
      rows: [],
    });
    running = false;
    const done = shapedStatus(await pollHunt(cluster.client, { id: 'FmNJRUZ1YWZCU3dH', limit: 5 }));
    expect(done).toMatchObject({
      is_running: false,
      took_ms: 31_000,
      truncated: true,
      truncated_by: 'default_limit',
      warnings: [{ kind: 'default_limit', rows: 1000 }],
    });
    expect(done.rows).toHaveLength(1);
    const paths = cluster.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths.slice(-3)).toEqual([
      'GET /_query/async/FmNJRUZ1YWZCU3dH',
      'GET /_query/async/FmNJRUZ1YWZCU3dH',
      'DELETE /_query/async/FmNJRUZ1YWZCU3dH',
    ]);
    expect(cluster.requests[cluster.requests.length - 2].querystring).toMatchObject({
      wait_for_completion_timeout: '5s',
      keep_alive: '2m',
    });
  });

  it('deletes the query when the browser abandons a status check', async () => {
    const cluster = setup();
    const controller = new AbortController();
    // The page goes away while Elasticsearch holds the check (not on a timer, which a loaded
    // machine would move before or after it).
    cluster.on('GET', '/_query/async/:id', () => {
      controller.abort();
      return new Promise((resolve) =>
        setImmediate(() => resolve({ id: 'FmNJRUZ1YWZCU3dH', is_running: true }))
      );
    });
    cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
    await expect(
      pollHunt(cluster.client, { id: 'FmNJRUZ1YWZCU3dH', limit: 5 }, { signal: controller.signal })
    ).rejects.toMatchObject({ name: 'RequestAbortedError' });
    expect(cluster.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /_query/async/FmNJRUZ1YWZCU3dH',
      'DELETE /_query/async/FmNJRUZ1YWZCU3dH',
    ]);
  });

  it('deletes a query still running when the browser went away during the submit', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    const controller = new AbortController();
    cluster.on('POST', '/_query/async', () => {
      controller.abort();
      return { id: 'FmNJRUZ1YWZCU3dH', is_running: true };
    });
    cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
    await expect(
      submitHunt(cluster.client, huntParamsSchema.parse({}), {
        now: NOW,
        signal: controller.signal,
      })
    ).rejects.toMatchObject({
      name: 'RequestAbortedError',
    });
    expect(cluster.requests.map((request) => request.method)).toContain('DELETE');
  });

  it('passes the abort signal to Elasticsearch calls', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    const controller = new AbortController();
    controller.abort();
    await expect(
      submitHunt(cluster.client, huntParamsSchema.parse({}), {
        now: NOW,
        signal: controller.signal,
      })
    ).rejects.toMatchObject({ name: 'RequestAbortedError' });
  });
});
