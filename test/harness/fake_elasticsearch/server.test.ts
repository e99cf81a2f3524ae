/**
 * The fake over HTTP, through the real @elastic/elasticsearch client the plugin uses: `_field_caps`
 * (elastic/elasticsearch:docs/reference/elasticsearch/rest-apis/field-caps.md), `POST /_query`
 * with its `Warning` headers, and the async API (docs-content esql-async-query-api: submit, get,
 * delete, stop; `wait_for_completion_timeout`, `keep_alive`, `keep_on_completion`; only the
 * submitting user may read or delete).
 */
import { Client, errors } from '@elastic/elasticsearch';
import { buildScenarioIndices } from '../../fixtures/scenario/build_scenario';
import { startFakeElasticsearch, type FakeElasticsearch } from './server';

const NOW = new Date('2026-11-27T12:00:00.000Z');
let fake: FakeElasticsearch;
let analyst: Client;
let other: Client;

beforeAll(async () => {
  fake = await startFakeElasticsearch({
    indices: [
      ...buildScenarioIndices(NOW),
      {
        name: 'mv',
        mapping: { properties: { a: { type: 'long' }, b: { type: 'long' } } },
        documents: [
          { a: 1, b: [2, 1] },
          { a: 2, b: 3 },
        ],
      },
    ],
    now: () => NOW.getTime(),
  });
  const client = (username: string) =>
    new Client({ node: fake.url, auth: { username, password: 'x' }, maxRetries: 0 });
  analyst = client('analyst');
  other = client('someone-else');
});

afterAll(async () => {
  await analyst.close();
  await other.close();
  await fake.close();
});

/** How long the fault keeps a query running in the "running" test. */
const RUNNING_MS = 3_000;

describe('_field_caps', () => {
  it('answers from the declared mappings: backing indices, and per field its type and capabilities', async () => {
    const response = await analyst.fieldCaps({
      index: ['logs-azure.*', 'logs-o365.audit-*'],
      fields: [
        'source.ip',
        'event.dataset',
        'o365.audit.ExtendedProperties.extendedAuditEventCategory',
        'nope',
      ],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    expect([response.indices].flat().sort()).toEqual([
      '.ds-logs-azure.auditlogs-default-2026.01.01-000001',
      '.ds-logs-azure.graphactivitylogs-default-2026.01.01-000001',
      '.ds-logs-azure.signinlogs-default-2026.01.01-000001',
      '.ds-logs-o365.audit-default-2026.01.01-000001',
    ]);
    expect(response.fields['source.ip']).toEqual({
      ip: { type: 'ip', metadata_field: false, searchable: true, aggregatable: true },
    });
    expect(Object.keys(response.fields['event.dataset'])).toEqual(['constant_keyword']);
    // Mapped by the o365 dynamic template because a document carried the key.
    expect(response.fields['o365.audit.ExtendedProperties.extendedAuditEventCategory']).toEqual({
      keyword: { type: 'keyword', metadata_field: false, searchable: true, aggregatable: true },
    });
    expect(response.fields.nope).toBeUndefined();
  });

  it('lists the indices that lack a field with include_unmapped', async () => {
    const response = await analyst.fieldCaps({
      index: 'logs-azure.*',
      fields: 'azure.graphactivitylogs.properties.service_principal_id',
      include_unmapped: true,
    });
    const field = response.fields['azure.graphactivitylogs.properties.service_principal_id'];
    expect(field.keyword.indices).toEqual([
      '.ds-logs-azure.graphactivitylogs-default-2026.01.01-000001',
    ]);
    expect(field.unmapped.indices).toHaveLength(2);
  });

  it('answers 404 for a missing concrete index unless ignore_unavailable', async () => {
    await expect(analyst.fieldCaps({ index: 'logs-nope', fields: '*' })).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { type: 'index_not_found_exception', reason: 'no such index [logs-nope]' } },
    });
    const ignored = await analyst.fieldCaps({
      index: 'logs-nope',
      fields: '*',
      ignore_unavailable: true,
    });
    expect(ignored.indices).toEqual([]);
  });
});

describe('POST /_query', () => {
  it('answers rows and sends warnings as Warning headers the client reads', async () => {
    const response = await analyst.esql.query(
      { query: 'FROM mv | EVAL b + 2, a + b | LIMIT 4' },
      { meta: true }
    );
    expect(response.body.values).toEqual([
      [1, [1, 2], null, null],
      [2, 3, 5, 5],
    ]);
    // The client hands the header values on as they came: `299 Elasticsearch-<version>-<hash> "…"`.
    const agent = '299 Elasticsearch-9.3.0-0000000000000000000000000000000000000000';
    expect(response.warnings).toEqual([
      `${agent} "Line 1:16: evaluation of [b + 2] failed, treating result as null. Only first 20 failures recorded."`,
      `${agent} "Line 1:16: java.lang.IllegalArgumentException: single-value function encountered multi-value"`,
      `${agent} "Line 1:23: evaluation of [a + b] failed, treating result as null. Only first 20 failures recorded."`,
      `${agent} "Line 1:23: java.lang.IllegalArgumentException: single-value function encountered multi-value"`,
    ]);
  });

  it('answers an error in the ES envelope the client raises as a ResponseError', async () => {
    const failure = await analyst.esql
      .query({ query: 'FROM mv | KEEP bb' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(errors.ResponseError);
    expect((failure as errors.ResponseError).statusCode).toBe(400);
    expect((failure as errors.ResponseError).body).toEqual({
      error: {
        root_cause: [
          {
            type: 'verification_exception',
            reason: 'Found 1 problem\nline 1:16: Unknown column [bb], did you mean [b]?',
          },
        ],
        type: 'verification_exception',
        reason: 'Found 1 problem\nline 1:16: Unknown column [bb], did you mean [b]?',
      },
      status: 400,
    });
  });

  it('reads drop_null_columns from the query string', async () => {
    const response = await analyst.esql.query({
      query: 'FROM mv | EVAL z = null | KEEP a, z | SORT a',
      drop_null_columns: true,
    });
    expect(response.columns).toEqual([{ name: 'a', type: 'long' }]);
    expect(response.all_columns).toHaveLength(2);
  });

  it('keeps the fault API: a failure for matching queries only, then normal answers', async () => {
    fake.addFault({ endpoint: '_query', queryContains: 'FROM mv', status: 503, times: 1 });
    await expect(analyst.esql.query({ query: 'FROM mv | LIMIT 1' })).rejects.toMatchObject({
      statusCode: 503,
    });
    expect((await analyst.esql.query({ query: 'FROM mv | LIMIT 1' })).values).toHaveLength(1);
    fake.addFault({ endpoint: '_query', isPartial: true });
    expect((await analyst.esql.query({ query: 'FROM mv | LIMIT 1' })).is_partial).toBe(true);
  });
});

describe('the async API', () => {
  const query = 'FROM mv | STATS n = COUNT(*)';

  it('answers at once when the query finishes within wait_for_completion_timeout, storing nothing', async () => {
    const response = await analyst.esql.asyncQuery(
      { query, wait_for_completion_timeout: '2s', keep_on_completion: false },
      { meta: true }
    );
    expect(response.body).toMatchObject({ is_running: false, values: [[2]] });
    expect(response.body.id).toBeUndefined();
    expect(response.headers['x-elasticsearch-async-is-running']).toBe('?0');
    expect(fake.asyncQueryIds()).toEqual([]);
  });

  it('keeps a finished result with keep_on_completion, for its owner only, until deleted', async () => {
    const submitted = await analyst.esql.asyncQuery({ query, keep_on_completion: true });
    const id = submitted.id ?? '';
    expect(submitted).toMatchObject({ is_running: false, values: [[2]] });
    expect(id).not.toBe('');
    await expect(other.esql.asyncQueryGet({ id })).rejects.toMatchObject({ statusCode: 404 });
    await expect(other.esql.asyncQueryDelete({ id })).rejects.toMatchObject({ statusCode: 404 });
    expect(await analyst.esql.asyncQueryGet({ id })).toMatchObject({
      id,
      is_running: false,
      values: [[2]],
    });
    expect(await analyst.esql.asyncQueryDelete({ id })).toEqual({ acknowledged: true });
    await expect(analyst.esql.asyncQueryGet({ id })).rejects.toMatchObject({ statusCode: 404 });
  });

  it(
    'answers "running" with an id while a query runs, then the rows once it is done',
    async () => {
      // Long enough that the submit and the first GET both land while it runs, even when a busy
      // machine delays them by a second or more; the test's own timeout leaves room for it.
      fake.addFault({ endpoint: '_query', runningMs: RUNNING_MS });
      const submitted = await analyst.esql.asyncQuery({
        query,
        wait_for_completion_timeout: '10ms',
      });
      expect(submitted).toEqual({ id: expect.any(String), is_running: true });
      const id = submitted.id ?? '';
      const early = await analyst.esql.asyncQueryGet({ id, wait_for_completion_timeout: '1ms' });
      expect(early.is_running).toBe(true);
      // Without a timeout a GET waits until the query finishes.
      const done = await analyst.esql.asyncQueryGet({ id });
      expect(done).toMatchObject({ id, is_running: false, values: [[2]] });
      await analyst.esql.asyncQueryDelete({ id });
    },
    4 * RUNNING_MS
  );

  it('forgets a query after its keep_alive, and stop cuts a running one short as partial', async () => {
    const kept = await analyst.esql.asyncQuery({
      query,
      keep_on_completion: true,
      keep_alive: '100ms',
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(analyst.esql.asyncQueryGet({ id: kept.id ?? '' })).rejects.toMatchObject({
      statusCode: 404,
    });

    fake.addFault({ endpoint: '_query', runningMs: 60_000 });
    const running = await analyst.esql.asyncQuery({ query, wait_for_completion_timeout: '1ms' });
    const stopped = await analyst.esql.asyncQueryStop({ id: running.id ?? '' });
    expect(stopped).toMatchObject({ is_running: false, is_partial: true });
    await analyst.esql.asyncQueryDelete({ id: running.id ?? '' });
  });

  it('fails the submit itself for a query ES rejects while planning', async () => {
    await expect(analyst.esql.asyncQuery({ query: 'FROM mv | KEEP c' })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { type: 'verification_exception' } },
    });
    expect(fake.asyncQueryIds()).toEqual([]);
  });
});

describe('indexing a document (POST /<target>/_doc)', () => {
  it('adds it to the index, searchable at once, and checks it against the mapping', async () => {
    const before = await analyst.esql.query({ query: 'FROM mv | STATS n = COUNT(*)' });
    const created = await analyst.index({ index: 'mv', document: { a: 7, b: 8 } });
    expect(created.result).toBe('created');
    const after = await analyst.esql.query({ query: 'FROM mv | STATS n = COUNT(*)' });
    expect(Number(after.values[0][0])).toBe(Number(before.values[0][0]) + 1);
    const sum = await analyst.esql.query({ query: 'FROM mv | WHERE a == 7 | KEEP b' });
    expect(sum.values).toEqual([[8]]);
    // A value the mapping cannot hold is refused, and the index keeps what it had.
    await expect(analyst.index({ index: 'mv', document: { a: 'not a number' } })).rejects.toThrow(
      /document_parsing_exception/
    );
    const kept = await analyst.esql.query({ query: 'FROM mv | STATS n = COUNT(*)' });
    expect(kept.values).toEqual(after.values);
  });

  it('refuses a data stream document without @timestamp, and an index it does not hold', async () => {
    await expect(
      analyst.index({ index: 'logs-azure.signinlogs-default', document: { event: { a: 1 } } })
    ).rejects.toThrow(/timestamp field \[@timestamp\] is missing/);
    await expect(analyst.index({ index: 'nowhere', document: { a: 1 } })).rejects.toThrow(
      /index_not_found_exception/
    );
  });
});
