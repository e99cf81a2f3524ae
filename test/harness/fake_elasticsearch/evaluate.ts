/**
 * Evaluates the queries this plugin sends, over an in-memory dataset, with the request's params:
 * not an ES|QL engine, but the hunt's own semantics (the seed query's WHERE, COALESCE, STATS and
 * thresholds), so a changed threshold changes the rows as it would on a real cluster.
 */
import {
  DATA_SOURCES,
  ID_COALESCE_ORDER,
  NAME_COALESCE_ORDER,
  O365_CATEGORY_FIELD,
  type Dataset,
} from '../../../common/hunt/data_sources';
import type { ScenarioDocument } from '../../fixtures/scenario/build_scenario';
import type { EsqlNamedParams } from '../../../common/hunt/esql_text';
import { cidrMatch } from './cidr_match';
import { evaluatePivot, huntParamsFromInlined, isPivotQuery } from './evaluate_pivot';

export interface EsqlRequestBody {
  query?: string;
  params?: Array<Record<string, unknown>>;
  filter?: { range?: Record<string, { gt?: string; gte?: string; lt?: string; lte?: string }> };
}

export interface EsqlColumn {
  name: string;
  type: string;
}

export interface EsqlResult {
  columns: EsqlColumn[];
  values: unknown[][];
}

/** What the fake answers when it meets a query it was not built for: an honest parsing error. */
export class UnsupportedQueryError extends Error {}

export function getField(source: Record<string, unknown>, path: string): unknown {
  if (path in source) return source[path];
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  return String(value);
}

export function matchesPattern(index: string, pattern: string): boolean {
  if (pattern.includes(':')) return false;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  );
  return regex.test(index);
}

export function indicesOf(docs: ScenarioDocument[], patterns: string[]): Set<string> {
  return new Set(
    docs
      .map((doc) => doc._index)
      .filter((index) => patterns.some((pattern) => matchesPattern(index, pattern)))
  );
}

function paramsOf(body: EsqlRequestBody): Map<string, unknown> {
  const params = new Map<string, unknown>();
  for (const entry of body.params ?? []) {
    for (const [name, value] of Object.entries(entry)) params.set(name, value);
  }
  return params;
}

function fromPatterns(query: string): string[] {
  const match = /^FROM ([^\n|]+)/.exec(query);
  if (!match) throw new UnsupportedQueryError('query does not start with FROM');
  return match[1].split(',').map((pattern) => pattern.trim());
}

function listParams(params: Map<string, unknown>, prefix: string): string[] {
  return [...params.entries()]
    .filter(([name]) => name.startsWith(prefix))
    .map(([, value]) => String(value));
}

/** Documents of the FROM patterns inside the request's time filter and the ?_tstart/?_tend window. */
function inWindow(
  docs: ScenarioDocument[],
  body: EsqlRequestBody,
  params: Map<string, unknown>
): ScenarioDocument[] {
  const patterns = fromPatterns(body.query ?? '');
  const range = body.filter?.range?.['@timestamp'] ?? {};
  const start = params.get('_tstart');
  const end = params.get('_tend');
  return docs.filter((doc) => {
    if (!patterns.some((pattern) => matchesPattern(doc._index, pattern))) return false;
    const time = Date.parse(String(getField(doc._source, '@timestamp')));
    if (range.gt && !(time > Date.parse(range.gt))) return false;
    if (range.gte && !(time >= Date.parse(range.gte))) return false;
    if (range.lt && !(time < Date.parse(range.lt))) return false;
    if (range.lte && !(time <= Date.parse(range.lte))) return false;
    if (typeof start === 'string' && !(time > Date.parse(start))) return false;
    if (typeof end === 'string' && !(time <= Date.parse(end))) return false;
    return true;
  });
}

function isSelected(source: Record<string, unknown>, dataset: Dataset): boolean {
  const selector = DATA_SOURCES[dataset].selectorField;
  if (selector === O365_CATEGORY_FIELD)
    return scalar(getField(source, selector)) === 'ServicePrincipal';
  return scalar(getField(source, selector)) !== undefined;
}

function coalesce(source: Record<string, unknown>, fields: string[]): string | null {
  for (const field of fields) {
    const value = scalar(getField(source, field));
    if (value !== undefined) return value;
  }
  return null;
}

function values(items: Iterable<string>): string | string[] | null {
  const list = [...new Set(items)];
  if (list.length === 0) return null;
  return list.length === 1 ? list[0] : list;
}

function evaluateCoverage(docs: ScenarioDocument[], body: EsqlRequestBody): EsqlResult {
  const params = paramsOf(body);
  const wanted = new Set(listParams(params, 'dataset_'));
  const counts = new Map<string, number>();
  for (const doc of inWindow(docs, body, params)) {
    const dataset = scalar(getField(doc._source, 'event.dataset'));
    if (dataset && wanted.has(dataset)) counts.set(dataset, (counts.get(dataset) ?? 0) + 1);
  }
  return {
    columns: [
      { name: 'event_count', type: 'long' },
      { name: 'event.dataset', type: 'keyword' },
    ],
    values: [...counts.entries()].map(([dataset, count]) => [count, dataset]),
  };
}

interface Group {
  action: string | null;
  key: string | null;
  day: string;
  events: number;
  ips: string[];
  datasets: string[];
  others: string[];
  actions: string[];
}

function evaluateHunt(docs: ScenarioDocument[], body: EsqlRequestBody): EsqlResult {
  const query = body.query ?? '';
  const params = paramsOf(body);
  const datasets = listParams(params, 'dataset_') as Dataset[];
  const cidrs = listParams(params, 'trusted_cidr_');
  const maxDaily = Number(params.get('max_daily'));
  const minIps = Number(params.get('min_ips'));
  const byId = /BY event\.action, service_principal_id,/.test(query);
  const limit = Number(/\| LIMIT (\d+)\s*$/.exec(query)?.[1] ?? 1000);
  const groups = new Map<string, Group>();

  for (const doc of inWindow(docs, body, params)) {
    const source = doc._source;
    const dataset = scalar(getField(source, 'event.dataset')) as Dataset | undefined;
    if (!dataset || !datasets.includes(dataset)) continue;
    if (!datasets.some((candidate) => isSelected(source, candidate))) continue;
    const ip = scalar(getField(source, 'source.ip'));
    if (ip === undefined || cidrs.some((block) => cidrMatch(ip, block))) continue;
    const name = coalesce(source, NAME_COALESCE_ORDER);
    const id = coalesce(source, ID_COALESCE_ORDER);
    const action = scalar(getField(source, 'event.action')) ?? null;
    const day = `${String(getField(source, '@timestamp')).slice(0, 10)}T00:00:00.000Z`;
    const key = byId ? id : name;
    const other = byId ? name : id;
    const groupKey = JSON.stringify([action, key, day]);
    const group = groups.get(groupKey) ?? {
      action,
      key,
      day,
      events: 0,
      ips: [],
      datasets: [],
      others: [],
      actions: [],
    };
    group.events += 1;
    group.ips.push(ip);
    group.datasets.push(dataset);
    if (other !== null) group.others.push(other);
    if (action !== null) group.actions.push(action);
    groups.set(groupKey, group);
  }

  const rows = [...groups.values()]
    .map((group) => ({ group, distinct: new Set(group.ips).size }))
    .filter(({ group, distinct }) => group.events <= maxDaily && distinct >= minIps)
    .sort((a, b) => a.group.events - b.group.events)
    .slice(0, limit);

  return {
    columns: [
      { name: 'event_count', type: 'long' },
      { name: 'ips', type: 'ip' },
      { name: 'distinct_ips', type: 'long' },
      { name: 'datasets', type: 'keyword' },
      { name: byId ? 'service_principal_names' : 'service_principal_ids', type: 'keyword' },
      { name: 'event_actions', type: 'keyword' },
      { name: 'daily_action_count', type: 'long' },
      { name: 'event.action', type: 'keyword' },
      { name: byId ? 'service_principal_id' : 'service_principal_name', type: 'keyword' },
      { name: 'timestamp_day_bucket', type: 'date' },
    ],
    values: rows.map(({ group, distinct }) => [
      group.events,
      values(group.ips),
      distinct,
      values(group.datasets),
      values(group.others),
      values(group.actions),
      group.events,
      group.action,
      group.key,
      group.day,
    ]),
  };
}

export function evaluateEsql(docs: ScenarioDocument[], body: EsqlRequestBody): EsqlResult {
  const query = body.query ?? '';
  if (isPivotQuery(query))
    return evaluatePivot(docs, query, (body.params ?? []) as EsqlNamedParams);
  if (/STATS event_count = COUNT\(\*\) BY event\.dataset/.test(query))
    return evaluateCoverage(docs, body);
  if (/daily_action_count = COUNT\(\)/.test(query)) {
    return evaluateHunt(
      docs,
      body.params?.length ? body : { ...body, params: huntParamsFromInlined(query) }
    );
  }
  throw new UnsupportedQueryError(
    'the demo Elasticsearch only evaluates the queries of this plugin'
  );
}

function fieldType(field: string, value: unknown): string {
  if (field === '@timestamp') return 'date';
  if (field.endsWith('.ip') || field === 'source.ip') return 'ip';
  if (typeof value === 'number') return 'long';
  if (typeof value === 'boolean') return 'boolean';
  return 'keyword';
}

function flatten(
  source: Record<string, unknown>,
  prefix = '',
  out = new Map<string, unknown>()
): Map<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      flatten(value as Record<string, unknown>, path, out);
    else if (!out.has(path)) out.set(path, value);
  }
  return out;
}

/** `_field_caps` over the dataset: which of the requested fields the matched indices map. */
export function fieldCaps(
  docs: ScenarioDocument[],
  patterns: string[],
  requested: string[] | undefined
) {
  const indices = indicesOf(docs, patterns);
  const fields: Record<
    string,
    Record<string, { type: string; searchable: boolean; aggregatable: boolean }>
  > = {};
  for (const doc of docs) {
    if (!indices.has(doc._index)) continue;
    for (const [field, value] of flatten(doc._source)) {
      if (requested && !requested.includes(field) && !requested.includes('*')) continue;
      const type = fieldType(field, Array.isArray(value) ? value[0] : value);
      fields[field] = { [type]: { type, searchable: true, aggregatable: true } };
    }
  }
  return { indices: [...indices].map((index) => `.ds-${index}-2026.11.01-000001`), fields };
}
