/**
 * Run history: each finished run of the hunt, kept as a saved object of the plugin in the space
 * it ran in, so the page can list the last runs of a view and mark the rows that are new since the
 * previous comparable run. Shared by the routes (what is accepted and stored) and the page (what it
 * sends, how it compares).
 *
 * A view is "the same hunt": the parameters that decide which rows match (thresholds, data
 * sources, index patterns, grouping, trusted ranges). The time range and its window are left out
 * (a weekly run over the last 7 days is the same view each week), and so are the row limit and
 * the triage's settings, which do not change which rows match.
 */
import { z } from '@kbn/zod/v4';
import { ESQL_MAX_ROW_LIMIT } from './constants';
import { huntParamsSchema, parserFor, type HuntParams } from './hunt/hunt_params';
import { instantSchema, type RunWindow } from './hunt/run_window';
import { rowPrincipal, type HuntRow } from './hunt/shape_results';
import { sha256Hex } from './hunt/sha256';

/** The saved object type: snake_case, as Kibana's type naming convention asks. */
export const RUN_SAVED_OBJECT_TYPE = 'entra_sp_hunt_run';
/** Record (POST) and list (GET, `?view_key=`) a view's runs in the current space. */
export const RUNS_API_PATH = '/internal/entra_sp_hunt/runs';
/** One run with its row keys. */
export const RUN_API_PATH = '/internal/entra_sp_hunt/runs/{id}';
/**
 * The advanced setting that turns run history off in a space (Stack Management → Advanced
 * settings; scoped to the space, as Kibana's settings are unless registered `global`).
 */
export const RUN_HISTORY_SETTING = 'entraSpHunt:runHistory';

/** Runs kept per view: five months of a weekly hunt, a month of a daily one. */
export const MAX_RUNS_PER_VIEW = 20;
/** Runs older than this are removed: history says what changed lately, it is not an archive. */
export const MAX_RUN_AGE_DAYS = 90;
/** Runs kept per space, whatever their view: bounds a space where many views are hunted. */
export const MAX_RUNS_PER_SPACE = 1_000;
/** Old runs removed per write, so one write never turns into an unbounded clean-up. */
export const MAX_PRUNED_PER_WRITE = 100;
/**
 * Row keys stored per run: the default row limit. A run with more rows (a higher limit) stores the
 * first ones and says it was capped; a capped run is never the baseline of "new since".
 */
export const MAX_RUN_KEYS = 1_000;
/**
 * A key's principal and action are at most this long (Entra display names stop at 256 characters,
 * ids are 36). A row with a longer value is not keyed, and the run counts as capped.
 */
export const MAX_RUN_KEY_PART_LENGTH = 256;
/** Runs one list answers: all a view keeps. */
export const MAX_LISTED_RUNS = MAX_RUNS_PER_VIEW;
/** `v1:` and 64 hex digits of SHA-256. */
export const VIEW_KEY = /^v1:[0-9a-f]{64}$/;
/** Saved object ids Kibana generates are UUIDs; an id that could be no id is refused early. */
export const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const ERROR_KIND = /^[a-z][a-z0-9_]{0,63}$/;
const DAY_MS = 86_400_000;

export const RUN_OUTCOMES = ['ok', 'partial', 'truncated', 'error'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/**
 * The parameters that make a view, in one canonical order: lists sorted, nothing else. A run that
 * shows the rows benign entries hide is a view of its own (its rows are a superset): compared with
 * the usual view, every hidden row would read as new. The flag enters the key only when set, so
 * the usual view keeps the key it always had.
 */
export function viewIdentity(params: Omit<HuntParams, 'window'>) {
  return {
    index_patterns: [...params.index_patterns].sort(),
    datasets: [...params.datasets].sort(),
    max_daily_actions: params.max_daily_actions,
    min_distinct_ips: params.min_distinct_ips,
    group_by: params.group_by,
    trusted_cidrs: [...params.trusted_cidrs].sort(),
    ...(params.include_hidden ? { include_hidden: true } : {}),
  };
}

/** A stable key of the view: equal parameters give equal keys, in the browser and the server. */
export function viewKey(params: Omit<HuntParams, 'window'>): string {
  return `v1:${sha256Hex(JSON.stringify(viewIdentity(params)))}`;
}

/** One row as history keeps it: the hunt's group (principal name or id), action and day. */
export interface RunRowKey {
  principal: string | null;
  action: string | null;
  day: string | null;
}

/** Days as the record's schema stores them (UTC, milliseconds), whatever the answer's spelling. */
function normalDay(day: string | null): string | null {
  if (day === null) return null;
  const ms = Date.parse(day);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : day;
}

export function rowHistoryKey(row: HuntRow, groupBy: HuntParams['group_by']): RunRowKey {
  return {
    principal: rowPrincipal(row, groupBy),
    action: row.action,
    day: normalDay(row.day),
  };
}

/** Keys compare as text: the three parts in order, nulls kept apart from any string. */
export function keyText(key: RunRowKey): string {
  return JSON.stringify([key.principal, key.action, key.day]);
}

const keyPart = z
  .string({ error: 'must be text or null' })
  .max(MAX_RUN_KEY_PART_LENGTH, `must be at most ${MAX_RUN_KEY_PART_LENGTH} characters`)
  .nullable();

const rowKeySchema = z
  .object({ principal: keyPart, action: keyPart, day: instantSchema.nullable() })
  .strict();

export const runRecordSchema = z
  .object({
    // The hunt's own schema: a record names a view the hunt route would accept, with its window.
    params: huntParamsSchema.refine((params) => params.window !== undefined, {
      message: 'must carry the window the run covered',
      path: ['window'],
    }),
    outcome: z.enum(RUN_OUTCOMES, { error: `must be one of ${RUN_OUTCOMES.join(', ')}` }),
    error_kind: z
      .string({ error: 'must be text' })
      .regex(ERROR_KIND, 'must be an error code such as too_many_requests')
      .nullable()
      .default(null),
    row_count: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(ESQL_MAX_ROW_LIMIT, `must be at most ${ESQL_MAX_ROW_LIMIT}`),
    keys: z
      .array(rowKeySchema, { error: 'must be a list of row keys' })
      .max(MAX_RUN_KEYS, `must hold at most ${MAX_RUN_KEYS} keys`)
      .default([]),
    keys_capped: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict()
  .superRefine((record, context) => {
    if (record.keys.length > record.row_count) {
      context.addIssue({ code: 'custom', path: ['keys'], message: 'must not outnumber row_count' });
    }
    if (!record.keys_capped && record.keys.length !== record.row_count) {
      context.addIssue({
        code: 'custom',
        path: ['keys_capped'],
        message: 'must be true when fewer keys than rows are sent',
      });
    }
    if ((record.outcome === 'error') !== (record.error_kind !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['error_kind'],
        message: 'is required for an error, and only for an error',
      });
    }
    if (record.outcome === 'error' && record.row_count !== 0) {
      context.addIssue({ code: 'custom', path: ['row_count'], message: 'must be 0 for an error' });
    }
  });
export type RunRecordInput = z.output<typeof runRecordSchema>;
export const parseRunRecord = parserFor(runRecordSchema);

export const runListQuerySchema = z
  .object({
    view_key: z.string({ error: 'is required' }).max(70).regex(VIEW_KEY, 'must be a view key'),
  })
  .strict();
export const parseRunListQuery = parserFor(runListQuerySchema);

export const runIdSchema = z
  .object({ id: z.string().max(100, 'must be a run id').regex(RUN_ID, 'must be a run id') })
  .strict();
export const parseRunId = parserFor(runIdSchema);

/** What is stored: the server sets the key, the time and the author, never the body. */
export interface RunAttributes {
  view_key: string;
  params: Omit<HuntParams, 'window'>;
  window: RunWindow;
  ran_at: string;
  outcome: RunOutcome;
  error_kind: string | null;
  row_count: number;
  keys: RunRowKey[];
  keys_capped: boolean;
  author: string;
}

/** A run as lists show it: everything but its keys. */
export interface RunSummary extends Omit<RunAttributes, 'keys'> {
  id: string;
}

export interface Run extends RunAttributes {
  id: string;
}

export interface RunsResponse {
  /** False when run history is turned off in this space: nothing is recorded. */
  enabled: boolean;
  /** Newest first. */
  runs: RunSummary[];
}

export type RecordRunResponse = { recorded: true; run: RunSummary } | { recorded: false };

/** The record the page sends for a finished run (rows), or for one that failed (`errorKind`). */
export function buildRunRecord(input: {
  params: HuntParams;
  window: RunWindow;
  rows?: HuntRow[];
  truncated?: boolean;
  partial?: boolean;
  errorKind?: string;
}): RunRecordInput {
  const { window: _window, ...rest } = input.params;
  const params = { ...rest, window: input.window };
  if (input.errorKind !== undefined) {
    const kind = ERROR_KIND.test(input.errorKind) ? input.errorKind : 'unknown';
    return {
      params,
      outcome: 'error',
      error_kind: kind,
      row_count: 0,
      keys: [],
      keys_capped: false,
    };
  }
  const rows = input.rows ?? [];
  const keys: RunRowKey[] = [];
  for (const row of rows) {
    if (keys.length >= MAX_RUN_KEYS) break;
    const key = rowHistoryKey(row, input.params.group_by);
    const fits = [key.principal, key.action].every(
      (part) => part === null || part.length <= MAX_RUN_KEY_PART_LENGTH
    );
    if (fits) keys.push(key);
  }
  return {
    params,
    outcome: input.partial ? 'partial' : input.truncated ? 'truncated' : 'ok',
    error_kind: null,
    row_count: Math.min(rows.length, ESQL_MAX_ROW_LIMIT),
    keys,
    keys_capped: keys.length < rows.length,
  };
}

/** A run whose every row is known: the only kind "new since" may compare with. */
export function isComparable(run: RunSummary): boolean {
  return run.outcome === 'ok' && !run.keys_capped;
}

/**
 * The run the shown one is compared with: of the same view's complete runs recorded before it
 * (not itself), the one whose window ends latest without ending after the shown run's window, and
 * of those the last recorded. A weekly hunt compares with last week's run; an earlier run's
 * pinned view, opened again, compares with that run over the same window, not with a later one.
 */
export function previousComparableRun(
  runs: readonly RunSummary[],
  shown: { id?: string; ranAt: string; window: RunWindow }
): RunSummary | undefined {
  const ranAt = Date.parse(shown.ranAt);
  const end = Date.parse(shown.window.end);
  let best: RunSummary | undefined;
  for (const run of runs) {
    if (run.id === shown.id || !isComparable(run)) continue;
    if (Date.parse(run.ran_at) >= ranAt || Date.parse(run.window.end) > end) continue;
    if (
      !best ||
      Date.parse(run.window.end) > Date.parse(best.window.end) ||
      (run.window.end === best.window.end && Date.parse(run.ran_at) > Date.parse(best.ran_at))
    ) {
      best = run;
    }
  }
  return best;
}

/** Start of the UTC day an instant falls in, as the hunt's day buckets are. */
function utcDayStart(iso: string): number {
  const ms = Date.parse(iso);
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * The rows new since `previous`: their key is not among its keys, and their day is one the
 * previous run looked at or a later one. A row of a day before the previous window began is not
 * new, only unseen (the previous run did not look there); a row without a day cannot be placed.
 */
export function rowsNewSince(
  rows: readonly HuntRow[],
  groupBy: HuntParams['group_by'],
  previous: { keys: readonly RunRowKey[]; window: RunWindow }
): Set<HuntRow> {
  const seen = new Set(previous.keys.map(keyText));
  const firstDay = utcDayStart(previous.window.start);
  const fresh = new Set<HuntRow>();
  for (const row of rows) {
    if (row.day === null || Date.parse(row.day) < firstDay) continue;
    if (!seen.has(keyText(rowHistoryKey(row, groupBy)))) fresh.add(row);
  }
  return fresh;
}

/** How the shown rows compare with the previous run, as the case and the session say it. */
export interface NewSinceSummary {
  /** When the previous comparable run ran (ISO 8601); undefined for a first run. */
  previousRanAt?: string;
  /** The new rows among those described. */
  newCount: number;
  total: number;
}

/** One sentence for a Discover session's description, fixed at the time it is saved. */
export function describeNewSince(summary: NewSinceSummary): string {
  if (summary.previousRanAt === undefined) {
    return 'No earlier run of this view to compare with.';
  }
  return `${summary.newCount} of ${summary.total} finding(s) new since the previous run of this view (${summary.previousRanAt}).`;
}

/** Runs older than this instant are past retention. */
export function retentionCutoff(now: Date): string {
  return new Date(now.getTime() - MAX_RUN_AGE_DAYS * DAY_MS).toISOString();
}
