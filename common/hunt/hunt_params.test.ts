import fc from 'fast-check';
import { buildHuntQuery } from './build_hunt_query';
import { HUNT_FIELDS } from './data_sources';
import { decodeEsqlString, escapeEsqlString, scanEsql } from './esql_text';
import { hostileString } from '../../test/helpers/hostile_string';
import {
  DEFAULT_HUNT_PARAMS,
  MAX_REPORTED_ISSUES,
  parseHuntParams,
  type HuntParamsInput,
} from './hunt_params';
import { isCidr } from './cidr';
import { isTimeExpression, resolveTimeRange } from './time_range';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const ALL_FIELDS = new Set(HUNT_FIELDS);

describe('parseHuntParams', () => {
  it('fills every default from the seed', () => {
    expect(DEFAULT_HUNT_PARAMS).toEqual({
      time_range: { from: 'now-30d', to: 'now' },
      max_daily_actions: 5,
      min_distinct_ips: 2,
      datasets: ['azure.auditlogs', 'azure.signinlogs', 'o365.audit', 'azure.graphactivitylogs'],
      index_patterns: ['logs-azure.*', 'logs-o365.audit-*'],
      group_by: 'name',
      trusted_cidrs: [],
      limit: 1000,
      // Triage: a 30-day baseline before the window; shared from 5 other principals.
      baseline_days: 30,
      shared_ip_principals: 5,
      // The space's benign entries apply unless the analyst asks to see what they hide.
      include_hidden: false,
    });
  });

  it.each<[string, unknown, string]>([
    ['max_daily_actions', { max_daily_actions: 0 }, '[max_daily_actions]: must be at least 1'],
    [
      'max_daily_actions',
      { max_daily_actions: 2.5 },
      '[max_daily_actions]: must be a whole number',
    ],
    ['max_daily_actions', { max_daily_actions: '5' }, '[max_daily_actions]: must be a number'],
    ['min_distinct_ips', { min_distinct_ips: 1e9 }, '[min_distinct_ips]: must be at most 100000'],
    ['limit', { limit: 10_001 }, '[limit]: must be at most 10000'],
    [
      'time_range.from',
      { time_range: { from: 'yesterday', to: 'now' } },
      '[time_range.from]: must be Elastic date math',
    ],
    [
      'time_range.from',
      { time_range: { from: 'now', to: 'now-1d' } },
      '[time_range.from]: must be before the end time',
    ],
    ['time_range.to', { time_range: { from: 'now-1d' } }, '[time_range.to]: is required'],
    ['datasets', { datasets: [] }, '[datasets]: must name at least one data source'],
    ['datasets.0', { datasets: ['azure.other'] }, '[datasets.0]: must be one of'],
    ['datasets', { datasets: ['o365.audit', 'o365.audit'] }, '[datasets]: must not repeat'],
    [
      'index_patterns.0',
      { index_patterns: ['logs-*, secret'] },
      '[index_patterns.0]: must use lowercase',
    ],
    ['index_patterns.0', { index_patterns: ['Logs'] }, '[index_patterns.0]: must use lowercase'],
    [
      'index_patterns.0',
      { index_patterns: ['logs | DROP'] },
      '[index_patterns.0]: must use lowercase',
    ],
    ['group_by', { group_by: 'user' }, '[group_by]: must be "name" or "id"'],
    [
      'trusted_cidrs.1',
      { trusted_cidrs: ['10.0.0.0/8', '10.0.0.0/33'] },
      '[trusted_cidrs.1]: must be an IP address or a CIDR block',
    ],
    [
      'trusted_cidrs.0',
      { trusted_cidrs: ['300.1.1.1/8'] },
      '[trusted_cidrs.0]: must be an IP address or a CIDR block',
    ],
    [
      'trusted_cidrs',
      { trusted_cidrs: ['10.1.2.3', '10.1.2.3/32'] },
      '[trusted_cidrs]: must not repeat a CIDR block',
    ],
    [
      'trusted_cidrs.0',
      { trusted_cidrs: ['::ffff:0:0/95'] },
      '[trusted_cidrs.0]: is an IPv4-mapped IPv6 range wider than IPv4',
    ],
    [
      'index_patterns.0',
      { index_patterns: ['metadata'] },
      '[index_patterns.0]: must not be "metadata"',
    ],
    [
      'index_patterns.1',
      { index_patterns: ['logs-*', 'metadata'] },
      '[index_patterns.1]: must not be "metadata"',
    ],
    [
      'index_patterns.0',
      { index_patterns: ['cluster:metadata'] },
      '[index_patterns.0]: must not be "metadata"',
    ],
    [
      'index_patterns.0',
      { index_patterns: ['metadata:logs-*'] },
      '[index_patterns.0]: must not be "metadata"',
    ],
    ['(body)', { extra: 1 }, '[(body)]: unknown field(s): extra'],
    ['(body)', 'not an object', '[(body)]:'],
  ])('rejects a bad %s with a message naming it', (_field, input, expected) => {
    const result = parseHuntParams(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(expected);
  });

  it('accepts ISO instants, date math with rounding, and cross-cluster patterns', () => {
    const result = parseHuntParams({
      time_range: { from: '2026-11-01T00:00:00Z', to: 'now/d' },
      index_patterns: [
        'eu-west:logs-azure.*',
        'logs-o365.audit-default',
        'metadata-*',
        'x-metadata',
      ],
      trusted_cidrs: ['10.0.0.0/8', '2001:db8::/32', '::ffff:10.0.0.1/128'],
    });
    expect(result.ok).toBe(true);
  });

  it('normalises CIDRs as Elasticsearch reads them: bare IPs, IPv4-mapped ranges', () => {
    const result = parseHuntParams({
      trusted_cidrs: [
        ' 203.0.113.7 ',
        '2001:db8::1',
        '::ffff:10.0.0.0/104',
        '::FFFF:a00:1',
        '192.168.0.0/16',
      ],
    });
    expect(result.ok && result.value.trusted_cidrs).toEqual([
      '203.0.113.7/32',
      '2001:db8::1/128',
      '10.0.0.0/8',
      '10.0.0.1/32',
      '192.168.0.0/16',
    ]);
  });
});

describe('validation that costs O(limit), not O(input)', () => {
  it.each([
    ['trusted_cidrs', '[trusted_cidrs]: must hold at most 500 entries'],
    ['index_patterns', '[index_patterns]: must name at most 20 index patterns'],
    ['datasets', '[datasets]: must name at most 4 data sources'],
  ])('refuses a 260,000-entry %s by its length, with one issue', (field, message) => {
    const huge = Array.from({ length: 260_000 }, (_, index) => `bad entry ${index}`);
    const result = parseHuntParams({ [field]: huge });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([{ field, message: message.replace(/^\[[^\]]+\]: /, '') }]);
      expect(result.message).toBe(message);
    }
  });

  it("checks a string's length before its pattern, and reports at most a few problems", () => {
    const long = 'x'.repeat(1_000_000);
    const result = parseHuntParams({
      time_range: { from: long, to: long },
      index_patterns: [long],
      trusted_cidrs: Array.from({ length: 500 }, (_, index) => `${long.slice(0, 70)}${index}`),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES);
      // One issue per field first: the form highlights every bad field.
      expect(result.issues.map((issue) => issue.field.split('.')[0])).toEqual(
        expect.arrayContaining(['time_range', 'index_patterns', 'trusted_cidrs'])
      );
      expect(result.message).toMatch(/; and 4\d\d more problems$/);
      expect(result.message.length).toBeLessThan(1_000);
    }
  });

  it('names at most a few unknown keys', () => {
    const body = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, 1]));
    const result = parseHuntParams(body);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe('[(body)]: unknown field(s): k0, k1, k2, k3, k4 and 9995 more');
  });
});

describe('isCidr', () => {
  it.each([
    '0.0.0.0/0',
    '192.168.1.0/24',
    '::/0',
    'fe80::1/64',
    '2001:db8:0:0:0:0:0:1/128',
    '10.0.0.0',
    '2001:db8::1',
  ])('accepts %s', (value) => {
    expect(isCidr(value)).toBe(true);
  });
  it.each(['10.0.0.0/33', '01.0.0.0/8', '::1::/8', '2001:db8::/129', '1.2.3.4/8/8', 'a/8', ''])(
    'rejects %s',
    (value) => {
      expect(isCidr(value)).toBe(false);
    }
  );
});

/**
 * Whatever string reaches any string field is either refused by validation or ends up as a single
 * param (or, for index patterns, a single FROM word) that cannot change the query's structure.
 */
describe('hostile strings in every string input', () => {
  function build(input: HuntParamsInput) {
    const parsed = parseHuntParams(input);
    if (!parsed.ok) return undefined;
    const time = resolveTimeRange(parsed.value.time_range, NOW);
    if (!time) return undefined;
    const result = buildHuntQuery(parsed.value, time, ALL_FIELDS);
    return result.ok ? result.hunt : undefined;
  }

  function structure(text: string): string[] {
    return scanEsql(text)
      .filter((token) => token.kind !== 'string' && token.kind !== 'param')
      .map((token) => token.text);
  }

  function assertStructureKept(
    input: HuntParamsInput,
    reference: HuntParamsInput,
    timeOnly = false
  ) {
    const hunt = build(input);
    if (!hunt) return 'rejected';
    const expected = build(reference);
    if (!expected) throw new Error('reference input must build');
    expect(hunt.query).toBe(expected.query);
    // An inlined time is an expression of our own (now() - N unit, TO_DATETIME("...")); other
    // values are single literals, so the inlined structure must match the reference exactly.
    if (!timeOnly) expect(structure(hunt.inlined)).toEqual(structure(expected.inlined));
    for (const token of scanEsql(hunt.inlined).filter((t) => t.kind === 'string')) {
      expect(scanEsql(escapeEsqlString(decodeEsqlString(token.text)))).toHaveLength(1);
    }
    return 'accepted';
  }

  it('time range ends', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (value, asFrom) => {
        const time_range = asFrom ? { from: value, to: 'now' } : { from: '2020-01-01', to: value };
        const reference = asFrom
          ? { from: 'now-1d', to: 'now' }
          : { from: '2020-01-01', to: '2020-01-02' };
        const outcome = assertStructureKept({ time_range }, { time_range: reference }, true);
        if (outcome === 'accepted') expect(isTimeExpression(value.trim())).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });

  it('trusted CIDRs', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const outcome = assertStructureKept(
          { trusted_cidrs: [value] },
          { trusted_cidrs: ['10.0.0.0/8'] }
        );
        if (outcome === 'accepted') expect(isCidr(value.trim())).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });

  it('index patterns', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const hunt = build({ index_patterns: [value] });
        if (!hunt) return;
        const from = scanEsql(hunt.query.split('\n')[0]);
        expect(from.map((token) => token.kind)).toEqual(['word', 'word']);
        expect(from[1].text).toBe(value);
      }),
      { numRuns: 1000 }
    );
  });

  it('datasets and grouping accept only their fixed values', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(build({ datasets: [value as never] })).toBeUndefined();
        if (value !== 'name' && value !== 'id')
          expect(build({ group_by: value as never })).toBeUndefined();
      }),
      { numRuns: 500 }
    );
  });
});
