import { errors } from '@elastic/elasticsearch';

/** ES|QL result columns of the hunt, in the order ES returns them (aggregates, then BY keys). */
export const HUNT_COLUMNS = [
  { name: 'event_count', type: 'long' },
  { name: 'ips', type: 'ip' },
  { name: 'distinct_ips', type: 'long' },
  { name: 'datasets', type: 'keyword' },
  { name: 'service_principal_ids', type: 'keyword' },
  { name: 'event_actions', type: 'keyword' },
  { name: 'daily_action_count', type: 'long' },
  { name: 'event.action', type: 'keyword' },
  { name: 'service_principal_name', type: 'keyword' },
  { name: 'timestamp_day_bucket', type: 'date' },
];

/** A row as ES|QL sends it: multi-values as arrays, single values as scalars. */
export function huntValues(
  overrides: Partial<Record<(typeof HUNT_COLUMNS)[number]['name'], unknown>> = {}
): unknown[] {
  const row: Record<string, unknown> = {
    event_count: 2,
    ips: ['1.128.3.4', '81.2.69.144'],
    distinct_ips: 2,
    datasets: 'azure.signinlogs',
    service_principal_ids: 'b9814691-9ca1-4e55-a1ac-8ef5dd010ec0',
    event_actions: 'Sign-in activity',
    daily_action_count: 2,
    'event.action': 'Sign-in activity',
    service_principal_name: 'Terraform-Datadog-CLI',
    timestamp_day_bucket: '2026-11-20T00:00:00.000Z',
    ...overrides,
  };
  return HUNT_COLUMNS.map((column) => row[column.name]);
}

export function esError(statusCode: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status: statusCode };
}

/** The error the client raises for an Elasticsearch error answer; the mock sends its body and status. */
export function esResponseError(
  statusCode: number,
  type: string,
  reason: string,
  headers: Record<string, string> = {}
) {
  return new errors.ResponseError({
    body: esError(statusCode, type, reason),
    statusCode,
    headers,
    warnings: [],
    meta: {} as never,
  });
}
