/**
 * Queries for the raw events behind a result: for a whole row (action + principal + day) and for
 * one value (a principal's name or id, an IP, an action). They read the same sources with the same
 * dataset filter and the same name/id derivation as the hunt, so a pivot finds exactly what the
 * hunt counted. Values come from the data (an attacker can name a service principal anything), so
 * they travel as params and are inlined only through the shared escaping.
 *
 * A field can hold several values (an event with two actions, two caller addresses, a principal
 * logged under two names). The hunt's `STATS … BY` counts such an event under each value, but
 * `field == value` is null for a multi-value in ES|QL, so a pivot compares with
 * `MV_CONTAINS(field, value)` (ES|QL 9.2+, technical preview, like the alternative `MV_EXPAND`):
 * true when any of the field's values is the value, keeping one row per event with all its values
 * intact, which an analyst needs to read the event.
 */
import {
  fromClause,
  huntSelectionStages,
  joinStages,
  ParamList,
  pinnedTimeOverrides,
  planDatasets,
  sourceIpCondition,
  timeCondition,
} from './build_hunt_query';
import {
  ACTION_FIELD,
  DATASET_FIELD,
  EVENT_DETAIL_FIELDS,
  SOURCE_IP_FIELD,
  TIMESTAMP_FIELD,
} from './data_sources';
import { isIpv4, isIpv6 } from './cidr';
import { benignPrincipalCondition, cidrBlocks, type AllowlistMatch } from './allowlist';
import { escapeEsqlString, esqlField, inlineEsqlParams, type EsqlNamedParams } from './esql_text';
import type { HuntParams } from './hunt_params';
import { rowPrincipal, type HuntRow } from './shape_results';
import type { ResolvedTimeRange, TimeRange } from './time_range';

/** A pivot shows raw events; more than this is a query to refine in Discover, not to read here. */
export const PIVOT_EVENT_LIMIT = 1_000;
const DAY_MS = 86_400_000;
/** Columns the pivot computes itself (the hunt's EVAL), so they exist whatever the mappings. */
const DERIVED_COLUMNS = new Set(['service_principal_name', 'service_principal_id']);

export type PivotValueKind =
  'service_principal_name' | 'service_principal_id' | 'source.ip' | 'event.action';
export const PIVOT_VALUE_KINDS: PivotValueKind[] = [
  'service_principal_name',
  'service_principal_id',
  'source.ip',
  'event.action',
];

export interface PivotQuery {
  query: string;
  params: EsqlNamedParams;
  filter: { range: Record<string, Record<string, string>> };
  inlined: string;
  /** The window to open Discover on: the instants, never `now-…`, so the link does not drift. */
  timeRange: TimeRange;
}

export interface RowKey {
  day: string;
  action: string | null;
  /** The group key's value: the name or the id, per `group_by`. */
  principal: string | null;
}

export function rowKey(row: HuntRow, groupBy: HuntParams['group_by']): RowKey | undefined {
  if (!row.day) return undefined;
  return {
    day: row.day,
    action: row.action,
    principal: rowPrincipal(row, groupBy),
  };
}

/** The columns an analyst reads first, in reading order, keeping only those that exist. */
function keepStage(availableFields: ReadonlySet<string>): string {
  const [outcome, ...geo] = EVENT_DETAIL_FIELDS;
  const columns = [
    TIMESTAMP_FIELD,
    DATASET_FIELD,
    ACTION_FIELD,
    outcome,
    'service_principal_name',
    'service_principal_id',
    SOURCE_IP_FIELD,
    ...geo,
  ].filter((column) => DERIVED_COLUMNS.has(column) || availableFields.has(column));
  return `KEEP ${columns.map(esqlField).join(', ')}`;
}

/**
 * `column` holds `value` among its values. MV_CONTAINS reads an empty keyword as null, and a null
 * subset is contained in everything, so the empty string is matched as the smallest value instead:
 * an event holding "" has it as its minimum.
 */
function contains(column: string, value: string, params: ParamList, name: string): string {
  const param = params.add(name, value);
  return value === '' ? `MV_MIN(${column}) == ${param}` : `MV_CONTAINS(${column}, ${param})`;
}

function containsOrNull(
  column: string,
  value: string | null,
  params: ParamList,
  name: string
): string {
  return value === null ? `${column} IS NULL` : contains(column, value, params, name);
}

function valueCondition(kind: PivotValueKind, value: string, params: ParamList): string {
  if (kind === 'source.ip') {
    const ip = esqlField(SOURCE_IP_FIELD);
    // A value that is not an address still pivots, compared as text, instead of failing TO_IP.
    return isIpv4(value) || isIpv6(value)
      ? `MV_CONTAINS(${ip}, TO_IP(${params.add('value', value)}))`
      : contains(`TO_STRING(${ip})`, value, params, 'value');
  }
  return contains(kind === 'event.action' ? esqlField(ACTION_FIELD) : kind, value, params, 'value');
}

function assemble(
  hunt: HuntParams,
  availableFields: ReadonlySet<string>,
  params: ParamList,
  timeStage: string,
  conditions: string[],
  filter: PivotQuery['filter'],
  timeRange: TimeRange,
  overrides: Record<string, string>,
  limit = PIVOT_EVENT_LIMIT
): PivotQuery | undefined {
  const { datasets } = planDatasets(hunt.datasets, availableFields);
  if (datasets.length === 0) return undefined;
  const stages = [
    fromClause(hunt.index_patterns),
    timeStage,
    ...huntSelectionStages(datasets, availableFields, params),
    ...conditions.map((condition) => `WHERE ${condition}`),
    keepStage(availableFields),
    `SORT ${esqlField(TIMESTAMP_FIELD)} DESC`,
    `LIMIT ${limit}`,
  ];
  const query = joinStages(stages);
  return {
    query,
    params: params.entries,
    filter,
    inlined: inlineEsqlParams(query, params.entries, overrides),
    timeRange,
  };
}

/**
 * The events one result row counted: its day, action and principal, after the hunt's IP filter.
 * The day is clamped to the hunt's window (`{ start, end }` as the hunt resolved it), since on the
 * window's first and last day the hunt counted only part of the day. The hunt keeps
 * `start < @timestamp <= end`, so a window starting exactly at the row's midnight excludes an
 * event at 00:00:00.000, and so does the pivot.
 */
export function buildRowPivot(
  hunt: HuntParams,
  key: RowKey,
  availableFields: ReadonlySet<string>,
  window?: { start: string; end: string },
  /** Rows to ask for: the flyout asks one more than it shows (`probeLimit`) to know it was cut. */
  limit = PIVOT_EVENT_LIMIT,
  /** The benign entries the hunt applied: the row counted none of their events. */
  allowlist: readonly AllowlistMatch[] = []
): PivotQuery | undefined {
  const dayStart = new Date(key.day);
  if (Number.isNaN(dayStart.getTime())) return undefined;
  const day = dayStart.toISOString();
  const dayEnd = new Date(dayStart.getTime() + DAY_MS).toISOString();
  // A clamped end keeps the hunt's own bounds (after the start, up to and including the end); a
  // whole day is [midnight, next midnight).
  const clampStart = !!window && Date.parse(window.start) >= dayStart.getTime();
  const clampEnd = !!window && Date.parse(window.end) < dayStart.getTime() + DAY_MS;
  const start = clampStart && window ? window.start : day;
  const end = clampEnd && window ? window.end : dayEnd;
  const [startOp, startKey] = clampStart ? ['>', 'gt'] : ['>=', 'gte'];
  const [endOp, endKey] = clampEnd ? ['<=', 'lte'] : ['<', 'lt'];
  const params = new ParamList();
  const ts = esqlField(TIMESTAMP_FIELD);
  const timeStage = `WHERE ${ts} ${startOp} ${params.add('_tstart', start)} AND ${ts} ${endOp} ${params.add('_tend', end)}`;
  const principalColumn =
    hunt.group_by === 'name' ? 'service_principal_name' : 'service_principal_id';
  const applied = hunt.include_hidden ? [] : allowlist;
  const benignPrincipals = benignPrincipalCondition(applied, params);
  const conditions = [
    sourceIpCondition(hunt.trusted_cidrs, params, cidrBlocks(applied)),
    ...(benignPrincipals ? [benignPrincipals] : []),
    `timestamp_day_bucket == TO_DATETIME(${params.add('day', day)})`,
    containsOrNull(esqlField(ACTION_FIELD), key.action, params, 'action'),
    containsOrNull(principalColumn, key.principal, params, 'principal'),
  ];
  return assemble(
    hunt,
    availableFields,
    params,
    timeStage,
    conditions,
    {
      range: {
        [TIMESTAMP_FIELD]: {
          [startKey]: start,
          [endKey]: end,
          format: 'strict_date_optional_time',
        },
      },
    },
    { from: start, to: end },
    {
      _tstart: `TO_DATETIME(${escapeEsqlString(start)})`,
      _tend: `TO_DATETIME(${escapeEsqlString(end)})`,
    },
    limit
  );
}

/**
 * Every event of one value in the run's window, from the hunt's sources. Both bounds are stated
 * as the run's instants (`start < @timestamp <= end`, the hunt's own), so the pivot reads the same
 * events as sent now and when its inlined form is opened in Discover next month.
 */
export function buildValuePivot(
  hunt: HuntParams,
  kind: PivotValueKind,
  value: string,
  time: Pick<ResolvedTimeRange, 'start' | 'end'>,
  availableFields: ReadonlySet<string>
): PivotQuery | undefined {
  const params = new ParamList();
  const timeStage = `WHERE ${timeCondition({ from: time.start, to: time.end, ...time }, params, true)}`;
  return assemble(
    hunt,
    availableFields,
    params,
    timeStage,
    [valueCondition(kind, value, params)],
    {
      range: {
        [TIMESTAMP_FIELD]: { gt: time.start, lte: time.end, format: 'strict_date_optional_time' },
      },
    },
    { from: time.start, to: time.end },
    pinnedTimeOverrides(time)
  );
}
