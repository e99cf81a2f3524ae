/**
 * Dates as Elasticsearch reads them: the `strict_date_optional_time` format (the default of a `date`
 * field and of ES|QL's string-to-date conversions), epoch milliseconds, and the date math of range
 * queries with its rounding rules. Only UTC: a request that names another time zone is refused by the
 * callers, never silently read as UTC.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * `strict_date_optional_time`: a year at least, then month, day, and optionally `T` with hours,
 * minutes, seconds and a fraction, and an offset (elastic/elasticsearch:docs/reference/elasticsearch/
 * mapping-reference/mapping-date-format.md).
 */
const STRICT_DATE_OPTIONAL_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export interface ParseOptions {
  /**
   * Range queries parse `gt` and `lte` rounding up: missing components become the last instant
   * they could mean (hour 23, minute 59, second 59, fraction 999…), per the range query docs
   * ("Missing date components"); everything else starts at the first instant.
   */
  roundUp?: boolean;
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * HOUR_MS + minutes * 60_000);
}

/** Epoch milliseconds of a `strict_date_optional_time` string, or undefined when it does not parse. */
export function parseStrictDateOptionalTime(
  text: string,
  { roundUp = false }: ParseOptions = {}
): number | undefined {
  const match = STRICT_DATE_OPTIONAL_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const number = (part: string | undefined, fallback: number) =>
    part === undefined ? fallback : Number(part);
  const monthValue = number(month, 1);
  const dayValue = number(day, 1);
  const hourValue = number(hour, roundUp ? 23 : 0);
  const minuteValue = number(minute, roundUp ? 59 : 0);
  const secondValue = number(second, roundUp ? 59 : 0);
  const millis =
    fraction === undefined ? (roundUp ? 999 : 0) : Number(fraction.padEnd(9, '0').slice(0, 3));
  if (monthValue < 1 || monthValue > 12 || dayValue < 1 || hourValue > 23) return undefined;
  if (minuteValue > 59 || secondValue > 59) return undefined;
  const utc = Date.UTC(
    Number(year),
    monthValue - 1,
    dayValue,
    hourValue,
    minuteValue,
    secondValue,
    millis
  );
  // Date.UTC rolls 31 February over into March; Elasticsearch refuses such a date.
  if (new Date(utc).getUTCDate() !== dayValue) return undefined;
  return utc - offsetMs(zone);
}

/** How a `date` column is written in an ES|QL response: `2026-11-20T10:00:00.000Z`. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The form toISOString writes, which Date.parse reads exactly (and fast). */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads a date the way a `date` field accepts it from a document: a string, or epoch millis. */
export function parseDateValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value !== 'string') return undefined;
  if (CANONICAL_INSTANT.test(value)) {
    const epoch = Date.parse(value);
    if (!Number.isNaN(epoch)) return epoch;
  }
  if (/^-?\d+$/.test(value) && value.length > 4) return Number(value);
  return parseStrictDateOptionalTime(value);
}

type DateMathUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'H' | 'm' | 's';
const DATE_MATH_OP = /^([+-])(\d+)([yMwdhHms])|^\/([yMwdhHms])/;

function addCalendar(epochMs: number, unit: DateMathUnit, amount: number): number {
  const date = new Date(epochMs);
  switch (unit) {
    case 'y':
      return addMonths(epochMs, 12 * amount);
    case 'M':
      return addMonths(epochMs, amount);
    case 'w':
      return epochMs + amount * 7 * DAY_MS;
    case 'd':
      return epochMs + amount * DAY_MS;
    case 'h':
    case 'H':
      return epochMs + amount * HOUR_MS;
    case 'm':
      return epochMs + amount * 60_000;
    case 's':
      return epochMs + amount * 1_000;
    default:
      return date.getTime();
  }
}

/** Java's `plusMonths`: the day of month is clamped to the last day of the target month. */
export function addMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const target = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, 0, 0, 0, 0)
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds()
  );
  return target.getTime();
}

/** The first instant of the unit containing `epochMs` (weeks start on Monday, as in ISO). */
export function roundDown(epochMs: number, unit: DateMathUnit): number {
  const date = new Date(epochMs);
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  switch (unit) {
    case 'y':
      return Date.UTC(y, 0, 1);
    case 'M':
      return Date.UTC(y, mo, 1);
    case 'w':
      // The epoch began on a Thursday: weeks start three days later, on Mondays.
      return Math.floor((epochMs - 4 * DAY_MS) / (7 * DAY_MS)) * 7 * DAY_MS + 4 * DAY_MS;
    case 'd':
      // UTC days are whole multiples of 86,400,000 ms from the epoch.
      return Math.floor(epochMs / DAY_MS) * DAY_MS;
    case 'h':
    case 'H':
      return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
    case 'm':
      return Math.floor(epochMs / 60_000) * 60_000;
    case 's':
      return Math.floor(epochMs / 1_000) * 1_000;
    default:
      return epochMs;
  }
}

/**
 * Elasticsearch date math (`now-30d/d`, `2026-11-20||+1M/d`). Rounding down goes to the first
 * millisecond of the unit, rounding up to its last: range queries round `gt` and `lte` up and `gte`
 * and `lt` down (Query DSL range query docs, "Date math and rounding").
 */
export function resolveDateMath(
  text: string,
  now: number,
  { roundUp = false, format }: ParseOptions & { format?: string } = {}
): number | undefined {
  let anchor: number | undefined;
  let rest: string;
  if (text.startsWith('now')) {
    anchor = now;
    rest = text.slice(3);
  } else {
    const separator = text.indexOf('||');
    const datePart = separator === -1 ? text : text.slice(0, separator);
    anchor = parseWithFormat(datePart, format, { roundUp: separator === -1 && roundUp });
    rest = separator === -1 ? '' : text.slice(separator + 2);
  }
  if (anchor === undefined) return undefined;
  let value = anchor;
  while (rest.length > 0) {
    const match = DATE_MATH_OP.exec(rest);
    if (!match) return undefined;
    if (match[4]) {
      const unit = match[4] as DateMathUnit;
      const down = roundDown(value, unit);
      value = roundUp ? addCalendar(down, unit, 1) - 1 : down;
    } else {
      const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
      value = addCalendar(value, match[3] as DateMathUnit, amount);
    }
    rest = rest.slice(match[0].length);
  }
  return value;
}

/** Formats the fake understands in a range query's `format` (combined with `||` as in ES). */
const SUPPORTED_FORMATS = new Set([
  'strict_date_optional_time',
  'date_optional_time',
  'epoch_millis',
]);

export function isSupportedDateFormat(format: string): boolean {
  return format.split('||').every((part) => SUPPORTED_FORMATS.has(part));
}

function parseWithFormat(
  text: string,
  format: string | undefined,
  options: ParseOptions
): number | undefined {
  const formats = (format ?? 'strict_date_optional_time||epoch_millis').split('||');
  for (const name of formats) {
    if (name === 'epoch_millis' && /^-?\d+$/.test(text)) return Number(text);
    if (name === 'strict_date_optional_time' || name === 'date_optional_time') {
      const parsed = parseStrictDateOptionalTime(text, options);
      if (parsed !== undefined) return parsed;
    }
  }
  return undefined;
}
