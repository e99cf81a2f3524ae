/**
 * The request `filter` (docs-content: explore-analyze/query-filter/languages/esql-rest.md,
 * "Filtering using Elasticsearch Query DSL"), with the Query DSL's own semantics from
 * elastic/elasticsearch:docs/reference/query-languages/query-dsl/query-dsl-range-query.md,
 * -term-query.md, -terms-query.md, -exists-query.md and -bool-query.md.
 */
import { runEsql } from './esql_engine';
import { EsError, UNSUPPORTED_TYPE } from './errors';
import { FakeIndex } from './indices';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const index = new FakeIndex({
  name: 'events',
  mapping: {
    properties: {
      id: { type: 'keyword' },
      '@timestamp': { type: 'date' },
      'source.ip': { type: 'ip' },
      'event.dataset': { type: 'constant_keyword', value: 'azure.signinlogs' },
      tags: { type: 'keyword' },
      n: { type: 'long' },
    },
  },
  documents: [
    {
      id: 'a',
      '@timestamp': '2026-11-26T00:00:00.000Z',
      'source.ip': '10.20.14.7',
      tags: ['x', 'y'],
      n: 1,
    },
    {
      id: 'b',
      '@timestamp': '2026-11-26T23:59:59.999Z',
      'source.ip': '2001:db8::1',
      tags: 'y',
      n: [5, 20],
    },
    { id: 'c', '@timestamp': '2026-11-27T00:00:00.000Z', 'source.ip': ['192.0.2.1', '10.0.0.1'] },
    { id: 'd', '@timestamp': '2026-11-27T11:00:00.000Z' },
  ],
});

function ids(filter: unknown): string[] {
  const answer = runEsql(
    [index],
    { query: 'FROM events | SORT id | KEEP id', filter },
    { now: NOW }
  );
  return (answer.body.values as string[][]).map(([id]) => id);
}

function failure(filter: unknown) {
  try {
    ids(filter);
  } catch (error) {
    if (error instanceof EsError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('range', () => {
  it('applies gt, gte, lt and lte to ISO instants', () => {
    expect(
      ids({
        range: {
          '@timestamp': { gt: '2026-11-26T00:00:00.000Z', lte: '2026-11-27T00:00:00.000Z' },
        },
      })
    ).toEqual(['b', 'c']);
    expect(
      ids({
        range: {
          '@timestamp': { gte: '2026-11-26T00:00:00.000Z', lt: '2026-11-27T00:00:00.000Z' },
        },
      })
    ).toEqual(['a', 'b']);
  });

  it('rounds date math as the docs say: gt and lte up, gte and lt down', () => {
    // now/d is 2026-11-27T00:00:00.000 rounded down, 23:59:59.999 rounded up.
    expect(ids({ range: { '@timestamp': { gte: 'now-1d/d', lt: 'now/d' } } })).toEqual(['a', 'b']);
    expect(ids({ range: { '@timestamp': { gt: 'now-1d/d' } } })).toEqual(['c', 'd']);
    expect(ids({ range: { '@timestamp': { lte: 'now-1d/d' } } })).toEqual(['a', 'b']);
  });

  it('fills missing date components when rounding up (lte 2026-11-26 covers the whole day)', () => {
    expect(
      ids({ range: { '@timestamp': { lte: '2026-11-26', format: 'strict_date_optional_time' } } })
    ).toEqual(['a', 'b']);
    expect(
      ids({ range: { '@timestamp': { gte: '1795651200001', format: 'epoch_millis' } } })
    ).toEqual(['b', 'c', 'd']);
  });

  it('matches a multi-valued field when any value is in range, on numbers and IPs too', () => {
    expect(ids({ range: { n: { gte: 10 } } })).toEqual(['b']);
    expect(ids({ range: { 'source.ip': { gte: '10.0.0.0', lte: '10.255.255.255' } } })).toEqual([
      'a',
      'c',
    ]);
  });

  it('refuses a date it cannot parse, and a time zone it does not model', () => {
    expect(failure({ range: { '@timestamp': { gte: 'yesterday' } } })).toMatchObject({
      status: 400,
      type: 'parse_exception',
    });
    expect(
      failure({ range: { '@timestamp': { gte: 'now', time_zone: 'Europe/Paris' } } }).type
    ).toBe(UNSUPPORTED_TYPE);
  });
});

describe('term, terms, exists, bool', () => {
  it('matches keywords, constant_keywords, IPs and CIDR blocks', () => {
    expect(ids({ term: { tags: 'y' } })).toEqual(['a', 'b']);
    expect(ids({ term: { tags: { value: 'x' } } })).toEqual(['a']);
    expect(ids({ term: { 'event.dataset': 'azure.signinlogs' } })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ term: { 'source.ip': '10.0.0.0/8' } })).toEqual(['a', 'c']);
    expect(ids({ terms: { 'source.ip': ['2001:db8:0::1', '192.0.2.1'] } })).toEqual(['b', 'c']);
  });

  it('matches documents that have a value with exists', () => {
    expect(ids({ exists: { field: 'source.ip' } })).toEqual(['a', 'b', 'c']);
    expect(ids({ exists: { field: 'unmapped' } })).toEqual([]);
  });

  it('combines clauses with bool: must and filter all, should one (when alone), must_not none', () => {
    expect(
      ids({
        bool: {
          filter: [{ exists: { field: 'source.ip' } }],
          must_not: { term: { tags: 'x' } },
        },
      })
    ).toEqual(['b', 'c']);
    expect(ids({ bool: { should: [{ term: { id: 'a' } }, { term: { id: 'd' } }] } })).toEqual([
      'a',
      'd',
    ]);
    expect(
      ids({ bool: { must: { exists: { field: 'n' } }, should: [{ term: { id: 'zzz' } }] } })
    ).toEqual(['a', 'b']);
  });

  it('names an unknown query, and refuses by name a query the fake does not model', () => {
    expect(failure({ nope: {} })).toMatchObject({
      type: 'parsing_exception',
      reason: 'unknown query [nope]',
    });
    expect(failure({ match: { id: 'a' } }).type).toBe(UNSUPPORTED_TYPE);
  });
});
