/**
 * What an ES|QL answer says about its own completeness, read the same way for every query the
 * plugin runs (hunt, status, events, coverage): whether rows were cut, whether shards or clusters
 * were missing, and the warnings Elasticsearch sent in `Warning` response headers, in words.
 *
 * Sources:
 * - elastic/elasticsearch:x-pack/plugin/esql/src/main/java/org/elasticsearch/xpack/esql/analysis/Analyzer.java
 *   (AddImplicitLimit): a query without LIMIT gets `esql.query.result_truncation_default_size`
 *   rows and the warning "No limit defined, adding default limit of [N]"; a query with a LIMIT is
 *   capped at `esql.query.result_truncation_max_size` silently, with no warning.
 * - elastic/elasticsearch:x-pack/plugin/esql/compute/src/main/java/org/elasticsearch/compute/operator/Warnings.java:
 *   an expression that fails on some rows becomes null there, with "Line L:C: evaluation of [E]
 *   failed, treating result as null. Only first 20 failures recorded." followed by one header per
 *   recorded failure, e.g. "Line L:C: java.lang.IllegalArgumentException: single-value function
 *   encountered multi-value".
 * - elastic/elasticsearch:server/src/main/java/org/elasticsearch/common/logging/HeaderWarning.java:
 *   each header is `299 Elasticsearch-<version>-<build> "<text>"` (an RFC 7234 warn-value), the
 *   text with `\` and `"` escaped and characters outside the header's safe set percent-encoded.
 */

/** Rows a query asks for: one more than it shows, so "there are more" is a fact, not a guess. */
export function probeLimit(limit: number): number {
  return limit + 1;
}

/**
 * `esql.query.result_truncation_max_size` when the cluster does not say otherwise (the documented
 * default): a LIMIT above it is capped to it without a warning.
 */
export const DEFAULT_ESQL_ROW_CAP = 10_000;

/** Keeps the page readable and the response small when a query warns on many rows. */
export const MAX_RESULT_WARNINGS = 10;
const MAX_WARNING_TEXT_LENGTH = 500;
/** One warn-value: code, agent, quoted text, optional quoted date (RFC 7234 §5.5). */
const WARN_VALUES = /\d{3} \S+ "((?:[^"\\]|\\.)*)"(?: "[^"]*")?/g;
const LOCATION = /^Line (-?\d+):(-?\d+): /;
const EVALUATION_FAILED =
  /^evaluation of \[(.*)\] failed, treating result as null\. Only first (\d+) failures recorded\.$/s;
const MULTI_VALUE = /single-value function encountered multi-value/;
const DEFAULT_LIMIT = /^No limit defined, adding default limit of \[(\d+)\]$/;
const EXCEPTION_PREFIX = /^(?:[a-z_$][\w$]*\.)+([A-Za-z_$][\w$]*): /;

export type ResultWarningKind = 'multi_value' | 'evaluation_failed' | 'default_limit' | 'other';

export interface ResultWarning {
  kind: ResultWarningKind;
  /** The sentence the page shows when it has no words of its own for the kind. */
  message: string;
  /** For evaluation failures: the ES|QL expression that became null on some rows. */
  expression?: string;
  /** Where in the query (`line 1, column 27`), when Elasticsearch said. */
  location?: string;
  /** For `default_limit`: the rows Elasticsearch returned at most. */
  rows?: number;
}

export type TruncatedBy = 'row_limit' | 'row_cap' | 'default_limit';

/** Everything the page needs to show a result as partial or cut instead of complete. */
export interface ResultNotes {
  /** More rows exist than were returned (or may exist, for a cluster-side cap). */
  truncated: boolean;
  /** Why: the analyst's row limit, the cluster's row cap, or Elasticsearch's default limit. */
  truncated_by: TruncatedBy | null;
  /** The cluster's row cap that cut the result (`esql.query.result_truncation_max_size`). */
  row_cap: number | null;
  /** Elasticsearch answered without some shards or clusters. */
  is_partial: boolean;
  /** Clusters that were skipped or answered in part (cross-cluster search). */
  incomplete_clusters: Array<{ cluster: string; status: string }>;
  warnings: ResultWarning[];
}

export const COMPLETE_RESULT: ResultNotes = {
  truncated: false,
  truncated_by: null,
  row_cap: null,
  is_partial: false,
  incomplete_clusters: [],
  warnings: [],
};

function unescapeQuoted(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone `%` that is not an escape is kept as it came.
    return text;
  }
}

/**
 * The texts of `Warning` headers (`299 Elasticsearch-9.3.0-abc "text"`), decoded. Elasticsearch
 * sends one header per warning; a proxy may fold them into one comma-separated header, which the
 * client's own `warnings` list cuts after the first value, so the raw header is read here and
 * every quoted warn-value in it is taken.
 */
export function warningTexts(header: string | readonly string[] | null | undefined): string[] {
  const values = header === null || header === undefined ? [] : [header].flat();
  return values.flatMap((value) =>
    [...value.matchAll(WARN_VALUES)].map((match) => unescapeQuoted(percentDecode(match[1])))
  );
}

function clip(text: string): string {
  return text.length > MAX_WARNING_TEXT_LENGTH
    ? `${text.slice(0, MAX_WARNING_TEXT_LENGTH)}…`
    : text;
}

function describeLocation(line: string, column: string): string | undefined {
  return Number(line) > 0 ? `line ${line}, column ${column}` : undefined;
}

/**
 * Turns warning texts into sentences, one per failing expression: the header that names the
 * expression and the failure headers after it (same line and column) become one warning, and a
 * multi-value failure says what it means for the hunt.
 */
export function describeWarnings(texts: string[]): ResultWarning[] {
  const warnings: ResultWarning[] = [];
  const byLocation = new Map<string, ResultWarning>();
  for (const raw of texts) {
    const locationMatch = LOCATION.exec(raw);
    const key = locationMatch ? `${locationMatch[1]}:${locationMatch[2]}` : undefined;
    const text = locationMatch ? raw.slice(locationMatch[0].length) : raw;
    const location = locationMatch
      ? describeLocation(locationMatch[1], locationMatch[2])
      : undefined;
    const evaluation = EVALUATION_FAILED.exec(text);
    if (evaluation) {
      const warning: ResultWarning = {
        kind: 'evaluation_failed',
        expression: clip(evaluation[1]),
        location,
        message: `Elasticsearch could not evaluate ${clip(evaluation[1]) || 'an expression'}${location ? ` (${location})` : ''} for some rows and treated the result as null there, so those rows may be missing or counted differently.`,
      };
      if (key) byLocation.set(key, warning);
      warnings.push(warning);
      continue;
    }
    const earlier = key ? byLocation.get(key) : undefined;
    if (earlier) {
      // A recorded failure of an expression already named: it says why, once.
      if (MULTI_VALUE.test(text) && earlier.kind !== 'multi_value') {
        earlier.kind = 'multi_value';
        earlier.message = `A field held several values where ${earlier.expression || 'an expression'}${earlier.location ? ` (${earlier.location})` : ''} expects one, so Elasticsearch treated the result as null for those rows: events with multi-valued fields may be missing from these results.`;
      }
      continue;
    }
    const defaultLimit = DEFAULT_LIMIT.exec(text);
    if (defaultLimit) {
      const rows = Number(defaultLimit[1]);
      warnings.push({
        kind: 'default_limit',
        rows,
        message: `Elasticsearch returned at most ${rows} rows, its default limit for a query without LIMIT: there may be more.`,
      });
      continue;
    }
    warnings.push({
      kind: 'other',
      location,
      message: `Elasticsearch warned: ${clip(text.replace(EXCEPTION_PREFIX, '$1: '))}`,
    });
  }
  return warnings.slice(0, MAX_RESULT_WARNINGS);
}

/** The `warning` response header (one value or several), in words. */
export function warningsFromHeaders(
  header: string | readonly string[] | null | undefined
): ResultWarning[] {
  return describeWarnings(warningTexts(header));
}

/**
 * Whether a result of `rowCount` rows is cut, and by what: the query asked for
 * `probeLimit(limit)` rows, so getting more than `limit` proves more exist. When the cluster's
 * row cap is at or below what was asked, a result that reaches the cap may have been cut.
 */
export function truncationFor(
  rowCount: number,
  limit: number,
  rowCap: number = DEFAULT_ESQL_ROW_CAP
): { truncated_by: TruncatedBy | null; row_cap: number | null } {
  if (rowCount > limit) return { truncated_by: 'row_limit', row_cap: null };
  if (rowCap <= limit && rowCount >= rowCap) return { truncated_by: 'row_cap', row_cap: rowCap };
  return { truncated_by: null, row_cap: null };
}

/** Keeps the rows the analyst asked for and says whether there were more (`truncationFor`). */
export function takeRows<T>(
  rows: T[],
  limit: number,
  rowCap: number = DEFAULT_ESQL_ROW_CAP
): { rows: T[]; truncated_by: TruncatedBy | null; row_cap: number | null } {
  return {
    rows: rows.length > limit ? rows.slice(0, limit) : rows,
    ...truncationFor(rows.length, limit, rowCap),
  };
}

interface ClustersLike {
  details?: Record<string, { status?: unknown } | undefined>;
}

const COMPLETE_CLUSTER_STATUSES = new Set(['successful', 'running']);

/** `is_partial` and the clusters behind it (`_clusters.details[alias].status`). */
export function readPartial(body: {
  is_partial?: unknown;
  _clusters?: unknown;
}): Pick<ResultNotes, 'is_partial' | 'incomplete_clusters'> {
  const clusters = (body._clusters ?? {}) as ClustersLike;
  const incomplete = Object.entries(clusters.details ?? {})
    .map(([cluster, detail]) => ({
      // The local cluster's alias is "(local)" in Elasticsearch's answer.
      cluster,
      status: typeof detail?.status === 'string' ? detail.status : 'unknown',
    }))
    .filter((entry) => !COMPLETE_CLUSTER_STATUSES.has(entry.status));
  return {
    is_partial: body.is_partial === true || incomplete.length > 0,
    incomplete_clusters: incomplete,
  };
}

/** Combines the parts into the notes a response carries. */
export function resultNotes(parts: {
  truncated_by: TruncatedBy | null;
  row_cap: number | null;
  partial: Pick<ResultNotes, 'is_partial' | 'incomplete_clusters'>;
  warnings: ResultWarning[];
}): ResultNotes {
  const defaultLimit = parts.warnings.some((warning) => warning.kind === 'default_limit');
  const truncated_by = parts.truncated_by ?? (defaultLimit ? 'default_limit' : null);
  return {
    truncated: truncated_by !== null,
    truncated_by,
    row_cap: parts.row_cap,
    ...parts.partial,
    warnings: parts.warnings,
  };
}
