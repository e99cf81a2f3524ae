import dateMath from '@kbn/datemath';

/** Elastic datemath relative to now: `now`, `now-30d`, `now-1d/d`, `now-2h+5m` … */
const RELATIVE_EXPRESSION = /^now(?:[+-]\d{1,6}[smhdwMy])*(?:\/[smhdwMy])?$/;
/** An ISO 8601 date or date-time, as EuiSuperDatePicker writes absolute times. */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** One offset and no rounding: the form ES|QL can say as `now() - 30 day`. */
const SINGLE_OFFSET = /^now(?:([+-])(\d{1,6})([smhdwMy]))?$/;

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

/** True when `value` is datemath relative to now or an ISO 8601 instant that parses. */
export function isTimeExpression(value: string): boolean {
  if (RELATIVE_EXPRESSION.test(value)) return true;
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Resolves one end of a range; the end of a range rounds up, as Kibana's time picker does. */
export function resolveTimeExpression(value: string, now: Date, roundUp = false): Date | undefined {
  if (!isTimeExpression(value)) return undefined;
  const moment = dateMath.parse(value, { forceNow: now, roundUp });
  return moment?.isValid() ? moment.toDate() : undefined;
}

export function resolveTimeRange(range: TimeRange, now: Date): ResolvedTimeRange | undefined {
  const start = resolveTimeExpression(range.from, now);
  const end = resolveTimeExpression(range.to, now, true);
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
