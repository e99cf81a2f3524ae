/**
 * How the space's allowlist entries act on the hunt. A `benign` entry makes events benign: the
 * events of a principal (by name or id; of one action when it names one), or the events whose every
 * address lies in a CIDR block (read as the analyst's trusted ranges are). The hunt counts the
 * other events, so a row whose every event is benign disappears, and a row may lose some events.
 * Every value travels as an ES|QL named param. `reviewed` entries change no query: the page badges
 * the rows they match.
 *
 * Hidden rows are counted honestly by a second query over the same window: per row key, the
 * events with and without the benign ones, and the rows the hunt would show without entries but
 * does not show with them, each with the entries whose events it held.
 */
import { isActive, type Entry } from '../entries';
import {
  fromClause,
  huntSelectionStages,
  joinStages,
  ParamList,
  PARAM_MAX_DAILY,
  PARAM_MIN_IPS,
  planDatasets,
  sourceIpCondition,
  timeCondition,
  timeOverrides,
  timestampFilter,
  type BuiltQuery,
  everyAddressIn,
} from './build_hunt_query';
import { ACTION_FIELD, COMMON_FIELDS, SOURCE_IP_FIELD } from './data_sources';
import { esqlField, inlineEsqlParams } from './esql_text';
import type { HuntParams } from './hunt_params';
import { probeLimit } from './result_notes';
import {
  readRecords,
  rowPrincipal,
  toArray,
  type EsqlResponseLike,
  type HuntRow,
} from './shape_results';
import type { ResolvedTimeRange } from './time_range';
import { cidrContains } from './cidr';

/** What one benign entry matches: the part of an entry the queries read. */
export interface AllowlistMatch {
  id: string;
  principal: string | null;
  principal_field: 'name' | 'id';
  action: string | null;
  cidr: string | null;
}

/** The entries a hunt applied, as the hunt response reports them. */
export interface AppliedAllowlist {
  /** The active benign entries the query applied (none with `include_hidden`). */
  applied: AllowlistMatch[];
  /** Active benign entries of the space when the hunt ran. */
  benign_entries: number;
  include_hidden: boolean;
  /** Set when the entries could not be read: the hunt ran without them. */
  error?: string;
}

export const NO_ALLOWLIST: AppliedAllowlist = {
  applied: [],
  benign_entries: 0,
  include_hidden: false,
};

/** The active benign entries, as the queries read them. */
export function benignMatches(entries: readonly Entry[], now: Date): AllowlistMatch[] {
  return entries
    .filter((entry) => entry.kind === 'benign' && isActive(entry, now))
    .map(({ id, principal, principal_field, action, cidr }) => ({
      id,
      principal,
      principal_field,
      action,
      cidr,
    }));
}

const PRINCIPAL_COLUMNS = { name: 'service_principal_name', id: 'service_principal_id' } as const;

/**
 * An event of the entry's principal (and action): any of its values, since a field can hold
 * several and `==` is null for a multi-value; MV_CONTAINS of a null field is false.
 */
function principalCondition(match: AllowlistMatch, index: number, params: ParamList): string {
  const principal = `MV_CONTAINS(${PRINCIPAL_COLUMNS[match.principal_field]}, ${params.add(
    `allowlist_principal_${index}`,
    match.principal ?? ''
  )})`;
  if (match.action === null) return principal;
  return `${principal} AND MV_CONTAINS(${esqlField(ACTION_FIELD)}, ${params.add(
    `allowlist_action_${index}`,
    match.action
  )})`;
}

const principalMatches = (matches: readonly AllowlistMatch[]) =>
  matches.filter((match) => match.principal !== null);
export const cidrBlocks = (matches: readonly AllowlistMatch[]): string[] =>
  matches.flatMap((match) => (match.cidr === null ? [] : [match.cidr]));

/**
 * The hunt's WHERE that drops the events of benign principals; null when no entry names one. A
 * condition that is null (a missing field) counts as not benign, so the event stays.
 */
export function benignPrincipalCondition(
  matches: readonly AllowlistMatch[],
  params: ParamList
): string | null {
  const principals = principalMatches(matches);
  if (principals.length === 0) return null;
  const conditions = principals.map(
    (match, index) => `(${principalCondition(match, index, params)})`
  );
  return `NOT COALESCE(\n    ${conditions.join(' OR\n    ')},\n    false\n  )`;
}

/** A row the hunt would show without entries but not with them, and the entries behind it. */
export interface HiddenRow {
  day: string | null;
  action: string | null;
  principal: string | null;
  /** Ids of the entries whose events the row held; `cidrs` for ranges together. */
  entry_ids: string[];
}

/** The marker for events benign only by several CIDR entries together. */
export const SEVERAL_RANGES = 'cidrs';

/**
 * The rows the entries hide. Per row key it counts the events without the benign ones (as the
 * hunt does) and with them (as the hunt would without entries); a row passes the thresholds in
 * the second case and not in the first. Each event is credited to the first entry that matches it
 * (CASE), so a row lists the entries that took its events away.
 */
export function buildHiddenRowsQuery(
  hunt: HuntParams,
  time: ResolvedTimeRange,
  availableFields: ReadonlySet<string>,
  matches: readonly AllowlistMatch[]
): BuiltQuery | undefined {
  const { datasets } = planDatasets(hunt.datasets, availableFields);
  if (matches.length === 0 || datasets.length === 0) return undefined;
  if (COMMON_FIELDS.some((field) => !availableFields.has(field))) return undefined;
  const params = new ParamList();
  const ip = esqlField(SOURCE_IP_FIELD);
  const key = hunt.group_by === 'name' ? 'service_principal_name' : 'service_principal_id';
  const stages = [
    fromClause(hunt.index_patterns),
    `WHERE ${timeCondition(time, params)}`,
    ...huntSelectionStages(datasets, availableFields, params),
    `WHERE ${sourceIpCondition(hunt.trusted_cidrs, params)}`,
  ];
  const cases: string[] = [];
  principalMatches(matches).forEach((match, index) => {
    cases.push(
      `${principalCondition(match, index, params)}, ${params.add(`entry_${index}`, match.id)}`
    );
  });
  const cidrs = matches.filter((match) => match.cidr !== null);
  const trusted = hunt.trusted_cidrs.map((cidr, index) =>
    params.add(`trusted_cidr_${index}`, cidr)
  );
  const blocks = cidrs.map((match, index) =>
    params.add(`allowlist_cidr_${index}`, match.cidr ?? '')
  );
  cidrs.forEach((match, index) => {
    const own = everyAddressIn(ip, [...trusted, blocks[index]].join(', '));
    cases.push(`${own}, ${params.add(`cidr_entry_${index}`, match.id)}`);
  });
  if (cidrs.length > 1) {
    const together = everyAddressIn(ip, [...trusted, ...blocks].join(', '));
    cases.push(`${together}, ${params.add('cidr_entries', SEVERAL_RANGES)}`);
  }
  const maxDaily = params.add(PARAM_MAX_DAILY, hunt.max_daily_actions);
  const minIps = params.add(PARAM_MIN_IPS, hunt.min_distinct_ips);
  stages.push(
    `EVAL _allowlist_entry = CASE(\n    ${cases.join(',\n    ')}\n  )`,
    `EVAL _kept_event = CASE(_allowlist_entry IS NULL, 1), _kept_ip = CASE(_allowlist_entry IS NULL, ${ip})`,
    [
      'STATS',
      '  all_events = COUNT(),',
      `  all_ips = COUNT_DISTINCT(${ip}),`,
      '  kept_events = COUNT(_kept_event),',
      '  kept_ips = COUNT_DISTINCT(_kept_ip),',
      '  hidden_by = VALUES(_allowlist_entry)',
      `  BY ${esqlField(ACTION_FIELD)}, ${key}, timestamp_day_bucket`,
    ].join('\n'),
    `WHERE all_events <= ${maxDaily} AND all_ips >= ${minIps} AND NOT (kept_events > 0 AND kept_events <= ${maxDaily} AND kept_ips >= ${minIps})`,
    `KEEP ${esqlField(ACTION_FIELD)}, ${key}, timestamp_day_bucket, hidden_by`,
    `SORT timestamp_day_bucket DESC, ${key}, ${esqlField(ACTION_FIELD)}`,
    `LIMIT ${probeLimit(Math.trunc(hunt.limit))}`
  );
  const query = joinStages(stages);
  return {
    query,
    params: params.entries,
    filter: timestampFilter(time),
    inlined: inlineEsqlParams(query, params.entries, timeOverrides(time)),
  };
}

export function shapeHiddenRows(
  response: EsqlResponseLike,
  groupBy: HuntParams['group_by']
): HiddenRow[] {
  const key = groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
  return readRecords(response).map((record) => ({
    day: toArray(record.timestamp_day_bucket)[0] ?? null,
    action: toArray(record[ACTION_FIELD])[0] ?? null,
    principal: toArray(record[key])[0] ?? null,
    entry_ids: toArray(record.hidden_by),
  }));
}

/** The body of `POST /internal/entra_sp_hunt/hidden_rows`. */
export interface HiddenRowsResponse {
  rows: HiddenRow[];
  /** More rows are hidden than the hunt's row limit; `rows` holds the first ones. */
  truncated: boolean;
  /** The entries that hid at least one row. */
  hiding_entries: number;
  /** The active benign entries the count applied (the hunt's own, read again). */
  applied: AllowlistMatch[];
  query: string | null;
  /** The entries could not be read: nothing was counted. */
  error?: string;
}

/** How many distinct entries hid the rows (events benign by ranges together count each range). */
export function hidingEntries(rows: readonly HiddenRow[], applied: readonly AllowlistMatch[]) {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const id of row.entry_ids) {
      if (id !== SEVERAL_RANGES) ids.add(id);
      else for (const match of applied) if (match.cidr !== null) ids.add(match.id);
    }
  }
  return ids.size;
}

/** Entries that read the same are the same set, whatever their order. */
export function sameMatches(a: readonly AllowlistMatch[], b: readonly AllowlistMatch[]): boolean {
  const text = (list: readonly AllowlistMatch[]) =>
    list
      .map((match) =>
        JSON.stringify([match.id, match.principal, match.principal_field, match.action, match.cidr])
      )
      .sort()
      .join('\n');
  return text(a) === text(b);
}

/** The key a hidden row and a hunt row share. */
export function rowKeyText(day: string | null, action: string | null, principal: string | null) {
  return JSON.stringify([day === null ? null : Date.parse(day), action, principal]);
}

export function huntRowKeyText(row: HuntRow, groupBy: HuntParams['group_by']): string {
  return rowKeyText(row.day, row.action, rowPrincipal(row, groupBy));
}

/**
 * The entries that mark a row (for `reviewed` badges and the flyout): an entry for the row's
 * principal (its group key, or any of its other names or ids), of its action when the entry names
 * one, or for a CIDR block that holds one of its addresses. Only active entries count.
 */
export function entriesForRow(row: HuntRow, entries: readonly Entry[], now: Date): Entry[] {
  const names = new Set([
    ...(row.service_principal_name === null ? [] : [row.service_principal_name]),
    ...row.service_principal_names,
  ]);
  const ids = new Set([
    ...(row.service_principal_id === null ? [] : [row.service_principal_id]),
    ...row.service_principal_ids,
  ]);
  return entries.filter((entry) => {
    if (!isActive(entry, now)) return false;
    if (entry.principal !== null) {
      const known = entry.principal_field === 'name' ? names : ids;
      if (!known.has(entry.principal)) return false;
      return entry.action === null || entry.action === row.action;
    }
    return entry.cidr !== null && row.ips.some((ip) => cidrContains(entry.cidr ?? '', ip));
  });
}
