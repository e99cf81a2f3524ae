import type { ElasticsearchClient } from '@kbn/core/server';
import type { BuiltQuery } from '../../common/hunt/build_hunt_query';
import type { EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import {
  missingGeoFields,
  shapeBaseline,
  shapePrevalence,
  type TriageResponse,
} from '../../common/hunt/triage';
import type { TriageParams } from '../../common/hunt/triage_params';
import {
  baselineWindow,
  buildBaselineQuery,
  buildPrevalenceQuery,
} from '../../common/hunt/triage_query';
import { isNoIndexError } from './es_errors';
import { getFieldCoverage } from './field_coverage';
import { assertEsqlResult, toClientParams } from './run_hunt';

async function run(
  client: ElasticsearchClient,
  built: BuiltQuery | undefined,
  signal: AbortSignal | undefined
): Promise<EsqlResponseLike | undefined> {
  if (!built) return undefined;
  try {
    return assertEsqlResult(
      await client.esql.query(
        { query: built.query, params: toClientParams(built.params), filter: built.filter },
        { signal }
      )
    );
  } catch (error) {
    // Indices can vanish between field caps and the query: nothing to compare with.
    if (isNoIndexError(error)) return { columns: [], values: [] };
    throw error;
  }
}

/**
 * Where from, how common and how new for the addresses and principals of a hunt's rows: field
 * coverage, then the prevalence query over the hunt window and the baseline query over the days
 * before it, side by side, as the calling user. Both are plain ES|QL queries: they read a bounded
 * list of addresses and principals, and the hunt's async machinery would only add round trips.
 */
export async function getTriage(
  client: ElasticsearchClient,
  params: TriageParams,
  { signal, now = new Date() }: { signal?: AbortSignal; now?: Date } = {}
): Promise<TriageResponse> {
  const time = resolveTimeRange(params.time_range, now);
  if (!time) throw new Error('time range did not resolve after validation');
  const coverage = await getFieldCoverage(client, params.index_patterns, signal);
  const fields = coverage.indices.length > 0 ? coverage.availableFields : new Set<string>();
  const prevalence = buildPrevalenceQuery(params, time, fields, params.ips);
  const baseline = buildBaselineQuery(params, time, fields, params.principals);
  const [prevalenceBody, baselineBody] = await Promise.all([
    run(client, prevalence, signal),
    run(client, baseline, signal),
  ]);
  return {
    ips: prevalenceBody ? shapePrevalence(prevalenceBody) : [],
    baseline: baselineBody ? shapeBaseline(baselineBody, params.group_by) : [],
    baseline_window: baselineWindow(time, params.baseline_days),
    missing_geo_fields: coverage.indices.length > 0 ? missingGeoFields(fields) : [],
    shared_ip_principals: params.shared_ip_principals,
    queries: { prevalence: prevalence?.inlined ?? null, baseline: baseline?.inlined ?? null },
    is_partial: prevalenceBody?.is_partial === true || baselineBody?.is_partial === true,
  };
}
