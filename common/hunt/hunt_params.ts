import { z } from '@kbn/zod/v4';
import {
  DEFAULT_MAX_DAILY_ACTIONS,
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
import { isCidr } from './cidr';
import { isTimeExpression, resolveTimeRange } from './time_range';

export const DEFAULT_INDEX_PATTERNS = ['logs-azure.*', 'logs-o365.audit-*'];
export const GROUP_BY_VALUES = ['name', 'id'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

/**
 * An index pattern as FROM may name it unquoted: lowercase index-name characters and `*`, with an
 * optional `cluster:` prefix for cross-cluster search. Index patterns cannot be ES|QL params, so
 * this pattern is the only thing between user text and the FROM clause.
 */
const INDEX_PATTERN = /^(?:[a-z0-9*][a-z0-9_*-]*:)?[a-z0-9*][a-z0-9._*+-]*$/;

export const TIME_EXPRESSION_RULE =
  'must be Elastic date math such as now-30d, or an ISO 8601 date such as 2026-01-31T00:00:00Z';
export const INDEX_PATTERN_RULE =
  'must use lowercase letters, digits, "*", ".", "_", "+" and "-", optionally after "cluster:"';
export const CIDR_RULE = 'must be an IPv4 or IPv6 CIDR block such as 10.0.0.0/8 or 2001:db8::/32';

const timeExpression = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(MAX_TIME_EXPRESSION_LENGTH, `must be at most ${MAX_TIME_EXPRESSION_LENGTH} characters`)
  .refine(isTimeExpression, TIME_EXPRESSION_RULE);

export const timeRangeSchema = z
  .object({ from: timeExpression, to: timeExpression })
  .strict()
  .superRefine((range, context) => {
    // The order of the two ends only means something once both resolve at the same instant.
    const resolved = resolveTimeRange(range, new Date());
    if (resolved && resolved.start >= resolved.end) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'must be before the end time' });
    }
  });

const indexPattern = z
  .string()
  .min(1, 'is required')
  .max(MAX_INDEX_PATTERN_LENGTH, `must be at most ${MAX_INDEX_PATTERN_LENGTH} characters`)
  .regex(INDEX_PATTERN, INDEX_PATTERN_RULE);

const cidr = z
  .string()
  .trim()
  .max(MAX_CIDR_LENGTH, `must be at most ${MAX_CIDR_LENGTH} characters`)
  .refine(isCidr, CIDR_RULE);

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
    datasets: z
      .array(z.enum(DATASETS, { error: `must be one of ${DATASETS.join(', ')}` }))
      .min(1, 'must name at least one data source')
      .max(DATASETS.length, `must name at most ${DATASETS.length} data sources`)
      .refine(unique, 'must not repeat a data source')
      .default([...DATASETS]),
    index_patterns: z
      .array(indexPattern)
      .min(1, 'must name at least one index pattern')
      .max(MAX_INDEX_PATTERNS, `must name at most ${MAX_INDEX_PATTERNS} index patterns`)
      .refine(unique, 'must not repeat an index pattern')
      .default([...DEFAULT_INDEX_PATTERNS]),
    group_by: z.enum(GROUP_BY_VALUES, { error: 'must be "name" or "id"' }).default('name'),
    trusted_cidrs: z
      .array(cidr)
      .max(MAX_TRUSTED_CIDRS, `must hold at most ${MAX_TRUSTED_CIDRS} entries`)
      .refine(unique, 'must not repeat a CIDR block')
      .default([]),
    limit: boundedInteger(1, ESQL_MAX_ROW_LIMIT).default(ESQL_DEFAULT_ROW_LIMIT),
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

export type ParseParamsResult =
  { ok: true; value: HuntParams } | { ok: false; issues: ParamsIssue[]; message: string };

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Describes zod issues as "field: rule" sentences that name the field. */
export function describeIssues(error: z.ZodError, input: unknown): ParamsIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      return { field, message: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) {
      return { field, message: 'must be a JSON object' };
    }
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      return { field, message: 'is required' };
    }
    return { field, message: issue.message };
  });
}

export function formatIssues(issues: ParamsIssue[]): string {
  return issues.map(({ field, message }) => `[${field}]: ${message}`).join('; ');
}

export function parseHuntParams(input: unknown): ParseParamsResult {
  const result = huntParamsSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error, input);
  return { ok: false, issues, message: formatIssues(issues) };
}
