import type {
  HuntResponse,
  HuntStatusResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from '../../common/hunt/api_types';
import { COMPLETE_RESULT } from '../../common/hunt/result_notes';
import type { EsqlResponseLike, HuntRow } from '../../common/hunt/shape_results';
import type { IpTriage, TriageResponse } from '../../common/hunt/triage';

/** A result row as the hunt route returns it (an audit credential change from two IPs). */
export function huntRow(overrides: Partial<HuntRow> = {}): HuntRow {
  return {
    day: '2026-11-20T00:00:00.000Z',
    action: 'Add service principal credentials',
    service_principal_name: 'Managed Service Identity',
    service_principal_id: null,
    service_principal_names: ['Managed Service Identity'],
    service_principal_ids: ['b981'],
    event_count: 2,
    daily_action_count: 2,
    distinct_ips: 2,
    ips: ['1.128.3.4', '198.51.100.12'],
    datasets: ['azure.auditlogs'],
    event_actions: ['Add service principal credentials'],
    ...overrides,
  };
}

/** A finished hunt response with no rows unless given. */
export function huntResponse(overrides: Partial<HuntResponse> = {}): HuntResponse {
  return {
    outcome: 'ok',
    rows: [],
    ...COMPLETE_RESULT,
    took_ms: 5,
    query: 'FROM x',
    pinned_query: 'FROM x | WHERE @timestamp > TO_DATETIME("2026-10-28T00:00:00.000Z")',
    time: {
      from: 'now-30d',
      to: 'now',
      start: '2026-10-28T00:00:00.000Z',
      end: '2026-11-27T00:00:00.000Z',
    },
    datasets: ['azure.signinlogs'],
    skipped: [],
    missing_fields: [],
    nameless_datasets: [],
    limit: 1000,
    available_fields: [],
    allowlist: { applied: [], benign_entries: 0, include_hidden: false },
    ...overrides,
  };
}

/** The hunt query's output columns, each with the row field it becomes. */
const WIRE_COLUMNS: Array<[string, keyof HuntRow]> = [
  ['event_count', 'event_count'],
  ['ips', 'ips'],
  ['distinct_ips', 'distinct_ips'],
  ['datasets', 'datasets'],
  ['event_actions', 'event_actions'],
  ['service_principal_names', 'service_principal_names'],
  ['service_principal_ids', 'service_principal_ids'],
  ['timestamp_day_bucket', 'day'],
  ['event.action', 'action'],
  ['service_principal_name', 'service_principal_name'],
  ['service_principal_id', 'service_principal_id'],
  ['daily_action_count', 'daily_action_count'],
];

/** Rows written back as the ES|QL answer they came from, written by hand, not by the shaper. */
function esqlAnswerOf(rows: HuntRow[], took: number | null): EsqlResponseLike {
  return {
    ...(took === null ? {} : { took }),
    columns: WIRE_COLUMNS.map(([name]) => ({ name, type: 'keyword' })),
    values: rows.map((row) => WIRE_COLUMNS.map(([, field]) => row[field])),
  };
}

/** What the hunt route sends for `response`: its rows as Elasticsearch's columns and values. */
export function huntWire({ rows, took_ms, ...rest }: HuntResponse): HuntWireResponse {
  return { ...rest, esql: rest.outcome === 'ok' ? esqlAnswerOf(rows, took_ms) : null };
}

/** What the status route sends for one check. */
export function statusWire(
  { rows, took_ms, ...rest }: HuntStatusResponse,
  limit = 1000
): HuntStatusWireResponse {
  return { ...rest, limit, esql: rest.is_running ? null : esqlAnswerOf(rows, took_ms) };
}

/** One address as the triage's prevalence query describes it. */
export function ipTriage(overrides: Partial<IpTriage> & { ip: string }): IpTriage {
  return {
    events: 1,
    principals: 1,
    principal_values: [],
    country_code: [],
    country_name: [],
    as_org: [],
    as_number: [],
    ...overrides,
  };
}

/** A triage answer that asked about addresses and principals, with nothing found unless given. */
export function triageResponse(overrides: Partial<TriageResponse> = {}): TriageResponse {
  return {
    ips: [],
    baseline: [],
    baseline_window: { start: '2026-09-28T00:00:00.000Z', end: '2026-10-28T00:00:00.000Z' },
    missing_geo_fields: [],
    shared_ip_principals: 5,
    queries: { prevalence: 'FROM x', baseline: 'FROM x' },
    is_partial: false,
    ...overrides,
  };
}
