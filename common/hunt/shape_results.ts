/**
 * ES|QL answers with `columns` and row-major `values`. Rows are read by column name, never by
 * position, so extra or reordered columns change nothing; multi-valued cells arrive as a scalar or
 * an array and leave here as arrays.
 */
import {
  readPartial,
  resultNotes,
  truncationFor,
  warningsFromHeaders,
  type ResultNotes,
} from './result_notes';

export interface EsqlColumn {
  name: string;
  type: string;
}

export interface EsqlResponseLike {
  columns?: EsqlColumn[];
  values?: unknown[][];
  is_partial?: boolean;
  took?: number;
  /** Cross-cluster search: each cluster's status (`successful`, `partial`, `skipped`, …). */
  _clusters?: unknown;
}

export interface HuntRow {
  /** Start of the UTC day the events fall in (ISO 8601). */
  day: string | null;
  action: string | null;
  service_principal_name: string | null;
  service_principal_id: string | null;
  /** All names seen in the group (grouped by id, a principal may have several). */
  service_principal_names: string[];
  /** All ids seen in the group (grouped by name, one name may hide several principals). */
  service_principal_ids: string[];
  event_count: number;
  daily_action_count: number;
  distinct_ips: number;
  ips: string[];
  datasets: string[];
  event_actions: string[];
}

/** The row's group key: its name when the hunt grouped by name, else its id. */
export function rowPrincipal(row: HuntRow, groupBy: 'name' | 'id'): string | null {
  return groupBy === 'name' ? row.service_principal_name : row.service_principal_id;
}

export interface HuntResult extends ResultNotes {
  rows: HuntRow[];
  took_ms: number | null;
}

/** What the server learnt about the answer beside its body. */
export interface AnswerContext {
  /** The `warning` response header, one value or several. */
  warnings?: string | readonly string[] | null;
  /** The cluster's row cap, when known; otherwise Elasticsearch's default is assumed. */
  rowCap?: number;
}

export function toArray(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item) => item !== null && item !== undefined).map(String);
}

function toScalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : null;
  return String(value);
}

export function toCount(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(toScalar(value));
  return Number.isFinite(number) ? number : 0;
}

/** Reads row-major values into records keyed by column name. */
export function readRecords(response: EsqlResponseLike): Array<Record<string, unknown>> {
  const columns = response.columns ?? [];
  const values = response.values ?? [];
  return values.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      record[column.name] = Array.isArray(row) ? row[index] : undefined;
    });
    return record;
  });
}

export function shapeHuntRow(record: Record<string, unknown>): HuntRow {
  const service_principal_name = toScalar(record.service_principal_name);
  const service_principal_id = toScalar(record.service_principal_id);
  const names = toArray(record.service_principal_names);
  const ids = toArray(record.service_principal_ids);
  return {
    day: toScalar(record.timestamp_day_bucket),
    action: toScalar(record['event.action']),
    service_principal_name,
    service_principal_id,
    service_principal_names: names.length > 0 ? names : toArray(service_principal_name),
    service_principal_ids: ids.length > 0 ? ids : toArray(service_principal_id),
    event_count: toCount(record.event_count),
    daily_action_count: toCount(record.daily_action_count),
    distinct_ips: toCount(record.distinct_ips),
    ips: toArray(record.ips),
    datasets: toArray(record.datasets),
    event_actions: toArray(record.event_actions),
  };
}

/**
 * The rows the analyst asked for, shaped: the query asked for one more than `limit` (see
 * `probeLimit`), so that extra row, when it came, is dropped here.
 */
export function shapeHuntRows(response: EsqlResponseLike, limit: number): HuntRow[] {
  const values = response.values ?? [];
  const shown = values.length > limit ? values.slice(0, limit) : values;
  return readRecords({ columns: response.columns, values: shown }).map(shapeHuntRow);
}

/** `took` as Elasticsearch reported it, in milliseconds. */
export function tookMs(response: EsqlResponseLike | null | undefined): number | null {
  return typeof response?.took === 'number' ? response.took : null;
}

/**
 * Shapes a hunt answer: the rows the analyst asked for, and whether the answer is cut, partial
 * or warned about. The routes send these notes beside Elasticsearch's own columns and values;
 * this whole-answer form serves tests and callers that hold a parsed answer.
 */
export function shapeHuntResponse(
  response: EsqlResponseLike,
  limit: number,
  { warnings, rowCap }: AnswerContext = {}
): HuntResult {
  return {
    rows: shapeHuntRows(response, limit),
    ...resultNotes({
      ...truncationFor(response.values?.length ?? 0, limit, rowCap),
      partial: readPartial(response),
      warnings: warningsFromHeaders(warnings),
    }),
    took_ms: tookMs(response),
  };
}
