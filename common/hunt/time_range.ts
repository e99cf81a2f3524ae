import dateMath from '@kbn/datemath';
import type moment from 'moment';

/** Elastic datemath relative to now: `now`, `now-30d`, `now-1d/d`, `now-2h+5m` … */
const RELATIVE_EXPRESSION = /^now(?:[+-]\d{1,6}[smhdwMy])*(?:\/[smhdwMy])?$/;
/**
 * An ISO 8601 date or date-time, as EuiSuperDatePicker writes absolute times. An offset's hours
 * stop at 23 (ISO 8601); the calendar itself (days per month, leap years, hours) is left to the
 * parser that resolves it, so what passes here and what resolves can never disagree.
 */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
/** One offset and no rounding: the form ES|QL can say as `now() - 30 day`. */
const SINGLE_OFFSET = /^now(?:([+-])(\d{1,6})([smhdwMy]))?$/;

/**
 * Resolved instants must print as a four-digit-year ISO 8601 string: `Date#toISOString` switches
 * to six signed digits outside these years, and the `strict_date_optional_time` format the query's
 * filter names reads four (`now-300000y` or `now+999999y` resolve to no such date).
 */
export const EARLIEST_INSTANT_MS = Date.parse('0000-01-01T00:00:00.000Z');
export const LATEST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

const ESQL_UNITS: Record<string, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  y: 'year',
};

export interface TimeRange {
  from: string;
  to: string;
}

/** A time range resolved at one instant: what the query's params and filter carry. */
export interface ResolvedTimeRange extends TimeRange {
  start: string;
  end: string;
}

/**
 * Why a time expression cannot be used: not date math or ISO 8601 at all, a date the calendar
 * does not have (February 29 of a common year, April 31, hour 25), or an instant outside the
 * years 0000-9999.
 */
export type TimeExpressionProblem = 'syntax' | 'not_a_date' | 'out_of_range';

/** True when `value` is written as datemath relative to now or as an ISO 8601 date-time. */
export function isTimeExpressionSyntax(value: string): boolean {
  return RELATIVE_EXPRESSION.test(value) || ISO_INSTANT.test(value);
}

/** Resolves one end with Kibana's date math, or says why it does not resolve. */
function resolve(
  value: string,
  now: Date,
  roundUp: boolean,
  momentInstance?: MomentInstance
): { instant: Date } | { problem: TimeExpressionProblem } {
  if (!isTimeExpressionSyntax(value)) return { problem: 'syntax' };
  const moment = dateMath.parse(value, { forceNow: now, roundUp, momentInstance });
  if (!moment?.isValid()) {
    // Date math that overflows the calendar (now+999999y) is out of range; an ISO string that
    // does not parse names a day or time that does not exist.
    return { problem: value.startsWith('now') ? 'out_of_range' : 'not_a_date' };
  }
  const ms = moment.valueOf();
  if (!Number.isFinite(ms) || ms < EARLIEST_INSTANT_MS || ms > LATEST_INSTANT_MS) {
    return { problem: 'out_of_range' };
  }
  return { instant: new Date(ms) };
}

/** Undefined when the expression resolves at `now`; otherwise why it does not. */
export function checkTimeExpression(
  value: string,
  now: Date,
  roundUp = false
): TimeExpressionProblem | undefined {
  const result = resolve(value, now, roundUp);
  return 'problem' in result ? result.problem : undefined;
}

/** True when `value` is datemath or an ISO 8601 instant that resolves to a usable instant now. */
export function isTimeExpression(value: string): boolean {
  return checkTimeExpression(value, new Date()) === undefined;
}

/**
 * The moment function date math computes with. Rounding (`now-7d/d`) and a zone-less ISO time
 * depend on its zone: the browser passes one set to the analyst's `dateFormat:tz`; without one,
 * date math uses moment's default zone, which is the zone of the process that runs it.
 */
export type MomentInstance = typeof moment;

/** Resolves one end of a range; the end of a range rounds up, as Kibana's time picker does. */
export function resolveTimeExpression(
  value: string,
  now: Date,
  roundUp = false,
  momentInstance?: MomentInstance
): Date | undefined {
  const result = resolve(value, now, roundUp, momentInstance);
  return 'instant' in result ? result.instant : undefined;
}

export function resolveTimeRange(
  range: TimeRange,
  now: Date,
  momentInstance?: MomentInstance
): ResolvedTimeRange | undefined {
  const start = resolveTimeExpression(range.from, now, false, momentInstance);
  const end = resolveTimeExpression(range.to, now, true, momentInstance);
  if (!start || !end) return undefined;
  return { ...range, start: start.toISOString(), end: end.toISOString() };
}

/**
 * The ES|QL expression for a relative instant (`now()`, `now() - 30 day`), or undefined when the
 * value is absolute or rounded and must be shown as the instant it resolved to.
 */
export function relativeEsqlExpression(value: string): string | undefined {
  const match = SINGLE_OFFSET.exec(value);
  if (!match) return undefined;
  const [, sign, amount, unit] = match;
  if (!sign) return 'now()';
  return `now() ${sign} ${Number(amount)} ${ESQL_UNITS[unit]}`;
}
