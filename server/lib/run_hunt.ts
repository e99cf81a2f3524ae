import type { EsqlQueryRequest } from '@elastic/elasticsearch/lib/api/types';
import type { ElasticsearchClient } from '@kbn/core/server';
import type { EsqlNamedParams } from '../../common/hunt/esql_text';
import type { HuntResponse } from '../../common/hunt/api_types';
import { buildHuntQuery } from '../../common/hunt/build_hunt_query';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { shapeHuntResponse, type EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange, type ResolvedTimeRange } from '../../common/hunt/time_range';
import { isNoIndexError, MalformedResponseError } from './es_errors';
import { getFieldCoverage } from './field_coverage';

export interface RunHuntOptions {
  signal?: AbortSignal;
  /** The instant relative times resolve against; tests pin it. */
  now?: Date;
}

function emptyResponse(
  outcome: HuntResponse['outcome'],
  params: HuntParams,
  time: ResolvedTimeRange,
  extra: Partial<HuntResponse> = {}
): HuntResponse {
  return {
    outcome,
    rows: [],
    truncated: false,
    is_partial: false,
    took_ms: null,
    query: null,
    time: { from: time.from, to: time.to, start: time.start, end: time.end },
    datasets: [],
    skipped: [],
    missing_fields: [],
    nameless_datasets: [],
    limit: params.limit,
    ...extra,
  };
}

/**
 * Named params are `[{ name: value }]` on the wire (ES RequestXContent); some client releases type
 * `params` as positional values only, so the named form is passed through this one cast.
 */
export function toClientParams(params: EsqlNamedParams): EsqlQueryRequest['params'] {
  return params as unknown as EsqlQueryRequest['params'];
}

/** Checks that a 200 answer is an ES|QL result before anything reads it. */
export function assertEsqlResult(body: unknown): EsqlResponseLike {
  if (body === null || typeof body !== 'object') throw new MalformedResponseError('not an object');
  const { columns, values } = body as EsqlResponseLike;
  if (!Array.isArray(columns) || !columns.every((column) => typeof column?.name === 'string')) {
    throw new MalformedResponseError('columns missing');
  }
  if (!Array.isArray(values) || !values.every(Array.isArray)) {
    throw new MalformedResponseError('values missing');
  }
  return body as EsqlResponseLike;
}

/**
 * Runs the hunt with the given (user-scoped) client: field coverage first, then the query built
 * for the fields that exist, sent with its params and the time filter.
 */
export async function runHunt(
  client: ElasticsearchClient,
  params: HuntParams,
  { signal, now = new Date() }: RunHuntOptions = {}
): Promise<HuntResponse> {
  const time = resolveTimeRange(params.time_range, now);
  if (!time) throw new Error('time range did not resolve after validation');

  const coverage = await getFieldCoverage(client, params.index_patterns, signal);
  if (coverage.indices.length === 0) return emptyResponse('no_indices', params, time);

  const built = buildHuntQuery(params, time, coverage.availableFields);
  if (!built.ok) {
    return emptyResponse('no_sources', params, time, {
      skipped: built.skipped,
      missing_fields: built.missingFields,
    });
  }
  const { hunt } = built;

  let body: unknown;
  try {
    body = await client.esql.query(
      { query: hunt.query, params: toClientParams(hunt.params), filter: hunt.filter },
      { signal }
    );
  } catch (error) {
    // Indices can vanish between field caps and the query (ILM, deletes): that is no data.
    if (isNoIndexError(error)) return emptyResponse('no_indices', params, time);
    throw error;
  }
  const result = shapeHuntResponse(assertEsqlResult(body), params.limit);
  return {
    outcome: 'ok',
    ...result,
    query: hunt.inlined,
    time: { from: time.from, to: time.to, start: time.start, end: time.end },
    datasets: hunt.datasets,
    skipped: hunt.skipped,
    missing_fields: [],
    nameless_datasets: hunt.namelessDatasets,
    limit: params.limit,
  };
}
