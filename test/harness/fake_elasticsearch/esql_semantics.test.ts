/**
 * The interpreter's ES|QL semantics, one rule per test, each citing the Elasticsearch page (or
 * source file) it follows. Pages are under elastic/elasticsearch:docs/reference/query-languages/
 * esql/ unless another repository is named. Expected values are written out from those pages.
 */
import { runEsql, type EsqlOptions } from './esql_engine';
import { EsError } from './errors';
import { FakeIndex, type IndexInput } from './indices';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');

const MV_INDEX: IndexInput = {
  name: 'mv',
  mapping: {
    properties: {
      a: { type: 'long' },
      b: { type: 'long' },
      k: { type: 'keyword' },
      t: { type: 'text' },
      ip: { type: 'ip' },
      d: { type: 'date' },
      f: { type: 'float' },
      flag: { type: 'boolean' },
      ds: { type: 'constant_keyword', value: 'azure.signinlogs' },
    },
  },
  documents: [
    {
      a: 1,
      b: [2, 2, 1],
      k: ['foo', 'foo', 'bar'],
      t: ['z', 'a', 'z'],
      ip: ['2001:DB8:0:0::1', '::ffff:10.0.0.1', '10.0.0.1'],
      d: ['2026-11-20T10:00:00Z', '2026-11-19T10:00:00Z'],
      f: 0.1,
      flag: [true, false],
      extra: 'not mapped',
    },
    { a: 2, b: 3, k: 'bar', ip: '10.0.0.2', d: '2026-11-21T00:00:00.000Z', flag: true },
    { a: 3, k: [], ip: null },
  ],
};

function cluster(...inputs: IndexInput[]): FakeIndex[] {
  return (inputs.length ? inputs : [MV_INDEX]).map((input) => new FakeIndex(input));
}

function run(
  query: string,
  extra: Record<string, unknown> = {},
  options: EsqlOptions = {},
  indices = cluster()
) {
  const answer = runEsql(indices, { query, ...extra }, { now: NOW, ...options });
  const body = answer.body as {
    columns: Array<{ name: string; type: string }>;
    values: unknown[][];
    all_columns?: Array<{ name: string; type: string }>;
  };
  return { ...body, warnings: answer.warningTexts, headers: answer.warnings };
}

function column(query: string, name: string, extra: Record<string, unknown> = {}): unknown[] {
  const { columns, values } = run(query, extra);
  const index = columns.findIndex((entry) => entry.name === name);
  if (index === -1) throw new Error(`no column ${name}`);
  return values.map((row) => row[index]);
}

function failure(query: string, extra: Record<string, unknown> = {}, options: EsqlOptions = {}) {
  try {
    run(query, extra, options);
  } catch (error) {
    if (error instanceof EsError)
      return { status: error.status, type: error.type, reason: error.reason };
    throw error;
  }
  throw new Error('the query did not fail');
}

describe('reading documents (esql-multivalued-fields.md; mapping-reference field types)', () => {
  it('returns keyword multi-values de-duplicated and sorted, numbers and dates sorted with duplicates', () => {
    const { columns, values } = run('FROM mv | KEEP k, b, d, t | LIMIT 1');
    expect(columns).toEqual([
      { name: 'k', type: 'keyword' },
      { name: 'b', type: 'long' },
      { name: 'd', type: 'date' },
      { name: 't', type: 'text' },
    ]);
    expect(values[0]).toEqual([
      ['bar', 'foo'],
      [1, 2, 2],
      ['2026-11-19T10:00:00.000Z', '2026-11-20T10:00:00.000Z'],
      // text comes from _source, in source order.
      ['z', 'a', 'z'],
    ]);
  });

  it('stores an IP as 16 bytes: IPv4-mapped reads as IPv4, IPv6 compressed, sorted by bytes (IpFieldMapper)', () => {
    expect(column('FROM mv | KEEP ip | LIMIT 1', 'ip')).toEqual([['10.0.0.1', '2001:db8::1']]);
  });

  it('reads a missing field, an empty array or null as null, and has no column for an unmapped field', () => {
    const { columns, values } = run('FROM mv | KEEP a, k, ip | SORT a');
    expect(values[2]).toEqual([3, null, null]);
    expect(columns.map((entry) => entry.name)).not.toContain('extra');
    expect(failure('FROM mv | KEEP extra').reason).toBe(
      'Found 1 problem\nline 1:16: Unknown column [extra]'
    );
  });

  it('reads a constant_keyword as its constant for every document (constant-keyword.md)', () => {
    expect(column('FROM mv | KEEP ds', 'ds')).toEqual([
      'azure.signinlogs',
      'azure.signinlogs',
      'azure.signinlogs',
    ]);
  });

  it('reads a float field as the 32-bit value it stored', () => {
    expect(column('FROM mv | KEEP f | LIMIT 1', 'f')).toEqual([Math.fround(0.1)]);
  });

  it('refuses a document whose IP the field cannot store, as indexing would', () => {
    expect(
      () =>
        new FakeIndex({
          name: 'bad',
          mapping: { properties: { ip: { type: 'ip' } } },
          documents: [{ ip: '010.0.0.1' }],
        })
    ).toThrow(/failed to parse field \[ip\] of type \[ip\]/);
  });

  it('returns columns of FROM in name order with their ES|QL types', () => {
    const { columns } = run('FROM mv | LIMIT 0');
    expect(columns).toEqual([
      { name: 'a', type: 'long' },
      { name: 'b', type: 'long' },
      { name: 'd', type: 'date' },
      { name: 'ds', type: 'keyword' },
      { name: 'f', type: 'double' },
      { name: 'flag', type: 'boolean' },
      { name: 'ip', type: 'ip' },
      { name: 'k', type: 'keyword' },
      { name: 't', type: 'text' },
    ]);
  });
});

describe('multi-values in single-value functions (esql-multivalued-fields.md, "Functions")', () => {
  it('gives null and two warnings per expression, with the expression text and position', () => {
    // The page's own index and query.
    const docs: IndexInput = {
      name: 'mv',
      mapping: { properties: { a: { type: 'long' }, b: { type: 'long' } } },
      documents: [
        { a: 1, b: [2, 1] },
        { a: 2, b: 3 },
      ],
    };
    const { columns, values, warnings, headers } = run(
      'FROM mv | EVAL b + 2, a + b | LIMIT 4',
      {},
      {},
      cluster(docs)
    );
    expect(columns.map((entry) => entry.name)).toEqual(['a', 'b', 'b + 2', 'a + b']);
    expect(values).toEqual([
      [1, [1, 2], null, null],
      [2, 3, 5, 5],
    ]);
    // The page's own example, word for word.
    expect(warnings).toEqual([
      'Line 1:16: evaluation of [b + 2] failed, treating result as null. Only first 20 failures recorded.',
      'Line 1:16: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      'Line 1:23: evaluation of [a + b] failed, treating result as null. Only first 20 failures recorded.',
      'Line 1:23: java.lang.IllegalArgumentException: single-value function encountered multi-value',
    ]);
    // The header as HeaderWarning formats it: 299 Elasticsearch-<version>-<hash> "<text>".
    expect(headers[0]).toMatch(
      /^299 Elasticsearch-9\.3\.0-[0-9a-f]{40} "Line 1:16: evaluation of \[b \+ 2\] failed, treating result as null\. Only first 20 failures recorded\."$/
    );
  });

  it('makes `==` null on a multi-value, so WHERE drops the row although one value matches', () => {
    const result = run('FROM mv | WHERE k == "foo" | KEEP a');
    expect(result.values).toEqual([]);
    expect(result.warnings[0]).toBe(
      'Line 1:17: evaluation of [k == "foo"] failed, treating result as null. Only first 20 failures recorded.'
    );
  });

  it('makes CIDR_MATCH null on a multi-valued address (so NOT CIDR_MATCH drops it too)', () => {
    expect(
      column('FROM mv | EVAL m = CIDR_MATCH(ip, "10.0.0.0/8") | KEEP m | LIMIT 2', 'm')
    ).toEqual([null, true]);
    expect(column('FROM mv | WHERE NOT CIDR_MATCH(ip, "192.168.0.0/16") | KEEP a', 'a')).toEqual([
      2,
    ]);
  });

  it('lets conversion functions convert every value, and MV_ functions read them all (mv-functions.md)', () => {
    const { values } = run(
      'FROM mv | EVAL s = TO_STRING(b), n = MV_COUNT(k), head = MV_FIRST(b), lo = MV_MIN(ip), hi = MV_MAX(k) | KEEP s, n, head, lo, hi | LIMIT 1'
    );
    expect(values[0]).toEqual([['1', '2', '2'], 2, 1, '10.0.0.1', 'foo']);
  });

  it('passes a multi-value through COALESCE (coalesce.md: first non-null argument)', () => {
    expect(column('FROM mv | EVAL c = COALESCE(k, "none") | KEEP c', 'c')).toEqual([
      ['bar', 'foo'],
      'bar',
      'none',
    ]);
  });

  it('keeps IS NULL false for a multi-value (null-functions: is_null.md)', () => {
    expect(column('FROM mv | WHERE k IS NOT NULL | KEEP a', 'a')).toEqual([1, 2]);
  });
});

describe('MV_CONTAINS (functions/mv_contains.md, preview since 9.2.0; MvContains.java)', () => {
  it('is true when every value of the second is in the first; a null second is the empty set', () => {
    const { values } = run(
      'ROW set = ["a", "b", "c"] | EVAL one = MV_CONTAINS(set, "a"), two = MV_CONTAINS(set, ["a", "c"]), no = MV_CONTAINS(set, "d"), empty = MV_CONTAINS(set, null), nullset = MV_CONTAINS(null, "a") | KEEP one, two, no, empty, nullset'
    );
    expect(values[0]).toEqual([true, true, false, true, false]);
  });

  it('finds an event by any of its values, and reads an empty keyword as null (so "" is always contained)', () => {
    expect(column('FROM mv | WHERE MV_CONTAINS(k, "foo") | KEEP a', 'a')).toEqual([1]);
    expect(
      column('FROM mv | WHERE MV_CONTAINS(ip, TO_IP("::ffff:10.0.0.1")) | KEEP a', 'a')
    ).toEqual([1]);
    expect(column('FROM mv | WHERE MV_CONTAINS(k, "") | KEEP a', 'a')).toEqual([1, 2, 3]);
  });
});

describe('MV_SLICE (functions/mv_slice.md; MvSlice.java)', () => {
  it('takes the values from start to end, 0-based and inclusive; negative counts from the end', () => {
    const { values } = run(
      'ROW v = [10, 20, 30] | EVAL one = MV_SLICE(v, 1), two = MV_SLICE(v, 0, 1), tail = MV_SLICE(v, -1), cut = MV_SLICE(v, 1, 9), past = MV_SLICE(v, 3), single = MV_SLICE(5, 0), gone = MV_SLICE(5, 1) | KEEP one, two, tail, cut, past, single, gone'
    );
    expect(values[0]).toEqual([20, [10, 20], 30, [20, 30], null, 5, null]);
  });

  it('reads each address of an event by position, so CIDR_MATCH can test every one', () => {
    // The first document's addresses read as [10.0.0.1, 2001:db8::1] (doc values, by bytes).
    const { values } = run(
      'FROM mv | EVAL head = MV_SLICE(ip, 0), second = MV_SLICE(ip, 1), third = MV_SLICE(ip, 2), m = CIDR_MATCH(MV_SLICE(ip, 1), "10.0.0.0/8") | KEEP head, second, third, m | LIMIT 2'
    );
    expect(values).toEqual([
      ['10.0.0.1', '2001:db8::1', null, false],
      ['10.0.0.2', null, null, null],
    ]);
  });

  it('warns and gives null when start is after end', () => {
    const result = run('ROW v = [1, 2] | EVAL s = MV_SLICE(v, 1, 0) | KEEP s');
    expect(result.values).toEqual([[null]]);
    expect(result.warnings[1]).toContain('Start offset is greater than end offset');
  });
});

describe('CASE (functions/case.md; Case.java)', () => {
  it('returns the value of the first true condition, the default for an odd count, else null', () => {
    const { values } = run(
      'ROW x = 2 | EVAL a = CASE(x == 1, "one", x == 2, "two", "many"), b = CASE(x > 5, "big"), c = CASE(null, "n", true, "t") | KEEP a, b, c'
    );
    expect(values[0]).toEqual(['two', null, 't']);
  });

  it('treats a multi-valued condition as false, with a warning naming the CASE', () => {
    const result = run('FROM mv | EVAL c = CASE(k == "foo" OR true, "yes", "no") | KEEP c');
    expect(result.values.map((row) => row[0])).toEqual(['yes', 'yes', 'yes']);
    const flagged = run('FROM mv | EVAL c = CASE(flag, "on", "off") | KEEP c | LIMIT 2');
    expect(flagged.values.map((row) => row[0])).toEqual(['off', 'on']);
    expect(flagged.warnings[0]).toBe(
      'Line 1:20: evaluation of [CASE(flag, "on", "off")] failed, treating result as false. Only first 20 failures recorded.'
    );
  });

  it('refuses values of different types and a condition that is not boolean', () => {
    expect(failure('ROW x = 1 | EVAL c = CASE(x == 1, "a", 2)').reason).toContain(
      'must be [keyword]'
    );
    expect(failure('ROW x = 1 | EVAL c = CASE(x, "a")').reason).toContain('must be [boolean]');
  });
});

describe('STATS … BY (commands/stats-by.md)', () => {
  it('puts a row with a multi-valued key in each value’s group', () => {
    const { columns, values } = run(
      'ROW i=1, a=["a", "b"], b=[2, 3] | STATS MIN(i) BY a, b | SORT a ASC, b ASC'
    );
    expect(columns).toEqual([
      { name: 'MIN(i)', type: 'integer' },
      { name: 'a', type: 'keyword' },
      { name: 'b', type: 'integer' },
    ]);
    expect(values).toEqual([
      [1, 'a', 2],
      [1, 'a', 3],
      [1, 'b', 2],
      [1, 'b', 3],
    ]);
  });

  it('outputs aggregates in written order, then BY keys; the rightmost of equal names wins', () => {
    const { columns } = run('FROM mv | STATS c = COUNT(*), n = MAX(a), c = MIN(a) BY k');
    expect(columns.map((entry) => entry.name)).toEqual(['n', 'c', 'k']);
  });

  it('groups a null key under null, and counts values with COUNT(x), rows with COUNT(*) (count.md)', () => {
    const { values } = run(
      'FROM mv | STATS rows = COUNT(*), bs = COUNT(b), ks = COUNT(k) BY k | SORT k'
    );
    expect(values).toEqual([
      [2, 4, 3, 'bar'],
      [1, 3, 2, 'foo'],
      [1, 0, 0, null],
    ]);
  });

  it('aggregates every value: COUNT_DISTINCT, VALUES, MIN, MAX, SUM (aggregation-functions.md)', () => {
    const { columns, values } = run(
      'FROM mv | STATS n = COUNT_DISTINCT(ip), v = VALUES(k), lo = MIN(d), hi = MAX(ip), total = SUM(b)'
    );
    expect(columns.map((entry) => entry.type)).toEqual(['long', 'keyword', 'date', 'ip', 'long']);
    const [n, v, lo, hi, total] = values[0];
    expect(n).toBe(3);
    expect(new Set(v as string[])).toEqual(new Set(['bar', 'foo']));
    expect(lo).toBe('2026-11-19T10:00:00.000Z');
    expect(hi).toBe('2001:db8::1');
    expect(total).toBe(8);
  });

  it('answers one row over no input without BY, and no rows with BY', () => {
    expect(run('FROM mv | WHERE a > 10 | STATS n = COUNT(*), s = SUM(a)').values).toEqual([
      [0, null],
    ]);
    expect(run('FROM mv | WHERE a > 10 | STATS n = COUNT(*) BY k').values).toEqual([]);
  });
});

describe('WHERE and three-valued logic (commands/where.md; operators.md)', () => {
  it('keeps only rows whose condition is true', () => {
    expect(column('FROM mv | WHERE b > 2 | KEEP a', 'a')).toEqual([2]);
  });

  it.each([
    ['null AND false', false],
    ['null AND true', null],
    ['null OR true', true],
    ['null OR false', null],
    ['NOT null', null],
    ['1 IN (1, null)', true],
    ['2 IN (1, null)', null],
    ['2 NOT IN (1, 3)', true],
    ['null IN (1)', null],
    ['null IS NULL', true],
  ])('%s is %s', (expression, expected) => {
    expect(column(`ROW x = ${expression}`, 'x')).toEqual([expected]);
  });

  it('binds NOT to a comparison and AND before OR', () => {
    expect(column('ROW x = NOT 1 == 2 AND false OR true', 'x')).toEqual([true]);
  });
});

describe('SORT (commands/sort.md)', () => {
  it('sorts nulls last ascending and first descending, unless told', () => {
    expect(column('FROM mv | SORT b | KEEP a', 'a')).toEqual([1, 2, 3]);
    expect(column('FROM mv | SORT b DESC | KEEP a', 'a')).toEqual([3, 2, 1]);
    expect(column('FROM mv | SORT b ASC NULLS FIRST | KEEP a', 'a')).toEqual([3, 1, 2]);
    expect(column('FROM mv | SORT b DESC NULLS LAST | KEEP a', 'a')).toEqual([2, 1, 3]);
  });

  it('sorts a multi-value by its lowest value ascending and its highest descending', () => {
    const index: IndexInput = {
      name: 'sorting',
      mapping: { properties: { n: { type: 'long' }, id: { type: 'keyword' } } },
      documents: [
        { id: 'wide', n: [1, 9] },
        { id: 'five', n: 5 },
      ],
    };
    expect(run('FROM sorting | SORT n | KEEP id', {}, {}, cluster(index)).values).toEqual([
      ['wide'],
      ['five'],
    ]);
    expect(run('FROM sorting | SORT n DESC | KEEP id', {}, {}, cluster(index)).values).toEqual([
      ['wide'],
      ['five'],
    ]);
  });

  it('orders keywords by bytes and IPs by their 16 bytes', () => {
    expect(column('ROW k = ["é", "z", "a"] | MV_EXPAND k | SORT k', 'k')).toEqual(['a', 'z', 'é']);
    expect(column('FROM mv | MV_EXPAND ip | SORT ip DESC NULLS LAST | KEEP ip', 'ip')).toEqual([
      '2001:db8::1',
      '10.0.0.2',
      '10.0.0.1',
      null,
    ]);
  });
});

describe('row limits (common/result-set-size-limitation.md; Analyzer.AddImplicitLimit)', () => {
  const many: IndexInput = {
    name: 'many',
    mapping: { properties: { n: { type: 'long' } } },
    documents: Array.from({ length: 12_000 }, (_, n) => ({ n })),
  };
  const indices = cluster(many);

  it('stops at 1,000 rows without a LIMIT, and says so in a warning', () => {
    const result = run('FROM many | KEEP n', {}, {}, indices);
    expect(result.values).toHaveLength(1_000);
    expect(result.warnings).toContain('No limit defined, adding default limit of [1000]');
  });

  it('returns at most 10,000 rows whatever the LIMIT', () => {
    expect(run('FROM many | KEEP n | LIMIT 20000', {}, {}, indices).values).toHaveLength(10_000);
    expect(run('FROM many | LIMIT 20000 | KEEP n', {}, {}, indices).warnings).toEqual([]);
    expect(run('FROM many | KEEP n | LIMIT 5', {}, {}, indices).values).toHaveLength(5);
  });
});

describe('EVAL, KEEP, DROP, RENAME, MV_EXPAND (commands/*.md)', () => {
  it('EVAL appends and replaces a column of the same name, and names an unnamed one by its text', () => {
    const { columns } = run('FROM mv | KEEP a, k | EVAL a = a * 2, a + 1');
    expect(columns.map((entry) => entry.name)).toEqual(['k', 'a', 'a + 1']);
  });

  it('KEEP orders by pattern: an exact name beats a wildcard, the rightmost of equals wins', () => {
    const names = (query: string) => run(query).columns.map((entry) => entry.name);
    expect(names('FROM mv | KEEP k, *')).toEqual([
      'k',
      'a',
      'b',
      'd',
      'ds',
      'f',
      'flag',
      'ip',
      't',
    ]);
    expect(names('FROM mv | KEEP d*, a, ds')).toEqual(['d', 'a', 'ds']);
    expect(names('FROM mv | KEEP f*, a, fl*')).toEqual(['f', 'a', 'flag']);
  });

  it('DROP removes matches; RENAME renames in place and replaces a column of the new name', () => {
    expect(run('FROM mv | DROP *a*, d* | KEEP *').columns.map((entry) => entry.name)).toEqual([
      'b',
      'f',
      'ip',
      'k',
      't',
    ]);
    const renamed = run('FROM mv | KEEP a, b, k | RENAME a AS k, b AS bee').columns;
    expect(renamed.map((entry) => entry.name)).toEqual(['k', 'bee']);
    expect(renamed[0].type).toBe('long');
  });

  it('MV_EXPAND gives one row per value, and keeps a null row', () => {
    expect(run('FROM mv | MV_EXPAND k | KEEP a, k').values).toEqual([
      [1, 'bar'],
      [1, 'foo'],
      [2, 'bar'],
      [3, null],
    ]);
  });
});

describe('expressions and functions (syntax.md, functions-operators/*.md)', () => {
  it('reads string escapes and triple-quoted strings', () => {
    expect(run('ROW a = "tab\\tquote\\"back\\\\", b = """raw "\\n" text"""').values[0]).toEqual([
      'tab\tquote"back\\',
      'raw "\\n" text',
    ]);
  });

  it('types literals: integer, long, double, keyword, boolean, null', () => {
    expect(
      run('ROW i = 1, l = 3000000000, d = 1.5, k = "x", b = true, n = null').columns.map(
        (entry) => entry.type
      )
    ).toEqual(['integer', 'long', 'double', 'keyword', 'boolean', 'null']);
  });

  it('reads backquoted names, and `..` escaping inside them', () => {
    expect(column('ROW `a b` = 1 | EVAL `c``d` = `a b` + 1', 'c`d')).toEqual([2]);
  });

  it('adds and subtracts time spans: now() - 30 day, months clamped to the month end', () => {
    const { values } = run(
      'ROW d = TO_DATETIME("2026-01-31T10:00:00Z") | EVAL back = now() - 30 day, month = d + 1 month, hours = d - 2 hours | KEEP back, month, hours'
    );
    expect(values[0]).toEqual([
      '2026-10-28T12:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
      '2026-01-31T08:00:00.000Z',
    ]);
  });

  it('casts a string literal to the date or IP it is compared with (implicit casting)', () => {
    expect(column('FROM mv | WHERE d > "2026-11-20T12:00:00Z" | KEEP a', 'a')).toEqual([2]);
    expect(column('FROM mv | WHERE ip == "10.0.0.2" | KEEP a', 'a')).toEqual([2]);
  });

  it('truncates dates with DATE_TRUNC: days, weeks on Monday, months, fixed hours (date_trunc.md)', () => {
    const { values } = run(
      'ROW d = TO_DATETIME("2026-11-27T13:45:10.500Z") | EVAL day = DATE_TRUNC(1 day, d), week = DATE_TRUNC(1 week, d), month = DATE_TRUNC(1 month, d), h = DATE_TRUNC(2 hours, d), s = DATE_TRUNC("1 day", d) | KEEP day, week, month, h, s'
    );
    expect(values[0]).toEqual([
      '2026-11-27T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
      '2026-11-27T12:00:00.000Z',
      '2026-11-27T00:00:00.000Z',
    ]);
  });

  it('matches CIDR blocks over 16 bytes: IPv4, IPv6, and an IPv4 block for a mapped address (cidr_match.md)', () => {
    const { values } = run(
      'ROW a = TO_IP("10.20.14.7"), b = TO_IP("2001:db8:4860::17"), c = TO_IP("::ffff:10.20.0.1") | EVAL x = CIDR_MATCH(a, "10.20.0.0/16"), y = CIDR_MATCH(b, "10.0.0.0/8", "2001:db8::/32"), z = CIDR_MATCH(c, "10.20.0.0/16"), all4 = CIDR_MATCH(a, "::ffff:0:0/96") | KEEP x, y, z, all4'
    );
    expect(values[0]).toEqual([true, true, true, true]);
  });

  it('converts with TO_IP, TO_DATETIME and TO_STRING, and warns on what does not convert', () => {
    const result = run(
      'ROW i = TO_IP("::FFFF:192.0.2.1"), bad = TO_IP("x"), d = TO_DATETIME("2026-11-20"), s = TO_STRING(TO_IP("2001:0db8::0001")), f = TO_STRING(2.0)'
    );
    expect(result.values[0]).toEqual([
      '192.0.2.1',
      null,
      '2026-11-20T00:00:00.000Z',
      '2001:db8::1',
      '2.0',
    ]);
    expect(result.warnings).toContain(
      "Line 1:42: java.lang.IllegalArgumentException: 'x' is not an IP string literal."
    );
  });

  it('casts with :: (cast.md)', () => {
    expect(run('ROW a = "10.0.0.1"::ip, b = "7"::long, c = 1::keyword').values[0]).toEqual([
      '10.0.0.1',
      7,
      '1',
    ]);
  });

  it('evaluates NOW() once per query', () => {
    expect(column('ROW n = NOW()', 'n')).toEqual(['2026-11-27T12:00:00.000Z']);
  });

  it('gives null and a warning for division by zero and integer overflow (operators.md)', () => {
    const result = run('ROW a = 1 / 0, b = 2147483647 + 1');
    expect(result.values[0]).toEqual([null, null]);
    expect(result.warnings).toContain('Line 1:9: java.lang.ArithmeticException: / by zero');
    expect(result.warnings).toContain('Line 1:20: java.lang.ArithmeticException: integer overflow');
  });
});

describe('named and positional params (rest-apis: esql-rest.md, "Passing parameters to a query")', () => {
  it('reads named params as literals, including inside functions and time comparisons', () => {
    // Row 1 holds two dates, so `d > ?since` is null there, whatever its values.
    expect(
      column('FROM mv | WHERE d > ?since AND MV_CONTAINS(k, ?value) | KEEP a', 'a', {
        params: [{ since: '2026-11-19T00:00:00Z' }, { value: 'bar' }],
      })
    ).toEqual([2]);
  });

  it('reserves keywords in expressions: `first` must be quoted (lexer/Expression.g4)', () => {
    expect(failure('ROW first = 1')).toMatchObject({
      type: 'parsing_exception',
      reason: expect.stringMatching(/^line 1:5: mismatched input 'first'/),
    });
    expect(column('ROW `first` = 1', 'first')).toEqual([1]);
  });

  it('reads positional params, `?` in order or `?n`', () => {
    expect(column('ROW a = ?, b = ?', 'b', { params: [1, 'two'] })).toEqual(['two']);
    expect(column('ROW a = ?2', 'a', { params: [1, 'two'] })).toEqual(['two']);
  });

  it('accepts params the query does not use, as ES checks only the ones it meets', () => {
    expect(column('ROW a = 1', 'a', { params: [{ unused: 'x' }] })).toEqual([1]);
  });
});

describe('the request (rest-apis: esql-rest.md)', () => {
  it('drops all-null columns with drop_null_columns and lists them all in all_columns', () => {
    const result = run(
      'FROM mv | KEEP a, t | SORT a | LIMIT 2 | WHERE a > 1',
      {},
      { dropNullColumns: true }
    );
    expect(result.all_columns).toEqual([
      { name: 'a', type: 'long' },
      { name: 't', type: 'text' },
    ]);
    expect(result.columns).toEqual([{ name: 'a', type: 'long' }]);
    expect(result.values).toEqual([[2]]);
  });

  it('answers columnar when asked', () => {
    expect(run('FROM mv | KEEP a, b | SORT a', { columnar: true }).values).toEqual([
      [1, 2, 3],
      [[1, 2, 2], 3, null],
    ]);
  });

  it('answers took and is_partial', () => {
    const answer = runEsql(cluster(), { query: 'ROW a = 1' }, { now: NOW });
    expect(typeof answer.body.took).toBe('number');
    expect(answer.body.is_partial).toBe(false);
    expect(Object.keys(answer.body)).toEqual(['took', 'is_partial', 'columns', 'values']);
  });
});
