/**
 * Errors as Elasticsearch writes them: the envelope `{ error: { root_cause, type, reason }, status }`,
 * `verification_exception` for what the analyzer refuses ("Found N problem(s)" then one
 * `line L:C:` line each, esql `analysis/VerificationException.java`), `parsing_exception` for syntax
 * and missing params (`parser/ParsingException.java`, `ExpressionBuilder.java`), and a distinct
 * type for what the fake does not model, so it can never pass for an answer.
 */
import { runEsql, type EsqlOptions } from './esql_engine';
import { EsError, UNSUPPORTED_TYPE } from './errors';
import { FakeIndex, type IndexInput } from './indices';

const SIGNIN: IndexInput = {
  name: 'logs-azure.signinlogs-default',
  dataStream: true,
  mapping: {
    properties: {
      '@timestamp': { type: 'date' },
      'source.ip': { type: 'ip' },
      'event.action': { type: 'keyword' },
      'azure.signinlogs.properties.service_principal_name': { type: 'keyword' },
      code: { type: 'keyword' },
    },
  },
  documents: [{ '@timestamp': '2026-11-20T10:00:00Z', 'source.ip': '192.0.2.1', code: 'x' }],
};
const GRAPH: IndexInput = {
  name: 'logs-azure.graphactivitylogs-default',
  dataStream: true,
  mapping: {
    properties: {
      '@timestamp': { type: 'date' },
      'azure.graphactivitylogs.properties.service_principal_id': { type: 'keyword' },
      code: { type: 'long' },
    },
  },
  documents: [{ '@timestamp': '2026-10-01T10:00:00Z', code: 7 }],
};
const indices = [new FakeIndex(SIGNIN), new FakeIndex(GRAPH)];

function answer(body: Record<string, unknown>, options: EsqlOptions = {}) {
  return runEsql(indices, body, { now: Date.parse('2026-11-27T12:00:00Z'), ...options });
}

function failure(body: Record<string, unknown>, options: EsqlOptions = {}) {
  try {
    answer(body, options);
  } catch (error) {
    if (error instanceof EsError) return { status: error.status, ...error.body().error };
    throw error;
  }
  throw new Error('no error');
}

describe('verification errors', () => {
  it('names an unknown column with its line and column, in the ES envelope', () => {
    const error = failure({
      query: 'FROM logs-azure.*\n| WHERE source.ip IS NOT NULL\n| KEEP missing_field',
    });
    expect(error).toEqual({
      status: 400,
      root_cause: [
        {
          type: 'verification_exception',
          reason: 'Found 1 problem\nline 3:8: Unknown column [missing_field]',
        },
      ],
      type: 'verification_exception',
      reason: 'Found 1 problem\nline 3:8: Unknown column [missing_field]',
    });
  });

  it('suggests close names as ES does (StringUtils.findSimilar), and reports every problem', () => {
    const error = failure({
      query: 'FROM logs-azure.* | WHERE event.acton == "x" AND sourceip IS NULL',
    });
    expect(error.reason).toBe(
      'Found 2 problems\nline 1:27: Unknown column [event.acton], did you mean [event.action]?\nline 1:50: Unknown column [sourceip], did you mean [source.ip]?'
    );
  });

  it('accepts a field some matched index maps, and reads null where another does not', () => {
    const { body } = answer({
      query:
        'FROM logs-azure.* | KEEP @timestamp, azure.graphactivitylogs.properties.service_principal_id | SORT @timestamp',
    });
    expect(body.values).toEqual([
      ['2026-10-01T10:00:00.000Z', null],
      ['2026-11-20T10:00:00.000Z', null],
    ]);
  });

  it('refuses a field mapped with two types across the matched indices', () => {
    expect(failure({ query: 'FROM logs-azure.* | WHERE code IS NULL' }).reason).toBe(
      'Found 1 problem\nline 1:27: Cannot use field [code] due to ambiguities being mapped as [2] incompatible types: [keyword] in [.ds-logs-azure.signinlogs-default-2026.01.01-000001] and [long] in [.ds-logs-azure.graphactivitylogs-default-2026.01.01-000001]'
    );
  });

  it('refuses comparing unlike types, and aggregates outside STATS', () => {
    expect(failure({ query: 'FROM logs-azure.* | WHERE event.action == 1' }).reason).toBe(
      'Found 1 problem\nline 1:27: first argument of [event.action == 1] is [keyword] so second argument must also be [keyword] but was [integer]'
    );
    expect(failure({ query: 'FROM logs-azure.* | EVAL n = COUNT(*)' }).reason).toBe(
      'Found 1 problem\nline 1:30: aggregate function [COUNT(*)] not allowed outside STATS command'
    );
  });

  it('names an unknown function', () => {
    expect(failure({ query: 'ROW a = NOPE(1)' }).reason).toMatch(
      /^Found 1 problem\nline 1:9: Unknown function \[nope\]/
    );
  });

  it('resolves columns with the filter first, then without it, as EsqlSession retries', () => {
    // The filter leaves only signin documents; the graph field still resolves.
    const { body } = answer({
      query: 'FROM logs-azure.* | KEEP azure.graphactivitylogs.properties.service_principal_id',
      filter: { range: { '@timestamp': { gte: '2026-11-01T00:00:00Z' } } },
    });
    expect(body.values).toEqual([[null]]);
  });
});

describe('indices (FROM patterns; elastic/elasticsearch#139181, RequestIndexFilteringTestCase)', () => {
  it('refuses a concrete index that does not exist', () => {
    expect(failure({ query: 'FROM logs-nope | LIMIT 1' })).toMatchObject({
      type: 'verification_exception',
      reason: 'Found 1 problem\nline 1:1: Unknown index [logs-nope]',
    });
    expect(failure({ query: 'FROM logs-azure.*, logs-nope | LIMIT 1' }).reason).toBe(
      'Found 1 problem\nline 1:1: Unknown index [logs-nope]'
    );
  });

  it('answers no rows and no columns when every pattern matches nothing (9.3, PR #139181)', () => {
    expect(
      answer({ query: 'FROM logs-nothing-*, remote:logs-* | WHERE x > 1' }).body
    ).toMatchObject({
      columns: [],
      values: [],
    });
    expect(
      failure({ query: 'FROM logs-nothing-* | LIMIT 1' }, { emptyPatternAnswer: 'unknown_index' })
        .reason
    ).toBe('Found 1 problem\nline 1:1: Unknown index [logs-nothing-*]');
  });

  it('skips a pattern matching nothing when another matches, and excludes with -pattern', () => {
    const { body } = answer({
      query: 'FROM logs-*, logs-nothing-*, -logs-azure.graph* | STATS n = COUNT(*)',
    });
    expect(body.values).toEqual([[1]]);
  });

  it('reads quoted index names', () => {
    expect(
      answer({ query: 'FROM "logs-azure.signinlogs-default" | STATS n = COUNT(*)' }).body.values
    ).toEqual([[1]]);
  });
});

describe('syntax and params', () => {
  it('reports a syntax error with its line and column', () => {
    expect(failure({ query: 'FROM logs-azure.*\n| WHERE source.ip >' })).toMatchObject({
      status: 400,
      type: 'parsing_exception',
      reason: expect.stringMatching(/^line 2:20: mismatched input <EOF>/),
    });
    expect(failure({ query: 'FROM logs-azure.* | WHERE a == "unterminated' })).toMatchObject({
      type: 'parsing_exception',
      reason: expect.stringMatching(/^line 1:32: token recognition error at: '"unterminated'/),
    });
  });

  it('refuses a param the request does not carry, naming close ones (ExpressionBuilder)', () => {
    expect(
      failure({
        query: 'FROM logs-azure.* | WHERE @timestamp > ?_tstart',
        params: [{ _tstrat: 'x' }],
      })
    ).toMatchObject({
      type: 'parsing_exception',
      reason: 'line 1:40: Unknown query parameter [_tstart], did you mean [_tstrat]?',
    });
    expect(failure({ query: 'ROW a = ?3', params: [1, 2] }).reason).toMatch(
      /^line 1:9: No parameter is defined for position 3/
    );
  });

  it('refuses named and positional params together, and bad param names (RequestXContent)', () => {
    expect(failure({ query: 'ROW a = ?x', params: [{ x: 1 }, 2] })).toMatchObject({
      type: 'x_content_parse_exception',
      reason:
        'Failed to parse params: Params cannot contain both named and unnamed parameters; got [{x:1}] and [{2}]',
    });
    expect(failure({ query: 'ROW a = 1', params: [{ '1x': 1 }] }).reason).toContain(
      '[1x] is not a valid parameter name'
    );
  });

  it('refuses a body field /_query does not read', () => {
    expect(failure({ query: 'ROW a = 1', wait_for_completion_timeout: '1s' })).toMatchObject({
      type: 'x_content_parse_exception',
      reason: '[1:2] [esql/query] unknown field [wait_for_completion_timeout]',
    });
  });
});

describe('what the fake does not model is refused by name, never answered', () => {
  it.each([
    ['FROM logs-azure.* | ENRICH policy', 'the ENRICH command'],
    ['FROM logs-azure.* | WHERE code LIKE "x*"', 'LIKE'],
    ['ROW a = GREATEST(1, 2)', 'the function GREATEST'],
    ['FROM logs-azure.* METADATA _id', 'FROM … METADATA'],
    ['ROW a = ??name', 'identifier params'],
    [
      'FROM logs-azure.* | STATS n = COUNT(*) + 1',
      'STATS expressions other than a single aggregate function',
    ],
  ])('%s', (query, construct) => {
    const error = failure({ query, params: [{ name: 'x' }] });
    expect(error.status).toBe(400);
    expect(error.type).toBe(UNSUPPORTED_TYPE);
    expect(error.reason).toContain(construct);
  });
});
