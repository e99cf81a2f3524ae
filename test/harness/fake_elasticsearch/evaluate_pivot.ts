/**
 * Evaluates this plugin's pivot queries (raw events of a row or a value) over the dataset. The
 * parameterised form is first inlined with the shared inliner, so the same reading serves the
 * events route and the inlined text Discover sends. It reads the clauses the pivot builders write,
 * not ES|QL in general.
 */
import {
  ID_COALESCE_ORDER,
  NAME_COALESCE_ORDER,
  type Dataset,
} from '../../../common/hunt/data_sources';
import {
  decodeEsqlString,
  inlineEsqlParams,
  type EsqlNamedParams,
} from '../../../common/hunt/esql_text';
import type { ScenarioDocument } from '../../fixtures/scenario/build_scenario';
import { cidrMatch } from './cidr_match';
import { getField, matchesPattern, UnsupportedQueryError, type EsqlResult } from './evaluate';

const STRING = '"((?:\\\\.|[^"\\\\])*)"';
const UNIT_MS: Record<string, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 2_592_000_000,
  year: 31_536_000_000,
};

function literal(text: string, pattern: string): string | undefined {
  const match = new RegExp(pattern).exec(text);
  return match ? decodeEsqlString(`"${match[1]}"`) : undefined;
}

export function literals(list: string): string[] {
  return [...list.matchAll(new RegExp(STRING, 'g'))].map((match) =>
    decodeEsqlString(`"${match[1]}"`)
  );
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return Array.isArray(value) ? (value.length ? String(value[0]) : undefined) : String(value);
}

function firstOf(source: Record<string, unknown>, fields: string[]): string | null {
  for (const field of fields) {
    const value = scalar(getField(source, field));
    if (value !== undefined) return value;
  }
  return null;
}

export interface Bound {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export function timeBounds(query: string, now: number): Bound {
  const bound: Bound = {};
  const relative = /@timestamp > now\(\) - (\d+) (\w+)/.exec(query);
  if (relative) bound.gt = now - Number(relative[1]) * (UNIT_MS[relative[2]] ?? 0);
  const absStart =
    literal(query, `@timestamp (?:>|>=) TO_DATETIME\\(${STRING}\\)`) ??
    literal(query, `@timestamp (?:>|>=) ${STRING}`);
  if (absStart) bound[/@timestamp >= /.test(query) ? 'gte' : 'gt'] = Date.parse(absStart);
  const absEnd =
    literal(query, `@timestamp (?:<|<=) TO_DATETIME\\(${STRING}\\)`) ??
    literal(query, `@timestamp (?:<|<=) ${STRING}`);
  if (absEnd) bound[/@timestamp < /.test(query) ? 'lt' : 'lte'] = Date.parse(absEnd);
  return bound;
}

function within(time: number, bound: Bound): boolean {
  return (
    (bound.gt === undefined || time > bound.gt) &&
    (bound.gte === undefined || time >= bound.gte) &&
    (bound.lt === undefined || time < bound.lt) &&
    (bound.lte === undefined || time <= bound.lte)
  );
}

/** A `column == "value"` or `column IS NULL` condition, if the query has one. */
function equality(query: string, column: string): { value: string | null } | undefined {
  const escaped = column.replace(/[.]/g, '\\.');
  if (new RegExp(`WHERE ${escaped} IS NULL`).test(query)) return { value: null };
  const value = literal(query, `WHERE ${escaped} == ${STRING}`);
  return value === undefined ? undefined : { value };
}

const COLUMN_TYPES: Record<string, string> = {
  '@timestamp': 'date',
  'source.ip': 'ip',
  'source.as.number': 'long',
};

export function isPivotQuery(query: string): boolean {
  return /\n\| KEEP /.test(query);
}

export function evaluatePivot(
  docs: ScenarioDocument[],
  query: string,
  params: EsqlNamedParams = [],
  now = Date.now()
): EsqlResult {
  const text = inlineEsqlParams(query, params);
  const patterns = /^FROM ([^\n]+)/.exec(text)?.[1].split(', ') ?? [];
  const datasetList = /event\.dataset in \(([^)]*)\)/.exec(text)?.[1];
  const keep = /\| KEEP ([^\n]+)/.exec(text)?.[1].split(', ');
  if (!patterns.length || !datasetList || !keep)
    throw new UnsupportedQueryError('not a pivot query of this plugin');
  const datasets = new Set(literals(datasetList) as Dataset[]);
  const bound = timeBounds(text, now);
  const ipRequired = /WHERE source\.ip IS NOT NULL/.test(text);
  const cidrs = literals(/NOT CIDR_MATCH\(source\.ip, ([^)]*)\)/.exec(text)?.[1] ?? '');
  const day = literal(text, `timestamp_day_bucket == TO_DATETIME\\(${STRING}\\)`);
  const action = equality(text, 'event.action');
  const name = equality(text, 'service_principal_name');
  const id = equality(text, 'service_principal_id');
  const ip =
    literal(text, `source\\.ip == TO_IP\\(${STRING}\\)`) ??
    literal(text, `TO_STRING\\(source\\.ip\\) == ${STRING}`);
  const limit = Number(/\| LIMIT (\d+)/.exec(text)?.[1] ?? 1000);

  const rows = docs
    .filter((doc) => patterns.some((pattern) => matchesPattern(doc._index, pattern)))
    .map((doc) => ({
      source: doc._source,
      time: Date.parse(String(getField(doc._source, '@timestamp'))),
    }))
    .filter(({ source, time }) => {
      if (!within(time, bound)) return false;
      if (!datasets.has(scalar(getField(source, 'event.dataset')) as Dataset)) return false;
      const sourceIp = scalar(getField(source, 'source.ip'));
      if (
        ipRequired &&
        (sourceIp === undefined || cidrs.some((block) => cidrMatch(sourceIp, block)))
      )
        return false;
      if (day && new Date(time).toISOString().slice(0, 10) !== day.slice(0, 10)) return false;
      if (action && (scalar(getField(source, 'event.action')) ?? null) !== action.value)
        return false;
      if (name && firstOf(source, NAME_COALESCE_ORDER) !== name.value) return false;
      if (id && firstOf(source, ID_COALESCE_ORDER) !== id.value) return false;
      if (ip !== undefined && sourceIp !== ip) return false;
      return true;
    })
    .sort((a, b) => b.time - a.time)
    .slice(0, limit);

  return {
    columns: keep.map((column) => ({ name: column, type: COLUMN_TYPES[column] ?? 'keyword' })),
    values: rows.map(({ source }) =>
      keep.map((column) => {
        if (column === 'service_principal_name') return firstOf(source, NAME_COALESCE_ORDER);
        if (column === 'service_principal_id') return firstOf(source, ID_COALESCE_ORDER);
        return getField(source, column) ?? null;
      })
    ),
  };
}

/**
 * The hunt as Discover sends it (inlined, no params) turned back into the params the hunt
 * evaluator reads: datasets, trusted CIDRs, thresholds and the window.
 */
export function huntParamsFromInlined(query: string, now = Date.now()): EsqlNamedParams {
  const params: EsqlNamedParams = [];
  literals(/event\.dataset in \(([^)]*)\)/.exec(query)?.[1] ?? '').forEach((dataset, index) =>
    params.push({ [`dataset_${index}`]: dataset })
  );
  literals(/NOT CIDR_MATCH\(source\.ip, ([^)]*)\)/.exec(query)?.[1] ?? '').forEach((cidr, index) =>
    params.push({ [`trusted_cidr_${index}`]: cidr })
  );
  const thresholds = /daily_action_count <= (\d+) and distinct_ips >= (\d+)/.exec(query);
  if (thresholds)
    params.push({ max_daily: Number(thresholds[1]) }, { min_ips: Number(thresholds[2]) });
  const bound = timeBounds(query, now);
  const start = bound.gt ?? bound.gte;
  const end = bound.lte ?? bound.lt;
  if (start !== undefined) params.push({ _tstart: new Date(start).toISOString() });
  if (end !== undefined) params.push({ _tend: new Date(end).toISOString() });
  return params;
}
