import { errors } from '@elastic/elasticsearch';
import type { estypes } from '@elastic/elasticsearch';
import type { ElasticsearchClient } from '@kbn/core/server';
import type { EsqlNamedParams } from '../../common/hunt/esql_text';
import { ASYNC_HUNT_KEEP_ALIVE_MINUTES } from '../../common/constants';
import type { HuntResponse, HuntStatusResponse } from '../../common/hunt/api_types';
import { buildHuntQuery, type BuiltHuntQuery } from '../../common/hunt/build_hunt_query';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { COMPLETE_RESULT } from '../../common/hunt/result_notes';
import { shapeHuntResponse, type EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange, type ResolvedTimeRange } from '../../common/hunt/time_range';
import { pinnedTimeRange } from '../../common/hunt/run_window';
import { InvalidTimeRangeError, isWholeNoIndexError, MalformedResponseError } from './es_errors';
import { getFieldCoverage } from './field_coverage';
import { rowCapFor } from './row_cap';

export interface RunHuntOptions {
  signal?: AbortSignal;
  /** The instant relative times resolve against when no window is given; tests pin it. */
  now?: Date;
}

/**
 * The window to query: the instants the page resolved for this run, or, for a caller that sends
 * none (a script), `time_range` resolved here, at `now` and in the server's zone.
 */
export function huntWindow(
  params: Pick<HuntParams, 'time_range' | 'window'>,
  now: Date
): ResolvedTimeRange {
  if (params.window) return pinnedTimeRange(params.time_range, params.window);
  const time = resolveTimeRange(params.time_range, now);
  if (!time) throw new InvalidTimeRangeError();
  return time;
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
    ...COMPLETE_RESULT,
    took_ms: null,
    query: null,
    pinned_query: null,
    time: { from: time.from, to: time.to, start: time.start, end: time.end },
    datasets: [],
    skipped: [],
    missing_fields: [],
    nameless_datasets: [],
    limit: params.limit,
    available_fields: [],
    ...extra,
  };
}

/**
 * Named params are `[{ name: value }]` on the wire (ES RequestXContent); some client releases type
 * `params` as positional values only, so the named form is passed through this one cast.
 */
export function toClientParams<Request extends { params?: unknown } = estypes.EsqlQueryRequest>(
  params: EsqlNamedParams
): Request['params'] {
  return params as unknown as Request['params'];
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

/** How long the submit request waits before answering "still running" (short hunts finish here). */
export const SUBMIT_WAIT = '2s';
/** How long each status request waits: well under what proxies allow for one request (~30-60 s). */
export const POLL_WAIT = '5s';
/** How long Elasticsearch keeps an async hunt nobody polls (see ASYNC_HUNT_KEEP_ALIVE_MINUTES). */
export const KEEP_ALIVE = `${ASYNC_HUNT_KEEP_ALIVE_MINUTES}m`;

type Prepared =
  | { kind: 'done'; response: HuntResponse }
  | { kind: 'ready'; hunt: BuiltHuntQuery; time: ResolvedTimeRange; availableFields: string[] };

/** Field coverage, then the query for the fields that exist (or the reason there is none). */
export async function prepareHunt(
  client: ElasticsearchClient,
  params: HuntParams,
  { signal, now = new Date() }: RunHuntOptions = {}
): Promise<Prepared> {
  const time = huntWindow(params, now);
  const coverage = await getFieldCoverage(client, params.index_patterns, signal);
  if (coverage.indices.length === 0)
    return { kind: 'done', response: emptyResponse('no_indices', params, time) };
  const availableFields = [...coverage.availableFields].sort();
  const built = buildHuntQuery(params, time, coverage.availableFields);
  if (!built.ok) {
    return {
      kind: 'done',
      response: emptyResponse('no_sources', params, time, {
        skipped: built.skipped,
        missing_fields: built.missingFields,
        available_fields: availableFields,
      }),
    };
  }
  return { kind: 'ready', hunt: built.hunt, time, availableFields };
}

function responseFor(
  prepared: Extract<Prepared, { kind: 'ready' }>,
  params: HuntParams,
  extra: Partial<HuntResponse>
): HuntResponse {
  const { hunt, time } = prepared;
  return {
    ...emptyResponse('ok', params, time),
    available_fields: prepared.availableFields,
    query: hunt.inlined,
    pinned_query: hunt.pinned,
    datasets: hunt.datasets,
    skipped: hunt.skipped,
    nameless_datasets: hunt.namelessDatasets,
    ...extra,
  };
}

interface AsyncEsqlBody extends EsqlResponseLike {
  id?: string;
  is_running?: boolean;
}

function asAsyncBody(body: unknown): AsyncEsqlBody {
  if (body === null || typeof body !== 'object') throw new MalformedResponseError('not an object');
  return body as AsyncEsqlBody;
}

/**
 * Cancels an async hunt: Elasticsearch stops it and deletes anything it stored. Throws what
 * Elasticsearch answered otherwise (404 for an id it does not know for this user), so the route
 * never reports a cancellation that did not happen.
 */
export async function cancelHunt(client: ElasticsearchClient, id: string): Promise<void> {
  await client.esql.asyncQueryDelete({ id }, { maxRetries: 0 });
}

/**
 * Deletes a finished result once it has been read, or a query nobody waits for. Best effort: the
 * analyst already has the rows (or has gone), one gone already (404) is what was wanted, and a
 * result left behind expires with its keep_alive, so a failed delete must not lose anything.
 */
async function deleteStoredResult(client: ElasticsearchClient, id: string): Promise<void> {
  try {
    await cancelHunt(client, id);
  } catch {
    // Gone already, or expires with KEEP_ALIVE.
  }
}

/** An async ES|QL answer with what came beside it: the Warning headers. */
interface AsyncAnswer {
  body: AsyncEsqlBody;
  warnings: string | readonly string[] | undefined;
}

/** Reads the body and the `warning` header of a `{ meta: true }` answer. */
export function answerParts(result: {
  body: unknown;
  headers?: Record<string, string | string[] | undefined>;
}): { body: unknown; warnings: string | string[] | undefined } {
  return { body: result.body, warnings: result.headers?.warning };
}

function asAsyncAnswer(result: Parameters<typeof answerParts>[0]): AsyncAnswer {
  const { body, warnings } = answerParts(result);
  return { body: asAsyncBody(body), warnings };
}

/** The rows of a finished answer, with the row cap read only when it could have cut them. */
async function finishedResult(
  client: ElasticsearchClient,
  answer: AsyncAnswer,
  limit: number,
  signal?: AbortSignal
) {
  const body = assertEsqlResult(answer.body);
  const rowCap = await rowCapFor(client, body.values?.length ?? 0, limit, signal);
  return shapeHuntResponse(body, limit, { warnings: answer.warnings, rowCap });
}

/**
 * Submits the hunt as an async ES|QL query and waits briefly. A short hunt comes back complete; a
 * long one comes back as `running` with an id to poll. The HTTP abort signal is not handed to the
 * submit call (an aborted submit would leave a query running with no id to cancel); instead, a
 * query still running when the browser has gone is deleted at once.
 */
export async function submitHunt(
  client: ElasticsearchClient,
  params: HuntParams,
  options: RunHuntOptions = {}
): Promise<HuntResponse> {
  const prepared = await prepareHunt(client, params, options);
  if (prepared.kind === 'done') return prepared.response;
  const { hunt, time } = prepared;

  let answer: AsyncAnswer;
  try {
    answer = asAsyncAnswer(
      await client.esql.asyncQuery(
        {
          query: hunt.query,
          params: toClientParams<estypes.EsqlAsyncQueryRequest>(hunt.params),
          filter: hunt.filter,
          wait_for_completion_timeout: SUBMIT_WAIT,
          keep_alive: KEEP_ALIVE,
          keep_on_completion: false,
        },
        // The whole answer, for its Warning headers.
        { meta: true }
      )
    );
  } catch (error) {
    // Indices can vanish between field caps and the query (ILM, deletes): when none is left that
    // is no data. When only some of the patterns are gone, the error names them (es_errors).
    if (isWholeNoIndexError(error, params.index_patterns)) {
      return emptyResponse('no_indices', params, time);
    }
    throw error;
  }
  const { body } = answer;

  if (body.is_running) {
    if (!body.id) throw new MalformedResponseError('running without an id');
    if (options.signal?.aborted) {
      await cancelHunt(client, body.id);
      throw new errors.RequestAbortedError('The hunt was cancelled.');
    }
    return responseFor(prepared, params, { outcome: 'running', id: body.id });
  }
  if (body.id) await deleteStoredResult(client, body.id);
  return responseFor(prepared, params, {
    outcome: 'ok',
    ...(await finishedResult(client, answer, params.limit, options.signal)),
  });
}

export type HuntStatus = HuntStatusResponse;

/**
 * One status check of a running hunt, waiting at most POLL_WAIT. A finished hunt's results are
 * read once and deleted, so nothing stays stored in the cluster; a check the browser abandons
 * deletes the query too.
 */
export async function pollHunt(
  client: ElasticsearchClient,
  { id, limit }: { id: string; limit: number },
  { signal }: { signal?: AbortSignal } = {}
): Promise<HuntStatus> {
  let answer: AsyncAnswer;
  try {
    // Elasticsearch keeps the Warning headers of an async query and sends them with its result.
    answer = asAsyncAnswer(
      await client.esql.asyncQueryGet(
        { id, wait_for_completion_timeout: POLL_WAIT, keep_alive: KEEP_ALIVE },
        { signal, meta: true }
      )
    );
  } catch (error) {
    // The page went away mid-check (a closed tab runs no cleanup of its own): stop the query.
    if (signal?.aborted) await deleteStoredResult(client, id);
    throw error;
  }
  if (answer.body.is_running)
    return { is_running: true, rows: [], ...COMPLETE_RESULT, took_ms: null };
  const result = await finishedResult(client, answer, limit, signal);
  await deleteStoredResult(client, id);
  return { is_running: false, ...result };
}
