/**
 * The triage of a hunt's rows: what the two extra queries answered, shaped for the page, and how
 * each row reads against it (where its addresses are, how many other principals share them, what
 * is new since the baseline) and the evidence order built from those reasons.
 */
import { MAX_LISTED_PRINCIPALS } from '../constants';
import type { HuntParams } from './hunt_params';
import {
  readRecords,
  rowPrincipal,
  toArray,
  toCount,
  type EsqlResponseLike,
  type HuntRow,
} from './shape_results';
import { GEO_COLUMNS, GEO_FIELDS, type GeoColumn } from './triage_query';

export interface IpTriage {
  ip: string;
  /** Events in the window that carry the address (any principal of the hunt's sources). */
  events: number;
  /** Distinct principals (the group key) behind those events; exact. */
  principals: number;
  /** Those principals, sorted, at most MAX_LISTED_PRINCIPALS. */
  principal_values: string[];
  country_code: string[];
  country_name: string[];
  as_org: string[];
  as_number: string[];
}

export interface PrincipalBaseline {
  principal: string;
  events: number;
  ips: string[];
  actions: string[];
  first_seen: string | null;
}

/** The body of `POST /internal/entra_sp_hunt/triage`. */
export interface TriageResponse {
  ips: IpTriage[];
  baseline: PrincipalBaseline[];
  /** The window the baseline covered (start excluded, end included: the hunt's start). */
  baseline_window: { start: string; end: string };
  /** Enrichment fields no matched index maps: the page says so once, not per address. */
  missing_geo_fields: string[];
  /** From how many other principals on an address counts as shared. */
  shared_ip_principals: number;
  /** The two queries as they ran, inlined (null when nothing needed asking). */
  queries: { prevalence: string | null; baseline: string | null };
  is_partial: boolean;
}

function firstScalar(value: unknown): string | null {
  const [first] = toArray(value);
  return first ?? null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function shapePrevalence(response: EsqlResponseLike): IpTriage[] {
  return readRecords(response).flatMap((record) => {
    const ip = firstScalar(record['source.ip']);
    if (ip === null) return [];
    const geo = Object.fromEntries(
      GEO_COLUMNS.map((column) => [column, toArray(record[column]).sort(byText)])
    ) as Record<GeoColumn, string[]>;
    return [
      {
        ip,
        events: toCount(record.events),
        principals: toCount(record.principals),
        principal_values: toArray(record.principal_values)
          .sort(byText)
          .slice(0, MAX_LISTED_PRINCIPALS),
        ...geo,
      },
    ];
  });
}

export function shapeBaseline(response: EsqlResponseLike, groupBy: HuntParams['group_by']) {
  const column = groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
  return readRecords(response).flatMap((record): PrincipalBaseline[] => {
    const principal = firstScalar(record[column]);
    if (principal === null) return [];
    return [
      {
        principal,
        events: toCount(record.events),
        ips: toArray(record.ips).sort(byText),
        actions: toArray(record.actions).sort(byText),
        first_seen: firstScalar(record.first_seen),
      },
    ];
  });
}

export function missingGeoFields(availableFields: ReadonlySet<string>): string[] {
  return Object.values(GEO_FIELDS).filter((field) => !availableFields.has(field));
}

export interface RowIpTriage {
  ip: string;
  country: string | null;
  network: string | null;
  /** Other principals behind the address in the window (null: not asked). */
  other_principals: number | null;
  /** Up to MAX_LISTED_PRINCIPALS of them. */
  others: string[];
  events: number | null;
  shared: boolean;
  /** Not used by the row's principal in the baseline (null: unknown). */
  is_new: boolean | null;
}

export interface RowTriage {
  ips: RowIpTriage[];
  /** Distinct countries and networks among the row's addresses that carry enrichment. */
  countries: number;
  networks: number;
  /** The enrichment fields are not mapped: said once for the row, not per address. */
  geo_missing: boolean;
  new_ips: number | null;
  new_action: boolean | null;
  /** The principal had no event at all in the baseline. */
  never_seen: boolean | null;
  shared_ips: number;
}

function networkOf(entry: IpTriage): string | null {
  return entry.as_number[0] ?? entry.as_org[0] ?? null;
}

/** Indexes a triage answer once, so reading every row is linear. */
export interface TriageIndex {
  ips: Map<string, IpTriage>;
  baseline: Map<string, PrincipalBaseline>;
  askedPrincipals: boolean;
  geoMissing: boolean;
  sharedThreshold: number;
}

export function indexTriage(triage: TriageResponse): TriageIndex {
  return {
    ips: new Map(triage.ips.map((entry) => [entry.ip, entry])),
    baseline: new Map(triage.baseline.map((entry) => [entry.principal, entry])),
    askedPrincipals: triage.queries.baseline !== null,
    geoMissing: GEO_COLUMNS.every((column) =>
      triage.missing_geo_fields.includes(GEO_FIELDS[column])
    ),
    sharedThreshold: triage.shared_ip_principals,
  };
}

export function triageRow(
  row: HuntRow,
  index: TriageIndex,
  groupBy: HuntParams['group_by']
): RowTriage {
  const principal = rowPrincipal(row, groupBy);
  const baseline =
    principal === null || !index.askedPrincipals ? undefined : index.baseline.get(principal);
  const knowsBaseline = principal !== null && index.askedPrincipals;
  const seenIps = new Set(baseline?.ips ?? []);
  const ips = row.ips.map((ip): RowIpTriage => {
    const entry = index.ips.get(ip);
    // The row's own principal is one of the address's principals (its events are in the window).
    const others = entry ? Math.max(0, entry.principals - (principal === null ? 0 : 1)) : null;
    return {
      ip,
      country: entry ? (entry.country_name[0] ?? entry.country_code[0] ?? null) : null,
      network: entry ? (entry.as_org[0] ?? entry.as_number[0] ?? null) : null,
      other_principals: others,
      others: entry ? entry.principal_values.filter((value) => value !== principal) : [],
      events: entry ? entry.events : null,
      shared: others !== null && others >= index.sharedThreshold,
      is_new: knowsBaseline ? !seenIps.has(ip) : null,
    };
  });
  const countries = new Set<string>();
  const networks = new Set<string>();
  for (const ip of row.ips) {
    const entry = index.ips.get(ip);
    if (!entry) continue;
    const country = entry.country_code[0] ?? entry.country_name[0];
    if (country !== undefined) countries.add(country);
    const network = networkOf(entry);
    if (network !== null) networks.add(network);
  }
  return {
    ips,
    countries: countries.size,
    networks: networks.size,
    geo_missing: index.geoMissing,
    new_ips: knowsBaseline ? ips.filter((ip) => ip.is_new).length : null,
    new_action:
      knowsBaseline && row.action !== null ? !(baseline?.actions ?? []).includes(row.action) : null,
    never_seen: knowsBaseline ? baseline === undefined : null,
    shared_ips: ips.filter((ip) => ip.shared).length,
  };
}

/**
 * The evidence order: rows with more new addresses first, then more countries, more networks,
 * more addresses nobody else uses, a new action, and then the rarest (the hunt's own order).
 * Every key is a reason the row shows, so the order is never an opaque score. Stable: ties keep
 * the hunt's order.
 */
export function compareByEvidence(
  a: { row: HuntRow; triage: RowTriage },
  b: { row: HuntRow; triage: RowTriage }
): number {
  const unshared = (triage: RowTriage) =>
    triage.ips.filter((ip) => ip.other_principals !== null && !ip.shared).length;
  const keys: Array<(item: { row: HuntRow; triage: RowTriage }) => number> = [
    ({ triage }) => -(triage.new_ips ?? 0),
    ({ triage }) => -triage.countries,
    ({ triage }) => -triage.networks,
    ({ triage }) => -unshared(triage),
    ({ triage }) => (triage.new_action ? -1 : 0),
    ({ row }) => row.daily_action_count,
  ];
  for (const key of keys) {
    const difference = key(a) - key(b);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The values the triage asks about for these rows, in the rows' order, each once. */
export function triageSubjects(
  rows: HuntRow[],
  groupBy: HuntParams['group_by'],
  limits: { ips: number; principals: number }
): { ips: string[]; principals: string[]; leftOut: number } {
  const ips = new Set<string>();
  const principals = new Set<string>();
  let leftOut = 0;
  for (const row of rows) {
    const principal = rowPrincipal(row, groupBy);
    const newIps = row.ips.filter((ip) => !ips.has(ip));
    const fits =
      ips.size + newIps.length <= limits.ips &&
      (principal === null || principals.has(principal) || principals.size < limits.principals);
    if (!fits) {
      leftOut += 1;
      continue;
    }
    for (const ip of newIps) ips.add(ip);
    if (principal !== null && principal !== '') principals.add(principal);
  }
  return { ips: [...ips], principals: [...principals], leftOut };
}
