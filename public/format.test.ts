import { formatInstant, formatRunTime } from './format';

// 5 March 2026, 08:07:09 UTC: single-digit day, hour, minute and second show how each pads.
const INSTANT = Date.UTC(2026, 2, 5, 8, 7, 9);

describe('zoned date and time formats', () => {
  it('writes an instant to the second, and a run time to the minute, each in the zone asked for', () => {
    const iso = new Date(INSTANT).toISOString();
    expect(formatInstant(iso, 'UTC')).toBe('05 Mar 2026, 08:07:09 UTC');
    expect(formatRunTime(iso, 'UTC')).toBe('5 Mar 2026, 08:07 UTC');
    // Tokyo is UTC+9 all year: the same instant is 17:07 there.
    expect(formatRunTime(iso, 'Asia/Tokyo')).toBe('5 Mar 2026, 17:07 GMT+9');
    expect(formatInstant(INSTANT, 'Asia/Tokyo')).toBe('05 Mar 2026, 17:07:09 GMT+9');
  });

  it('gives back what it cannot read as a time', () => {
    expect(formatRunTime('not a time', 'UTC')).toBe('not a time');
    expect(formatInstant('not a time', 'UTC')).toBe('not a time');
  });
});
