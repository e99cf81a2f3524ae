/**
 * The triage's two extra queries, run as the analyst after the hunt's rows arrive:
 *
 * - **Prevalence** (where from, how common): over the hunt's own window, sources and principal
 *   derivation, for each address the rows name, how many events and principals carry it, which
 *   principals they are, and the country and network enrichment attached to it.
 * - **Baseline** (how new): over the days before the window, for each principal the rows name,
 *   which addresses and actions it had.
 *
 * Addresses and principals come from the rows (attacker-controlled data), so they travel as named
 * params. Both queries read the hunt's sources through `huntSelectionStages`, so "principal" means
 * exactly what it means in a row.
 */
import { ACTION_FIELD, SOURCE_IP_FIELD, TIMESTAMP_FIELD } from './data_sources';
import {
  fromClause,
  huntSelectionStages,
  joinStages,
  ParamList,
  planDatasets,
  type BuiltQuery,
} from './build_hunt_query';
import { escapeEsqlString, esqlField, inlineEsqlParams } from './esql_text';
import type { HuntParams } from './hunt_params';
import type { ResolvedTimeRange } from './time_range';

const DAY_MS = 86_400_000;

/** Enrichment fields the prevalence query reads when some index maps them. */
export const GEO_FIELDS = {
  country_code: 'source.geo.country_iso_code',
  country_name: 'source.geo.country_name',
  as_org: 'source.as.organization.name',
  as_number: 'source.as.number',
} as const;
export type GeoColumn = keyof typeof GEO_FIELDS;
export const GEO_COLUMNS = Object.keys(GEO_FIELDS) as GeoColumn[];

export const PARAM_BASELINE_START = '_bstart';
export const PARAM_BASELINE_END = '_bend';

function principalColumn(groupBy: HuntParams['group_by']): string {
  return groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
}

function windowStage(
  startName: string,
  start: string,
  endName: string,
  end: string,
  params: ParamList
): string {
  const ts = esqlField(TIMESTAMP_FIELD);
  return `WHERE ${ts} > ${params.add(startName, start)} AND ${ts} <= ${params.add(endName, end)}`;
}

function rangeFilter(start: string, end: string): BuiltQuery['filter'] {
  return {
    range: { [TIMESTAMP_FIELD]: { gt: start, lte: end, format: 'strict_date_optional_time' } },
  };
}

function statsStage(aggregates: string[], by: string[]): string {
  return `STATS\n  ${aggregates.join(',\n  ')}\n  BY ${by.join(', ')}`;
}

function finish(
  stages: string[],
  params: ParamList,
  filter: BuiltQuery['filter'],
  overrides: Record<string, string>
): BuiltQuery {
  const query = joinStages(stages);
  return {
    query,
    params: params.entries,
    filter,
    inlined: inlineEsqlParams(query, params.entries, overrides),
  };
}

/** The baseline: the `baseline_days` before the hunt window's start, end included. */
export function baselineWindow(
  time: ResolvedTimeRange,
  baselineDays: number
): { start: string; end: string } {
  const end = Date.parse(time.start);
  return { start: new Date(end - baselineDays * DAY_MS).toISOString(), end: time.start };
}

/**
 * Per address of `ips`, in the hunt window: events, principals (each value of a principal logged
 * under two names counts, as in the hunt's groups; COUNT_DISTINCT is exact well past the shared
 * threshold, below its default precision of 3,000), the principals themselves, and the enrichment.
 * One STATS by address: a second level by principal would count such an event twice. An event's enrichment describes its one address, so
 * it is read only from events with one address: a proxy chain's geo would be credited to the
 * wrong hop.
 */
export function buildPrevalenceQuery(
  hunt: HuntParams,
  time: ResolvedTimeRange,
  availableFields: ReadonlySet<string>,
  ips: readonly string[]
): BuiltQuery | undefined {
  const { datasets } = planDatasets(hunt.datasets, availableFields);
  if (datasets.length === 0 || ips.length === 0 || !availableFields.has(SOURCE_IP_FIELD)) {
    return undefined;
  }
  const params = new ParamList();
  const ip = esqlField(SOURCE_IP_FIELD);
  const principal = principalColumn(hunt.group_by);
  const geo = GEO_COLUMNS.filter((column) => availableFields.has(GEO_FIELDS[column]));
  const addressList = ips.map((value, index) => `TO_IP(${params.add(`ip_${index}`, value)})`);
  const stages = [
    fromClause(hunt.index_patterns),
    windowStage('_tstart', time.start, '_tend', time.end, params),
    ...huntSelectionStages(datasets, availableFields, params),
    `WHERE ${ip} IS NOT NULL`,
  ];
  if (geo.length > 0) {
    stages.push(
      `EVAL\n  one_address = MV_COUNT(${ip}) == 1,\n${geo
        .map((column) => `  ${column} = CASE(one_address, ${esqlField(GEO_FIELDS[column])})`)
        .join(',\n')}`
    );
  }
  const inList = `${ip} IN (${addressList.join(', ')})`;
  stages.push(
    // Most events carry one address, read by IN directly; only multi-address events (for which
    // IN is null) are expanded before the same test, so the expansion stays small.
    `WHERE MV_COUNT(${ip}) > 1 OR ${inList}`,
    `MV_EXPAND ${ip}`,
    `WHERE ${inList}`,
    statsStage(
      [
        'events = COUNT()',
        `principals = COUNT_DISTINCT(${principal})`,
        `principal_values = VALUES(${principal})`,
        ...geo.map((column) => `${column} = VALUES(${column})`),
      ],
      [ip]
    ),
    `LIMIT ${ips.length}`
  );
  return finish(stages, params, rangeFilter(time.start, time.end), {
    _tstart: `TO_DATETIME(${escapeEsqlString(time.start)})`,
    _tend: `TO_DATETIME(${escapeEsqlString(time.end)})`,
  });
}

/**
 * Per principal of `principals`, in the baseline before the window: its addresses and actions and
 * its first event. The principal column is expanded before the filter, because `IN` is null for a
 * multi-value and the hunt counts a principal logged under two names under each.
 */
export function buildBaselineQuery(
  hunt: HuntParams,
  time: ResolvedTimeRange,
  availableFields: ReadonlySet<string>,
  principals: readonly string[]
): BuiltQuery | undefined {
  const { datasets } = planDatasets(hunt.datasets, availableFields);
  if (datasets.length === 0 || principals.length === 0) return undefined;
  const params = new ParamList();
  const principal = principalColumn(hunt.group_by);
  const baseline = baselineWindow(time, hunt.baseline_days);
  const names = principals.map((value, index) => params.add(`principal_${index}`, value));
  const stages = [
    fromClause(hunt.index_patterns),
    windowStage(PARAM_BASELINE_START, baseline.start, PARAM_BASELINE_END, baseline.end, params),
    ...huntSelectionStages(datasets, availableFields, params),
    // As for addresses: one-name events are tested directly, multi-name events expanded first.
    `WHERE MV_COUNT(${principal}) > 1 OR ${principal} IN (${names.join(', ')})`,
    `MV_EXPAND ${principal}`,
    `WHERE ${principal} IN (${names.join(', ')})`,
    statsStage(
      [
        'events = COUNT()',
        `ips = VALUES(${esqlField(SOURCE_IP_FIELD)})`,
        `actions = VALUES(${esqlField(ACTION_FIELD)})`,
        `first_seen = MIN(${esqlField(TIMESTAMP_FIELD)})`,
      ],
      [principal]
    ),
    `LIMIT ${principals.length}`,
  ];
  return finish(stages, params, rangeFilter(baseline.start, baseline.end), {
    [PARAM_BASELINE_START]: `TO_DATETIME(${escapeEsqlString(baseline.start)})`,
    [PARAM_BASELINE_END]: `TO_DATETIME(${escapeEsqlString(baseline.end)})`,
  });
}
