import { z } from '@kbn/zod/v4';
import {
  DEFAULT_BASELINE_DAYS,
  DEFAULT_MAX_DAILY_ACTIONS,
  DEFAULT_SHARED_PRINCIPALS,
  MAX_BASELINE_DAYS,
  MAX_SHARED_PRINCIPALS,
  DEFAULT_MIN_DISTINCT_IPS,
  DEFAULT_TIME_FROM,
  DEFAULT_TIME_TO,
  ESQL_DEFAULT_ROW_LIMIT,
  ESQL_MAX_ROW_LIMIT,
  MAX_CIDR_LENGTH,
  MAX_DAILY_ACTIONS_LIMIT,
  MAX_INDEX_PATTERNS,
  MAX_INDEX_PATTERN_LENGTH,
  MAX_TIME_EXPRESSION_LENGTH,
  MAX_TRUSTED_CIDRS,
  MIN_DISTINCT_IPS_LIMIT,
} from '../constants';
import { DATASETS } from './data_sources';
import { normaliseCidr } from './cidr';
import {
  checkTimeExpression,
  resolveTimeExpression,
  type TimeExpressionProblem,
} from './time_range';

import { runWindowSchema } from './run_window';

export { CIDR_RULE } from './cidr';

export const DEFAULT_INDEX_PATTERNS = ['logs-azure.*', 'logs-o365.audit-*'];
export const GROUP_BY_VALUES = ['name', 'id'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

/**
 * An index pattern as FROM may name it unquoted: lowercase index-name characters and `*`, with an
 * optional `cluster:` prefix for cross-cluster search. Index patterns cannot be ES|QL params, so
 * this pattern is the only thing between user text and the FROM clause.
 */
const INDEX_PATTERN = /^(?:[a-z0-9*][a-z0-9_*-]*:)?[a-z0-9*][a-z0-9._*+-]*$/;

/**
 * Words ES|QL's lexer reads as keywords inside FROM. In FROM_MODE the rule `METADATA : 'metadata'`
 * comes before `UNQUOTED_SOURCE`, and ANTLR gives a tie of equal length to the first rule, so a
 * whole index or cluster name `metadata` lexes as the keyword and the parser's
 * `indexPatternAndMetadataFields : indexPattern (COMMA indexPattern)* metadata?` fails on it
 * (elastic/elasticsearch:x-pack/plugin/esql/src/main/antlr/lexer/From.g4 and EsqlBaseParser.g4).
 * Such a name is refused rather than quoted: a quoted `"cluster:metadata"` is a different
 * grammar branch (`indexString`) whose cluster handling varies between releases.
 */
const FROM_KEYWORDS = new Set(['metadata']);

export const TIME_EXPRESSION_RULE =
  'must be Elastic date math such as now-30d, or an ISO 8601 date such as 2026-01-31T00:00:00Z';
export const TIME_NOT_A_DATE_RULE =
  'is not a date on the calendar: check the day of the month (February 29 exists only in leap years) and the time of day';
export const TIME_OUT_OF_RANGE_RULE = 'must resolve to a date between the years 0000 and 9999';
export const INDEX_PATTERN_RULE =
  'must use lowercase letters, digits, "*", ".", "_", "+" and "-", optionally after "cluster:"';
export const INDEX_KEYWORD_RULE =
  'must not be "metadata", a keyword of ES|QL\'s FROM clause (name the index with a wildcard, e.g. metadata*)';

const TIME_RULES: Record<TimeExpressionProblem, string> = {
  syntax: TIME_EXPRESSION_RULE,
  not_a_date: TIME_NOT_A_DATE_RULE,
  out_of_range: TIME_OUT_OF_RANGE_RULE,
};

/** Reported per request: enough to fix a body, never a wall of text built from a hostile one. */
export const MAX_REPORTED_ISSUES = 5;
/** Unknown keys named in one issue, for the same reason. */
const MAX_REPORTED_KEYS = 5;

/**
 * A string field whose length is checked first: zod runs a string's checks in order, and an
 * aborting length check skips the pattern and refinements after it, so an over-long value costs
 * one comparison, not a regex over a megabyte.
 */
export function boundedString(max: number) {
  return z.string().max(max, { message: `must be at most ${max} characters`, abort: true });
}

/**
 * An array whose length is checked before any element. zod v4 parses every element of an array
 * and only then runs `.max()` ($ZodArray in zod/v4/core/schemas.js), so a body with 260,000 bad
 * entries would be validated, and reported, entry by entry; the guard refuses it in one step and
 * aborts the pipe before the elements are read.
 */
export function boundedArray<Element extends z.ZodType>(
  element: Element,
  {
    min,
    max,
    minMessage,
    maxMessage,
  }: { min: number; max: number; minMessage?: string; maxMessage: string }
) {
  const array = z.array(element).min(min, minMessage).max(max, maxMessage);
  return z.preprocess((value: z.input<typeof array>, context) => {
    if (Array.isArray(value) && value.length > max) {
      // `continue: false` aborts the pipe: the array schema, and so every element, is never run.
      context.addIssue({ code: 'custom', message: maxMessage, input: value, continue: false });
    }
    return value;
  }, array);
}

const timeExpression = boundedString(MAX_TIME_EXPRESSION_LENGTH)
  .trim()
  .min(1, 'is required')
  .superRefine((value, context) => {
    const problem = checkTimeExpression(value, new Date());
    if (problem) context.addIssue({ code: 'custom', message: TIME_RULES[problem], input: value });
  });

export const timeRangeSchema = z
  .object({ from: timeExpression, to: timeExpression })
  .strict()
  .superRefine((range, context) => {
    // Both ends resolve at one instant, the end rounded up as Kibana's time picker does.
    const now = new Date();
    const start = resolveTimeExpression(range.from, now);
    const end = resolveTimeExpression(range.to, now, true);
    if (!end) {
      // The field check resolves `to` unrounded; rounded up, as the range uses it, it could in
      // principle pass the year 9999 when the unrounded one does not. Said once, on `to`.
      if (checkTimeExpression(range.to, now) === undefined) {
        context.addIssue({ code: 'custom', path: ['to'], message: TIME_OUT_OF_RANGE_RULE });
      }
      return;
    }
    if (start && start >= end) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'must be before the end time' });
    }
  });

function namesFromKeyword(pattern: string): boolean {
  return pattern.split(':').some((segment) => FROM_KEYWORDS.has(segment));
}

const indexPattern = boundedString(MAX_INDEX_PATTERN_LENGTH)
  .min(1, 'is required')
  .regex(INDEX_PATTERN, { message: INDEX_PATTERN_RULE, abort: true })
  .refine((pattern) => !namesFromKeyword(pattern), INDEX_KEYWORD_RULE);

const cidr = boundedString(MAX_CIDR_LENGTH)
  .trim()
  .transform((value, context) => {
    const result = normaliseCidr(value);
    if (result.ok) return result.cidr;
    // Aborting: the list-level check after it must not compare entries that have no value.
    context.addIssue({ code: 'custom', message: result.message, input: value, continue: false });
    return z.NEVER;
  });

function boundedInteger(min: number, max: number) {
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

function unique<T>(values: T[]): boolean {
  return new Set(values).size === values.length;
}

/** Everything an analyst can change about the hunt; every field has the seed's value as default. */
export const huntParamsSchema = z
  .object({
    time_range: timeRangeSchema.default({ from: DEFAULT_TIME_FROM, to: DEFAULT_TIME_TO }),
    max_daily_actions: boundedInteger(1, MAX_DAILY_ACTIONS_LIMIT).default(
      DEFAULT_MAX_DAILY_ACTIONS
    ),
    min_distinct_ips: boundedInteger(1, MIN_DISTINCT_IPS_LIMIT).default(DEFAULT_MIN_DISTINCT_IPS),
    datasets: boundedArray(z.enum(DATASETS, { error: `must be one of ${DATASETS.join(', ')}` }), {
      min: 1,
      max: DATASETS.length,
      minMessage: 'must name at least one data source',
      maxMessage: `must name at most ${DATASETS.length} data sources`,
    })
      .refine(unique, 'must not repeat a data source')
      .default([...DATASETS]),
    index_patterns: boundedArray(indexPattern, {
      min: 1,
      max: MAX_INDEX_PATTERNS,
      minMessage: 'must name at least one index pattern',
      maxMessage: `must name at most ${MAX_INDEX_PATTERNS} index patterns`,
    })
      .refine(unique, 'must not repeat an index pattern')
      .default([...DEFAULT_INDEX_PATTERNS]),
    group_by: z.enum(GROUP_BY_VALUES, { error: 'must be "name" or "id"' }).default('name'),
    trusted_cidrs: boundedArray(cidr, {
      min: 0,
      max: MAX_TRUSTED_CIDRS,
      maxMessage: `must hold at most ${MAX_TRUSTED_CIDRS} entries`,
    })
      // After normalising: 10.0.0.1 and 10.0.0.1/32 are the same block.
      .refine(unique, 'must not repeat a CIDR block')
      .default([]),
    limit: boundedInteger(1, ESQL_MAX_ROW_LIMIT).default(ESQL_DEFAULT_ROW_LIMIT),
    /**
     * The instants `time_range` resolved to when the page ran the hunt; the query uses these.
     * Without them (a call from a script) the server resolves `time_range` itself, in its zone.
     */
    window: runWindowSchema.optional(),
    /** Triage: days before the window that "new IP" and "new action" compare with. */
    baseline_days: boundedInteger(1, MAX_BASELINE_DAYS).default(DEFAULT_BASELINE_DAYS),
    /** Triage: other principals from which on an address counts as shared. */
    shared_ip_principals: boundedInteger(1, MAX_SHARED_PRINCIPALS).default(
      DEFAULT_SHARED_PRINCIPALS
    ),
    /**
     * Run without the space's benign entries: the rows they hide are shown (and marked), so an
     * analyst can check what an entry hides.
     */
    include_hidden: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();

/** The body as sent: every field optional. */
export type HuntParamsInput = z.input<typeof huntParamsSchema>;
/** The body once validated: every field present. */
export type HuntParams = z.output<typeof huntParamsSchema>;

export const DEFAULT_HUNT_PARAMS: HuntParams = huntParamsSchema.parse({});

export interface ParamsIssue {
  /** Dotted path of the offending field, e.g. `trusted_cidrs.2`. */
  field: string;
  message: string;
}

export type ParseParamsResult = ParseResult<HuntParams>;

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): ParamsIssue {
  const field = issue.path.map(String).join('.') || '(body)';
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, MAX_REPORTED_KEYS).join(', ');
    const more = issue.keys.length - MAX_REPORTED_KEYS;
    return { field, message: `unknown field(s): ${shown}${more > 0 ? ` and ${more} more` : ''}` };
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return { field, message: 'must be a JSON object' };
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return { field, message: 'is required' };
  }
  return { field, message: issue.message };
}

/**
 * Describes zod issues as "field: rule" sentences that name the field, at most
 * MAX_REPORTED_ISSUES of them: a body with hundreds of bad entries gets the first few and a count.
 */
export function describeIssues(error: z.ZodError, input: unknown): ParamsIssue[] {
  // One issue per field first, so a long list of bad entries in one field cannot hide another
  // field's problem from the form; then more of the same field, up to the cap.
  const firstOfField = new Set<string>();
  const first: z.core.$ZodIssue[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const issue of error.issues) {
    const top = String(issue.path[0] ?? '');
    if (firstOfField.has(top)) rest.push(issue);
    else {
      firstOfField.add(top);
      first.push(issue);
    }
    if (first.length >= MAX_REPORTED_ISSUES) break;
  }
  const chosen = new Set([...first, ...rest].slice(0, MAX_REPORTED_ISSUES));
  return error.issues
    .filter((issue) => chosen.has(issue))
    .map((issue) => describeIssue(issue, input));
}

export function formatIssues(issues: ParamsIssue[], total = issues.length): string {
  const text = issues.map(({ field, message }) => `[${field}]: ${message}`).join('; ');
  const more = total - issues.length;
  return more > 0 ? `${text}; and ${more} more problem${more === 1 ? '' : 's'}` : text;
}

export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; issues: ParamsIssue[]; message: string };

/** A parser for one of the shared schemas: the value, or the issues that name each field. */
export function parserFor<Schema extends z.ZodType>(
  schema: Schema
): (input: unknown) => ParseResult<z.output<Schema>> {
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    const issues = describeIssues(result.error, input);
    return { ok: false, issues, message: formatIssues(issues, result.error.issues.length) };
  };
}

export const parseHuntParams: (input: unknown) => ParseParamsResult = parserFor(huntParamsSchema);
