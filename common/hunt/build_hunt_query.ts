import {
  ACTION_FIELD,
  AZURE_SELECTOR_ORDER,
  COMMON_FIELDS,
  DATASETS,
  DATASET_FIELD,
  DATA_SOURCES,
  ID_COALESCE_ORDER,
  NAME_COALESCE_ORDER,
  O365_CATEGORY_FIELD,
  SOURCE_IP_FIELD,
  TIMESTAMP_FIELD,
  type Dataset,
} from './data_sources';
import {
  esqlField,
  escapeEsqlString,
  inlineEsqlParams,
  type EsqlNamedParams,
  type EsqlParamValue,
} from './esql_text';
import type { HuntParams } from './hunt_params';
import { benignPrincipalCondition, cidrBlocks, type AllowlistMatch } from './allowlist';
import { probeLimit } from './result_notes';
import { relativeEsqlExpression, type ResolvedTimeRange } from './time_range';

/** The o365 branch selects service principals by this audit category (the seed's literal). */
const O365_SERVICE_PRINCIPAL_CATEGORY = 'ServicePrincipal';

export const PARAM_START = '_tstart';
export const PARAM_END = '_tend';
export const PARAM_MAX_DAILY = 'max_daily';
export const PARAM_MIN_IPS = 'min_ips';

export type SkipReason = 'not_selected' | 'missing_fields';
export interface SkippedDataset {
  dataset: Dataset;
  reason: SkipReason;
  /** For `missing_fields`: the fields no matched index maps. */
  missingFields: string[];
}

/** A range filter on @timestamp, sent beside the query so Elasticsearch skips other shards early. */
export interface TimestampRangeFilter {
  range: Record<string, { gt: string; lte: string; format: 'strict_date_optional_time' }>;
}

export interface BuiltQuery {
  /** The parameterised text: what the server sends. */
  query: string;
  params: EsqlNamedParams;
  filter: TimestampRangeFilter;
  /** The same query with every param written as its literal: what the analyst reads. */
  inlined: string;
}

export interface BuiltHuntQuery extends BuiltQuery {
  /**
   * The inlined query with the window stated as its two instants (both bounds): what Discover
   * links, saved Discover sessions and cases carry, so they show these rows whenever opened.
   */
  pinned: string;
  datasets: Dataset[];
  skipped: SkippedDataset[];
  /**
   * Datasets whose events carry no service principal name: grouped by name, all their principals
   * fall under one empty name (the seed's behaviour), so the page suggests grouping by id.
   */
  namelessDatasets: Dataset[];
}

export type BuildHuntQueryResult =
  | { ok: true; hunt: BuiltHuntQuery }
  | { ok: false; reason: 'no_common_fields'; missingFields: string[]; skipped: SkippedDataset[] }
  | { ok: false; reason: 'no_data_sources'; missingFields: string[]; skipped: SkippedDataset[] };

/** Collects named params in order and hands back the `?name` to write in the text. */
export class ParamList {
  readonly entries: EsqlNamedParams = [];

  add(name: string, value: EsqlParamValue): string {
    this.entries.push({ [name]: value });
    return `?${name}`;
  }
}

export function timestampFilter(time: ResolvedTimeRange): TimestampRangeFilter {
  return {
    range: {
      [TIMESTAMP_FIELD]: { gt: time.start, lte: time.end, format: 'strict_date_optional_time' },
    },
  };
}

/**
 * The time window as a WHERE condition: `@timestamp > ?_tstart`, plus an upper bound unless the
 * window ends now (the seed's form; the request's filter bounds it then). `bounded` always states
 * both bounds, as a query that leaves the page must. Inlined, a relative start reads
 * `now() - 30 day`.
 */
export function timeCondition(time: ResolvedTimeRange, params: ParamList, bounded = false): string {
  const ts = esqlField(TIMESTAMP_FIELD);
  const start = `${ts} > ${params.add(PARAM_START, time.start)}`;
  if (time.to === 'now' && !bounded) return start;
  return `${start} AND ${ts} <= ${params.add(PARAM_END, time.end)}`;
}

/** How each time param reads when inlined: a relative expression where one exists. */
export function timeOverrides(time: ResolvedTimeRange): Record<string, string> {
  const overrides: Record<string, string> = {};
  const from = relativeEsqlExpression(time.from);
  const to = relativeEsqlExpression(time.to);
  overrides[PARAM_START] = from ?? `TO_DATETIME(${escapeEsqlString(time.start)})`;
  overrides[PARAM_END] = to ?? `TO_DATETIME(${escapeEsqlString(time.end)})`;
  return overrides;
}

/**
 * The time params written as the run's two instants: a pinned query reads the same window
 * whenever it runs, where `now() - 30 day` would move with the clock.
 */
export function pinnedTimeOverrides(
  time: Pick<ResolvedTimeRange, 'start' | 'end'>
): Record<string, string> {
  return {
    [PARAM_START]: `TO_DATETIME(${escapeEsqlString(time.start)})`,
    [PARAM_END]: `TO_DATETIME(${escapeEsqlString(time.end)})`,
  };
}

export function fromClause(indexPatterns: string[]): string {
  // Patterns were checked against INDEX_PATTERN by the schema; they cannot be params.
  return `FROM ${indexPatterns.join(', ')}`;
}

function coalesce(fields: string[]): string {
  if (fields.length === 0) return 'TO_STRING(NULL)';
  return `COALESCE(\n    ${fields.map(esqlField).join(',\n    ')}\n  )`;
}

function selectorCondition(datasets: Dataset[]): string {
  const azure = AZURE_SELECTOR_ORDER.filter((dataset) => datasets.includes(dataset)).map(
    (dataset) => `${esqlField(DATA_SOURCES[dataset].selectorField)} IS NOT NULL`
  );
  const parts: string[] = [];
  if (azure.length > 0) parts.push(`(${azure.join(' OR\n     ')})`);
  if (datasets.includes('o365.audit')) {
    parts.push(
      `${esqlField(O365_CATEGORY_FIELD)} == ${escapeEsqlString(O365_SERVICE_PRINCIPAL_CATEGORY)}`
    );
  }
  return `(\n    ${parts.join(' OR\n    ')}\n  )`;
}

/** Which datasets can run: chosen by the analyst and with their selector field mapped. */
export function planDatasets(
  chosen: readonly Dataset[],
  availableFields: ReadonlySet<string>
): { datasets: Dataset[]; skipped: SkippedDataset[] } {
  const datasets: Dataset[] = [];
  const skipped: SkippedDataset[] = [];
  for (const dataset of DATASETS) {
    const source = DATA_SOURCES[dataset];
    if (!chosen.includes(dataset)) {
      skipped.push({ dataset, reason: 'not_selected', missingFields: [] });
      continue;
    }
    const missingFields = [source.selectorField, ...source.nameFields, ...source.idFields].filter(
      (field, index, all) => !availableFields.has(field) && all.indexOf(field) === index
    );
    if (!availableFields.has(source.selectorField)) {
      skipped.push({ dataset, reason: 'missing_fields', missingFields });
      continue;
    }
    datasets.push(dataset);
  }
  return { datasets, skipped };
}

/** The fields of the chosen datasets that exist, in the seed's COALESCE order. */
function derivationFields(
  order: string[],
  datasets: Dataset[],
  pick: (dataset: Dataset) => string[],
  availableFields: ReadonlySet<string>
): string[] {
  const contributed = new Set(datasets.flatMap(pick));
  return order.filter((field) => contributed.has(field) && availableFields.has(field));
}

/**
 * The name/id derivation and the data-source selection shared by the hunt and its pivots, so a
 * pivot finds exactly the events a row counted.
 */
export function huntSelectionStages(
  datasets: Dataset[],
  availableFields: ReadonlySet<string>,
  params: ParamList
): string[] {
  const datasetList = datasets.map((dataset, index) => params.add(`dataset_${index}`, dataset));
  const nameFields = derivationFields(
    NAME_COALESCE_ORDER,
    datasets,
    (dataset) => DATA_SOURCES[dataset].nameFields,
    availableFields
  );
  const idFields = derivationFields(
    ID_COALESCE_ORDER,
    datasets,
    (dataset) => DATA_SOURCES[dataset].idFields,
    availableFields
  );
  return [
    `WHERE\n  ${esqlField(DATASET_FIELD)} in (${datasetList.join(', ')})\n  AND ${selectorCondition(datasets)}`,
    `EVAL\n  service_principal_name = ${coalesce(nameFields)},\n  service_principal_id = ${coalesce(idFields)},\n  timestamp_day_bucket = DATE_TRUNC(1 day, ${esqlField(TIMESTAMP_FIELD)})`,
  ];
}

/**
 * An event's addresses are checked one by one up to this many (MV_SLICE by position); an event
 * with more keeps counting even if every address is trusted. Entra ID logs one caller address per
 * event, so several are already rare (a proxy chain) and more than four is not a trusted egress.
 */
export const MAX_ADDRESSES_CHECKED = 4;

/**
 * The condition that drops events without an IP and, when ranges are trusted (the analyst's
 * trusted ranges and the allowlist's CIDR entries alike), the events whose every address is
 * trusted. `CIDR_MATCH` takes one address and is null (with a warning) for a multi-value, so
 * `NOT CIDR_MATCH(source.ip, …)` would drop every event with several addresses, trusted or not;
 * instead each address is read by position with `MV_SLICE` and the event is dropped only when all
 * of them match. A kept event keeps all its addresses, the trusted ones too, in `ips` and
 * `distinct_ips`: the row describes its events as they are, and its pivot shows the same
 * addresses.
 */
export function sourceIpCondition(
  trustedCidrs: readonly string[],
  params: ParamList,
  allowlistCidrs: readonly string[] = []
): string {
  const ip = esqlField(SOURCE_IP_FIELD);
  if (trustedCidrs.length === 0 && allowlistCidrs.length === 0) return `${ip} IS NOT NULL`;
  const blocks = [
    ...trustedCidrs.map((cidr, index) => params.add(`trusted_cidr_${index}`, cidr)),
    ...allowlistCidrs.map((cidr, index) => params.add(`allowlist_cidr_${index}`, cidr)),
  ].join(', ');
  return `${ip} IS NOT NULL AND NOT ${everyAddressIn(ip, blocks)}`;
}

/**
 * True when each of the event's addresses (up to MAX_ADDRESSES_CHECKED, read by position) lies in
 * one of `blocks` (params already written as text); null or false otherwise.
 */
export function everyAddressIn(ip: string, blocks: string): string {
  const positions = Array.from({ length: MAX_ADDRESSES_CHECKED }, (_unused, position) =>
    position === 0
      ? `CIDR_MATCH(MV_SLICE(${ip}, 0), ${blocks})`
      : `COALESCE(CIDR_MATCH(MV_SLICE(${ip}, ${position}), ${blocks}), true)`
  );
  return [
    '(',
    `    MV_COUNT(${ip}) <= ${MAX_ADDRESSES_CHECKED}`,
    ...positions.map((condition) => `    AND ${condition}`),
    '  )',
  ].join('\n');
}

export function statsStage(groupBy: HuntParams['group_by']): string {
  const ip = esqlField(SOURCE_IP_FIELD);
  const other =
    groupBy === 'name'
      ? 'service_principal_ids = VALUES(service_principal_id)'
      : 'service_principal_names = VALUES(service_principal_name)';
  const key = groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
  return [
    'STATS',
    '  event_count = COUNT(),',
    `  ips = VALUES(${ip}),`,
    `  distinct_ips = COUNT_DISTINCT(${ip}),`,
    `  datasets = VALUES(${esqlField(DATASET_FIELD)}),`,
    `  ${other},`,
    `  event_actions = VALUES(${esqlField(ACTION_FIELD)}),`,
    '  daily_action_count = COUNT()',
    `  BY ${esqlField(ACTION_FIELD)}, ${key}, timestamp_day_bucket`,
  ].join('\n');
}

export function joinStages(stages: string[]): string {
  return stages.join('\n| ');
}

/**
 * Builds the hunt for the fields that exist. Thresholds, datasets, CIDRs and the time window are
 * named params; index patterns (validated) and the row limit (a validated integer: LIMIT takes no
 * param) are written into the text. LIMIT asks for one row more than the limit (`probeLimit`), so
 * a cut result is known for certain rather than guessed from a full page.
 */
/** One result row of the hunt, by its group keys (the action, the principal, the day). */
export interface FindingKey {
  day: string;
  action: string | null;
  /** The group key's value: the name or the id, per `group_by`. */
  principal: string | null;
}

export interface BuildHuntQueryOptions {
  /**
   * Keep only these result rows (the findings added to a case): a WHERE on the group keys after
   * the thresholds, so the query returns exactly those rows, counted as the hunt counted them.
   */
  findings?: readonly FindingKey[];
  /**
   * The space's active benign entries (allowlist.ts): their events are left out, the principals'
   * by a WHERE, the CIDR blocks' with the trusted ranges. Ignored with `include_hidden`.
   */
  allowlist?: readonly AllowlistMatch[];
}

function keyCondition(column: string, value: string | null, params: ParamList, name: string) {
  return value === null ? `${column} IS NULL` : `${column} == ${params.add(name, value)}`;
}

/** The findings as one condition over the STATS keys, one parenthesised group per row. */
function findingsCondition(
  findings: readonly FindingKey[],
  groupBy: HuntParams['group_by'],
  params: ParamList
): string {
  const principal = groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
  const rows = findings.map((finding, index) =>
    [
      keyCondition(esqlField(ACTION_FIELD), finding.action, params, `finding_${index}_action`),
      keyCondition(principal, finding.principal, params, `finding_${index}_principal`),
      `timestamp_day_bucket == TO_DATETIME(${params.add(`finding_${index}_day`, finding.day)})`,
    ].join(' AND ')
  );
  return rows.map((row) => `(${row})`).join(' OR\n  ');
}

export function buildHuntQuery(
  hunt: HuntParams,
  time: ResolvedTimeRange,
  availableFields: ReadonlySet<string>,
  options: BuildHuntQueryOptions = {}
): BuildHuntQueryResult {
  const { datasets, skipped } = planDatasets(hunt.datasets, availableFields);
  const missingCommon = COMMON_FIELDS.filter((field) => !availableFields.has(field));
  if (missingCommon.length > 0) {
    return { ok: false, reason: 'no_common_fields', missingFields: missingCommon, skipped };
  }
  if (datasets.length === 0) {
    const missingFields = skipped.flatMap((entry) => entry.missingFields);
    return { ok: false, reason: 'no_data_sources', missingFields, skipped };
  }

  const render = (bounded: boolean) => {
    const params = new ParamList();
    const findings = options.findings?.length
      ? [`WHERE\n  ${findingsCondition(options.findings, hunt.group_by, params)}`]
      : [];
    const allowlist = hunt.include_hidden ? [] : (options.allowlist ?? []);
    const benignPrincipals = benignPrincipalCondition(allowlist, params);
    const stages = [
      fromClause(hunt.index_patterns),
      `WHERE ${timeCondition(time, params, bounded)}`,
      ...huntSelectionStages(datasets, availableFields, params),
      `WHERE ${sourceIpCondition(hunt.trusted_cidrs, params, cidrBlocks(allowlist))}`,
      ...(benignPrincipals ? [`WHERE ${benignPrincipals}`] : []),
      statsStage(hunt.group_by),
      `WHERE (daily_action_count <= ${params.add(PARAM_MAX_DAILY, hunt.max_daily_actions)} and distinct_ips >= ${params.add(PARAM_MIN_IPS, hunt.min_distinct_ips)})`,
      ...findings,
      'SORT daily_action_count ASC',
      // The query sent asks for one row more than the analyst's limit: getting it proves the
      // result was cut. The pinned query, which analysts read in Discover, a session and a case,
      // asks for the limit they chose.
      `LIMIT ${bounded ? Math.trunc(hunt.limit) : probeLimit(Math.trunc(hunt.limit))}`,
    ];
    return { query: joinStages(stages), params };
  };
  const { query, params } = render(false);
  const pinned = render(true);
  const namelessDatasets =
    hunt.group_by === 'name'
      ? datasets.filter((dataset) => DATA_SOURCES[dataset].nameFields.length === 0)
      : [];
  return {
    ok: true,
    hunt: {
      query,
      params: params.entries,
      filter: timestampFilter(time),
      inlined: inlineEsqlParams(query, params.entries, timeOverrides(time)),
      pinned: inlineEsqlParams(pinned.query, pinned.params.entries, pinnedTimeOverrides(time)),
      datasets,
      skipped,
      namelessDatasets,
    },
  };
}
