import {
  describeWarnings,
  MAX_RESULT_WARNINGS,
  probeLimit,
  readPartial,
  takeRows,
  warningTexts,
} from './result_notes';

const AGENT = 'Elasticsearch-9.3.0-a1b2c3d';

describe('warningTexts', () => {
  it('reads one header per warning, as Elasticsearch sends them', () => {
    expect(warningTexts([`299 ${AGENT} "first"`, `299 ${AGENT} "second, with a comma"`])).toEqual([
      'first',
      'second, with a comma',
    ]);
  });

  it('reads every value of a header a proxy folded into one, commas in the text included', () => {
    const folded = `299 ${AGENT} "Line 1:2: evaluation of [f(a, b)] failed, treating result as null. Only first 20 failures recorded.", 299 ${AGENT} "Line 1:2: java.lang.IllegalArgumentException: single-value function encountered multi-value"`;
    expect(warningTexts(folded)).toEqual([
      'Line 1:2: evaluation of [f(a, b)] failed, treating result as null. Only first 20 failures recorded.',
      'Line 1:2: java.lang.IllegalArgumentException: single-value function encountered multi-value',
    ]);
  });

  it('undoes HeaderWarning escaping: backslashes, quotes and percent-encoded characters', () => {
    // HeaderWarning.escapeAndEncode escapes \ and " and percent-encodes the rest of non-qdtext.
    expect(warningTexts(`299 ${AGENT} "a \\"quoted\\" value, \\\\ and caf%C3%A9"`)).toEqual([
      'a "quoted" value, \\ and café',
    ]);
    expect(warningTexts(`299 ${AGENT} "100% sure" "Mon, 30 Nov 2026 02:00:00 GMT"`)).toEqual([
      '100% sure',
    ]);
  });

  it('ignores what is not a warn-value', () => {
    expect(warningTexts(undefined)).toEqual([]);
    expect(warningTexts('not a warning')).toEqual([]);
  });
});

describe('describeWarnings', () => {
  it('joins an evaluation failure and its recorded cause into one multi-value warning', () => {
    const warnings = describeWarnings([
      'Line 9:7: evaluation of [CIDR_MATCH(source.ip, ?c)] failed, treating result as null. Only first 20 failures recorded.',
      'Line 9:7: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      'Line 9:7: java.lang.IllegalArgumentException: single-value function encountered multi-value',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'multi_value',
      expression: 'CIDR_MATCH(source.ip, ?c)',
      location: 'line 9, column 7',
    });
    expect(warnings[0].message).toMatch(/several values .* may be missing/);
  });

  it('keeps failures of different expressions apart, and words other causes without class names', () => {
    const warnings = describeWarnings([
      'Line 1:1: evaluation of [TO_LONG(x)] failed, treating result as null. Only first 20 failures recorded.',
      'Line 1:1: org.elasticsearch.xpack.esql.core.InvalidArgumentException: Cannot parse number [a]',
      'Line 2:5: evaluation of [y / 0] failed, treating result as null. Only first 20 failures recorded.',
      'something new: org.example.Thing: went sideways',
    ]);
    expect(warnings.map((warning) => warning.kind)).toEqual([
      'evaluation_failed',
      'evaluation_failed',
      'other',
    ]);
    expect(warnings[0].message).toContain('TO_LONG(x) (line 1, column 1)');
    expect(warnings[2].message).toBe(
      'Elasticsearch warned: something new: org.example.Thing: went sideways'
    );
  });

  it('reads the default limit warning as truncation with its row count', () => {
    expect(describeWarnings(['No limit defined, adding default limit of [1000]'])).toEqual([
      expect.objectContaining({ kind: 'default_limit', rows: 1000 }),
    ]);
  });

  it('says at most a few things however much Elasticsearch warns', () => {
    const many = Array.from({ length: 50 }, (_, index) => `warning ${index}`);
    expect(describeWarnings(many)).toHaveLength(MAX_RESULT_WARNINGS);
    const long = describeWarnings(['x'.repeat(10_000)]);
    expect(long[0].message.length).toBeLessThan(600);
  });
});

describe('takeRows', () => {
  const rows = (count: number) => Array.from({ length: count }, (_, index) => index);

  it('asks for one row more than the limit', () => {
    expect(probeLimit(1000)).toBe(1001);
  });

  it.each([
    // rows returned, limit, cluster cap, rows kept, truncated by
    [0, 10, 10_000, 0, null],
    [9, 10, 10_000, 9, null],
    [10, 10, 10_000, 10, null],
    [11, 10, 10_000, 10, 'row_limit'],
    [500, 1000, 500, 500, 'row_cap'],
    [499, 1000, 500, 499, null],
    [10_000, 10_000, 10_000, 10_000, 'row_cap'],
    [10_000, 10_000, 20_000, 10_000, null],
  ])('%i rows, limit %i, cap %i: keeps %i, truncated by %s', (count, limit, cap, kept, by) => {
    const taken = takeRows(rows(count), limit, cap);
    expect(taken.rows).toHaveLength(kept);
    expect(taken.truncated_by).toBe(by);
    expect(taken.row_cap).toBe(by === 'row_cap' ? cap : null);
  });
});

describe('readPartial', () => {
  it('lists the clusters that did not answer in full', () => {
    expect(
      readPartial({
        is_partial: true,
        _clusters: {
          details: {
            '(local)': { status: 'successful' },
            eu: { status: 'partial' },
            us: { status: 'skipped' },
          },
        },
      })
    ).toEqual({
      is_partial: true,
      incomplete_clusters: [
        { cluster: 'eu', status: 'partial' },
        { cluster: 'us', status: 'skipped' },
      ],
    });
  });

  it('is complete without is_partial or incomplete clusters', () => {
    expect(readPartial({})).toEqual({ is_partial: false, incomplete_clusters: [] });
  });
});
