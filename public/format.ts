/** Formatting shared by the table and the states: one place decides how values read. */

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/** Day buckets are UTC midnights; show the UTC calendar day they stand for. */
export function formatDay(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY_FORMAT.format(date);
}

export function formatCount(value: number): string {
  return NUMBER_FORMAT.format(value);
}

export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/** Kibana's `dateFormat:tz` value for "the browser's own zone". */
const BROWSER_TIME_ZONE = 'Browser';

/**
 * The IANA zone `dateFormat:tz` names ('Browser' is the browser's own zone); UTC when the browser
 * does not know the name, so a time is never shown in a zone it is not in.
 */
export function resolveTimeZone(setting: string | undefined): string {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!setting || setting === BROWSER_TIME_ZONE) return browser || 'UTC';
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: setting }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** Date and time in a zone, with the zone's short name: to the minute or to the second. */
const ZONED_OPTIONS: Record<'minute' | 'second', Intl.DateTimeFormatOptions> = {
  minute: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  second: {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
};
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

function formatZoned(
  iso: string | number,
  timeZone: string,
  precision: 'minute' | 'second'
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const key = `${precision} ${timeZone}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      ...ZONED_OPTIONS[precision],
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    zonedFormats.set(key, format);
  }
  return format.format(date);
}

/** An instant as a date and time in `timeZone`, to the second, with the zone's short name. */
export function formatInstant(iso: string | number, timeZone: string): string {
  return formatZoned(iso, timeZone, 'second');
}

/**
 * When a run ran, short enough for a grid cell: day, month, year, hours and minutes in the
 * analyst's zone with its short name ("30 Nov 2026, 09:59 UTC"). The runs panel lists the seconds.
 */
export function formatRunTime(iso: string, timeZone: string): string {
  return formatZoned(iso, timeZone, 'minute');
}
