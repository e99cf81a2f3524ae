import { parseHuntParams } from './hunt_params';
import { checkTimeExpression, resolveTimeRange, type TimeExpressionProblem } from './time_range';

/** A fixed "now" in a leap-free year, a Sunday, mid-day UTC. */
const NOW = new Date('2026-03-15T12:00:00.000Z');

/**
 * Calendar edge cases: each expression with what the calendar says it is (the expected instants
 * are written out by hand, not computed by the code under test). `local` marks zone-less times,
 * which resolve in the local zone of whoever resolves them, as Kibana's date math does.
 */
const CASES: Array<{
  name: string;
  value: string;
  expected: string | { local: [number, number, number, number?, number?] } | TimeExpressionProblem;
  roundUpExpected?: string;
}> = [
  // Leap days: 2024 is a leap year, 2026 and 2100 are not, 2000 is.
  {
    name: 'leap day of a leap year',
    value: '2024-02-29T00:00:00Z',
    expected: '2024-02-29T00:00:00.000Z',
  },
  { name: 'leap day of a common year', value: '2026-02-29', expected: 'not_a_date' },
  { name: 'leap day of a century year', value: '2100-02-29T00:00:00Z', expected: 'not_a_date' },
  {
    name: 'leap day of a 400th year',
    value: '2000-02-29T12:00:00Z',
    expected: '2000-02-29T12:00:00.000Z',
  },
  // Invalid day of month, month, hour, minute, second.
  { name: 'April 31st', value: '2025-04-31T00:00:00Z', expected: 'not_a_date' },
  { name: 'June 31st (date only)', value: '2025-06-31', expected: 'not_a_date' },
  { name: 'day 00', value: '2025-06-00', expected: 'not_a_date' },
  { name: 'month 13', value: '2026-13-01', expected: 'not_a_date' },
  { name: 'month 00', value: '2026-00-10', expected: 'not_a_date' },
  { name: 'hour 25', value: '2026-03-01T25:00:00Z', expected: 'not_a_date' },
  { name: 'minute 60', value: '2026-03-01T10:60:00Z', expected: 'not_a_date' },
  { name: 'leap second', value: '2025-06-30T23:59:60Z', expected: 'not_a_date' },
  {
    name: '24:00 is the end of the day',
    value: '2025-04-30T24:00:00Z',
    expected: '2025-05-01T00:00:00.000Z',
  },
  {
    name: 'nanoseconds keep milliseconds',
    value: '2026-03-01T00:00:00.123456789Z',
    expected: '2026-03-01T00:00:00.123Z',
  },
  // Zones: offsets in both spellings, the widest real ones, and impossible ones.
  { name: '+05:30', value: '2026-03-01T00:00:00+05:30', expected: '2026-02-28T18:30:00.000Z' },
  { name: '+0530', value: '2026-03-01T00:00:00+0530', expected: '2026-02-28T18:30:00.000Z' },
  {
    name: '+14:00 (Kiribati)',
    value: '2026-03-01T00:00:00+14:00',
    expected: '2026-02-28T10:00:00.000Z',
  },
  { name: '-12:00', value: '2026-03-01T00:00:00-12:00', expected: '2026-03-01T12:00:00.000Z' },
  {
    name: 'offset crossing into a leap day',
    value: '2024-03-01T01:00:00+02:00',
    expected: '2024-02-29T23:00:00.000Z',
  },
  { name: 'offset hour 25', value: '2026-03-01T00:00:00+25:00', expected: 'syntax' },
  { name: 'offset minute 60', value: '2026-03-01T00:00:00+05:60', expected: 'syntax' },
  {
    name: 'zone-less date-time is local',
    value: '2026-03-01T08:30',
    expected: { local: [2026, 2, 1, 8, 30] },
  },
  {
    name: 'zone-less date is local midnight',
    value: '2026-03-01',
    expected: { local: [2026, 2, 1] },
  },
  // Relative expressions: plain, rounding units, huge offsets.
  { name: 'now', value: 'now', expected: '2026-03-15T12:00:00.000Z' },
  { name: 'now-30d', value: 'now-30d', expected: '2026-02-13T12:00:00.000Z' },
  { name: 'a month back', value: 'now-1M', expected: '2026-02-15T12:00:00.000Z' },
  {
    name: 'now-1d/d from',
    value: 'now-1d/d',
    expected: '2026-03-14T00:00:00.000Z',
    roundUpExpected: '2026-03-14T23:59:59.999Z',
  },
  {
    name: 'now/h',
    value: 'now/h',
    expected: '2026-03-15T12:00:00.000Z',
    roundUpExpected: '2026-03-15T12:59:59.999Z',
  },
  {
    name: 'now/M',
    value: 'now/M',
    expected: '2026-03-01T00:00:00.000Z',
    roundUpExpected: '2026-03-31T23:59:59.999Z',
  },
  {
    name: 'now/y',
    value: 'now/y',
    expected: '2026-01-01T00:00:00.000Z',
    roundUpExpected: '2026-12-31T23:59:59.999Z',
  },
  { name: 'now-999999s', value: 'now-999999s', expected: '2026-03-03T22:13:21.000Z' },
  { name: 'now-300000y overflows the calendar', value: 'now-300000y', expected: 'out_of_range' },
  { name: 'now+999999y overflows the calendar', value: 'now+999999y', expected: 'out_of_range' },
  { name: 'now-5000y is before year 0000', value: 'now-5000y', expected: 'out_of_range' },
  { name: 'now+7974y is after year 9999', value: 'now+7974y', expected: 'out_of_range' },
  {
    name: 'now+7973y/y rounds up to the last instant of 9999',
    value: 'now+7973y/y',
    expected: '9999-01-01T00:00:00.000Z',
    roundUpExpected: '9999-12-31T23:59:59.999Z',
  },
  { name: 'year 0000', value: '0000-01-01T00:00:00Z', expected: '0000-01-01T00:00:00.000Z' },
  { name: 'year 9999', value: '9999-12-31T23:59:59Z', expected: '9999-12-31T23:59:59.000Z' },
  // Not time expressions at all.
  { name: 'words', value: 'yesterday', expected: 'syntax' },
  { name: 'rounding in the middle', value: 'now/d-1d', expected: 'syntax' },
  { name: 'seven-digit offset', value: 'now-1000000d', expected: 'syntax' },
  { name: 'slashes', value: '03/01/2026', expected: 'syntax' },
];

function expectedInstant(expected: (typeof CASES)[number]['expected']): string | undefined {
  if (typeof expected === 'object') {
    const [year, month, day, hour = 0, minute = 0] = expected.local;
    return new Date(year, month, day, hour, minute).toISOString();
  }
  return expected.includes('T') ? expected : undefined;
}

describe('time expressions on the calendar', () => {
  it.each(CASES)('$name: $value', ({ value, expected, roundUpExpected }) => {
    const instant = expectedInstant(expected);
    const problem = checkTimeExpression(value, NOW);
    if (!instant) {
      expect(problem).toBe(expected);
      return;
    }
    expect(problem).toBeUndefined();
    const resolved = resolveTimeRange({ from: value, to: value }, NOW);
    expect(resolved?.start).toBe(instant);
    expect(resolved?.end).toBe(roundUpExpected ?? instant);
  });

  it('every case the schema accepts resolves; every case it refuses names the field', () => {
    for (const { value, expected } of CASES) {
      const asFrom = parseHuntParams({ time_range: { from: value, to: '9999-12-31T23:59:59Z' } });
      const asTo = parseHuntParams({ time_range: { from: '0000-01-01T00:00:00Z', to: value } });
      if (expectedInstant(expected) === undefined) {
        expect(asFrom.ok).toBe(false);
        expect(asTo.ok).toBe(false);
        if (!asFrom.ok) expect(asFrom.message).toMatch(/^\[time_range\.from\]: /);
        if (!asTo.ok) expect(asTo.message).toMatch(/^\[time_range\.to\]: /);
      } else {
        // Accepted by the schema: the server can resolve it without a 500.
        for (const result of [asFrom, asTo]) {
          if (!result.ok) continue;
          expect(resolveTimeRange(result.value.time_range, new Date())).toBeDefined();
        }
      }
    }
  });

  it('a month back from March 31 is the last day of February, not March 3', () => {
    const endOfMarch = new Date('2026-03-31T12:00:00.000Z');
    expect(resolveTimeRange({ from: 'now-1M', to: 'now' }, endOfMarch)?.start).toBe(
      '2026-02-28T12:00:00.000Z'
    );
  });

  it.each<[string, string]>([
    ['2026-02-29', 'is not a date on the calendar'],
    ['2025-04-31T00:00:00Z', 'is not a date on the calendar'],
    ['now-300000y', 'must resolve to a date between the years 0000 and 9999'],
    ['now+999999y', 'must resolve to a date between the years 0000 and 9999'],
  ])('refuses %s at validation: %s', (value, message) => {
    const result = parseHuntParams({ time_range: { from: value, to: 'now' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`[time_range.from]: ${message}`);
  });
});
