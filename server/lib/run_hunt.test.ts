import { HUNT_FIELDS, GRAPH_SP_ID_FIELD } from '../../common/hunt/data_sources';
import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { inlineEsqlParams } from '../../common/hunt/esql_text';
import { createMockedCluster, fieldCapsResponse } from '../../test/helpers/es_mock';
import { esResponseError, HUNT_COLUMNS, huntValues } from '../../test/helpers/esql_responses';
import { runHunt } from './run_hunt';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function setup() {
  const cluster = createMockedCluster();
  return cluster;
}

describe('runHunt', () => {
  it('asks field caps for the hunt fields only, then sends the query, params and filter', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query', () => ({ took: 12, is_partial: false, columns: HUNT_COLUMNS, values: [huntValues()] }));

    const params = huntParamsSchema.parse({ max_daily_actions: 3 });
    const result = await runHunt(cluster.client, params, { now: NOW });

    const [fieldCaps, query] = cluster.requests;
    expect(fieldCaps.path).toBe('/logs-azure.*,logs-o365.audit-*/_field_caps');
    expect(fieldCaps.querystring).toMatchObject({ ignore_unavailable: 'true', allow_no_indices: 'true' });
    expect(fieldCaps.body).toEqual({ fields: HUNT_FIELDS });

    expect(query.method).toBe('POST');
    expect(query.path).toBe('/_query');
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
      range: { '@timestamp': { gt: '2026-10-28T12:00:00.000Z', lte: '2026-11-27T12:00:00.000Z', format: 'strict_date_optional_time' } },
    });
    expect(query.body.query).toContain('daily_action_count <= ?max_daily and distinct_ips >= ?min_ips');
    // What the analyst is shown is what was sent, with the params written in.
    expect(result.query).toBe(
      inlineEsqlParams(query.body.query as string, query.body.params as never, { _tstart: 'now() - 30 day' })
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
    cluster.on('POST', '/_query', () => ({ columns: HUNT_COLUMNS, values: [] }));
    const result = await runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW });
    expect(cluster.requests[1].body.query).not.toContain('graphactivitylogs');
    expect(result.skipped).toEqual([
      { dataset: 'azure.graphactivitylogs', reason: 'missing_fields', missingFields: [GRAPH_SP_ID_FIELD] },
    ]);
    expect(result.datasets).toEqual(['azure.auditlogs', 'azure.signinlogs', 'o365.audit']);
  });

  it('returns an empty result with a note when no index matches, without running ES|QL', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => ({ indices: [], fields: {} }));
    const result = await runHunt(cluster.client, huntParamsSchema.parse({ index_patterns: ['logs-none-*'] }), { now: NOW });
    expect(result).toMatchObject({ outcome: 'no_indices', rows: [], query: null });
    expect(cluster.requests.map((request) => request.path)).toEqual(['/logs-none-*/_field_caps']);
  });

  it('returns no_sources when indices exist but no chosen source has its fields', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () =>
      fieldCapsResponse(['@timestamp', 'event.dataset', 'event.action', 'source.ip'])
    );
    const result = await runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW });
    expect(result.outcome).toBe('no_sources');
    expect(result.skipped.map((entry) => entry.reason)).toEqual(['missing_fields', 'missing_fields', 'missing_fields', 'missing_fields']);
  });

  it('treats an index that vanished before the query as no data', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query', () =>
      esResponseError(400, 'verification_exception', 'Found 1 problem\nline -1:-1: Unknown index [logs-azure.*]')
    );
    expect((await runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })).outcome).toBe('no_indices');
  });

  it('flags truncation at the limit and passes is_partial on', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query', () => ({ is_partial: true, columns: HUNT_COLUMNS, values: [huntValues(), huntValues()] }));
    const result = await runHunt(cluster.client, huntParamsSchema.parse({ limit: 2 }), { now: NOW });
    expect(result).toMatchObject({ truncated: true, is_partial: true });
    expect(cluster.requests[1].body.query).toMatch(/\| LIMIT 2$/);
  });

  it('reads rows by column name, ignoring extra columns and order', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    const columns = [{ name: 'extra', type: 'keyword' }, ...HUNT_COLUMNS].reverse();
    cluster.on('POST', '/_query', () => ({ columns, values: [['x', ...huntValues({ ips: '10.0.0.1' })].reverse()] }));
    const [row] = (await runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })).rows;
    expect(row.ips).toEqual(['10.0.0.1']);
    expect(row.service_principal_name).toBe('Terraform-Datadog-CLI');
    expect(row).not.toHaveProperty('extra');
  });

  it('refuses a 200 answer that is not an ES|QL result', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    cluster.on('POST', '/_query', () => ({ hits: { total: 0 } }));
    await expect(runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW })).rejects.toThrow('Malformed ES|QL response');
  });

  it('passes the abort signal to Elasticsearch calls', async () => {
    const cluster = setup();
    cluster.on('POST', '/:index/_field_caps', () => fieldCapsResponse());
    const controller = new AbortController();
    controller.abort();
    await expect(
      runHunt(cluster.client, huntParamsSchema.parse({}), { now: NOW, signal: controller.signal })
    ).rejects.toMatchObject({ name: 'RequestAbortedError' });
  });
});
