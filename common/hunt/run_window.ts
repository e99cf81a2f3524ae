/**
 * The window of one run: the analyst's time range resolved once, in the browser, with Kibana's
 * `dateFormat:tz`, into two instants. The server queries exactly those instants, and every
 * follow-up of the run (the row's events, pivots, the case, the saved Discover session, links)
 * reuses them, so the evidence shows the same rows whenever and wherever it is opened.
 *
 * As Kibana's own timefilter does (elastic/kibana:src/platform/plugins/shared/data/common/query/timefilter/get_time.ts,
 * `calculateBounds` and `getAbsoluteTimeRange`): the start is parsed as is, the end rounded up,
 * both at one `now`. The window is half-open like the hunt's WHERE: `start < @timestamp <= end`.
 */
import { z } from '@kbn/zod/v4';
import {
  resolveTimeExpression,
  type MomentInstance,
  type ResolvedTimeRange,
  type TimeRange,
} from './time_range';

export interface RunWindow {
  /** Exclusive: the hunt keeps events after this instant. */
  start: string;
  /** Inclusive: and up to and including this one. */
  end: string;
}

export const INSTANT_RULE =
  'must be an ISO 8601 instant with its zone, such as 2026-11-01T00:00:00.000Z';
export const WINDOW_ORDER_RULE = 'must be before the end of the window';
/** `2026-11-01T00:00:00.000000000+00:00` is 35 characters; nothing longer is an instant. */
export const MAX_INSTANT_LENGTH = 40;

/**
 * An instant as the page sends it: ISO 8601 with a zone (`Z` or an offset), a four-digit year,
 * a date the calendar has. Normalised to UTC with milliseconds, the form Elasticsearch's
 * `strict_date_optional_time` and ES|QL's `TO_DATETIME` both read.
 */
export const instantSchema = z
  .string()
  .max(MAX_INSTANT_LENGTH, {
    message: `must be at most ${MAX_INSTANT_LENGTH} characters`,
    abort: true,
  })
  .pipe(z.iso.datetime({ offset: true, error: INSTANT_RULE }))
  .refine((value) => Number.isFinite(Date.parse(value)), INSTANT_RULE)
  // A refinement that fails does not stop the transform: an impossible date must not throw here.
  .transform((value) => {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
  });

export const runWindowSchema = z
  .object({ start: instantSchema, end: instantSchema })
  .strict()
  .superRefine((window, context) => {
    if (Date.parse(window.start) >= Date.parse(window.end)) {
      context.addIssue({ code: 'custom', path: ['start'], message: WINDOW_ORDER_RULE });
    }
  });

/**
 * Resolves the analyst's range at `now`: the start as is, the end rounded up (`now/d` ends at the
 * day's last millisecond), in the zone of `momentInstance`. Undefined when an end does not resolve
 * or the window would be empty.
 */
export function resolveRunWindow(
  range: TimeRange,
  now: Date,
  momentInstance?: MomentInstance
): RunWindow | undefined {
  const start = resolveTimeExpression(range.from, now, false, momentInstance);
  const end = resolveTimeExpression(range.to, now, true, momentInstance);
  if (!start || !end || start.getTime() >= end.getTime()) return undefined;
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The analyst's range (for display) with the run's instants (for every query). */
export function pinnedTimeRange(range: TimeRange, window: RunWindow): ResolvedTimeRange {
  return { from: range.from, to: range.to, start: window.start, end: window.end };
}

/** True when the range says `now` anywhere: opened later, it would cover another window. */
export function isRelativeRange(range: TimeRange): boolean {
  return range.from.startsWith('now') || range.to.startsWith('now');
}
