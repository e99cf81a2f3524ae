import { errors } from '@elastic/elasticsearch';
import type { estypes } from '@elastic/elasticsearch';
import type { ElasticsearchClient } from '@kbn/core/server';
import type { EsqlNamedParams } from '../../common/hunt/esql_text';
import { ASYNC_HUNT_KEEP_ALIVE_MINUTES } from '../../common/constants';
import type { HuntStatusWireResponse, HuntWireResponse } from '../../common/hunt/api_types';
import { buildHuntQuery, type BuiltHuntQuery } from '../../common/hunt/build_hunt_query';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { NO_ALLOWLIST, type AppliedAllowlist } from '../../common/hunt/allowlist';
import {
  COMPLETE_RESULT,
  readPartial,
  resultNotes,
  truncationFor,
  warningsFromHeaders,
  type ResultNotes,
} from '../../common/hunt/result_notes';
import type { EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange, type ResolvedTimeRange } from '../../common/hunt/time_range';
import { pinnedTimeRange } from '../../common/hunt/run_window';
import { InvalidTimeRangeError, isWholeNoIndexError, MalformedResponseError } from './es_errors';
import {
  envelope,
  readAnswerBytes,
  readMember,
  scanEsqlBody,
  type EsqlBodyScan,
  type JsonBytes,
  type StreamedAnswer,
} from './esql_bytes';
import { getFieldCoverage } from './field_coverage';
import { rowCapFor } from './row_cap';

export interface RunHuntOptions {
  signal?: AbortSignal;
  /** The space's benign entries the hunt applies (read by the route, as the user). */
  allowlist?: AppliedAllowlist;
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

/** The hunt route's body but Elasticsearch's answer. */
export type HuntMeta = Omit<HuntWireResponse, 'esql'>;
/** The status route's body but Elasticsearch's answer. */
export type HuntStatusMeta = Omit<HuntStatusWireResponse, 'esql'>;

/**
 * What a route sends: the plugin's notes, and Elasticsearch's answer as the bytes it sent when a
 * query finished (null otherwise). The rows are never parsed here; the browser shapes them.
 */
export interface PassThrough<Meta extends object> {
  meta: Meta;
  esql: Buffer | null;
}

/** The response body: the bytes spliced into the notes, or the notes with `esql: null`. */
export function passThroughBody<Meta extends object>({
  meta,
  esql,
}: PassThrough<Meta>): JsonBytes | (Meta & { esql: null }) {
  return esql ? envelope(meta, esql) : { ...meta, esql: null };
}

function emptyResponse(
  outcome: HuntMeta['outcome'],
  params: HuntParams,
  time: ResolvedTimeRange,
  extra: Partial<HuntMeta> = {}
): HuntMeta {
  return {
    outcome,
    ...COMPLETE_RESULT,
    query: null,
    pinned_query: null,
    time: { from: time.from, to: time.to, start: time.start, end: time.end },
    datasets: [],
    skipped: [],
    missing_fields: [],
    nameless_datasets: [],
    limit: params.limit,
    available_fields: [],
    allowlist: { ...NO_ALLOWLIST, include_hidden: params.include_hidden },
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
  | { kind: 'done'; response: HuntMeta }
  | {
      kind: 'ready';
      hunt: BuiltHuntQuery;
      time: ResolvedTimeRange;
      availableFields: string[];
      allowlist: AppliedAllowlist;
    };

/** Field coverage, then the query for the fields that exist (or the reason there is none). */
export async function prepareHunt(
  client: ElasticsearchClient,
  params: HuntParams,
  { signal, now = new Date(), allowlist }: RunHuntOptions = {}
): Promise<Prepared> {
  const time = huntWindow(params, now);
  const applied = allowlist ?? { ...NO_ALLOWLIST, include_hidden: params.include_hidden };
  const coverage = await getFieldCoverage(client, params.index_patterns, signal);
  if (coverage.indices.length === 0)
    return { kind: 'done', response: emptyResponse('no_indices', params, time) };
  const availableFields = [...coverage.availableFields].sort();
  const built = buildHuntQuery(params, time, coverage.availableFields, {
    allowlist: applied.applied,
  });
  if (!built.ok) {
    return {
      kind: 'done',
      response: emptyResponse('no_sources', params, time, {
        skipped: built.skipped,
        missing_fields: built.missingFields,
        available_fields: availableFields,
        allowlist: applied,
      }),
    };
  }
  return { kind: 'ready', hunt: built.hunt, time, availableFields, allowlist: applied };
}

function responseFor(
  prepared: Extract<Prepared, { kind: 'ready' }>,
  params: HuntParams,
  extra: Partial<HuntMeta>
): HuntMeta {
  const { hunt, time } = prepared;
  return {
    ...emptyResponse('ok', params, time),
    available_fields: prepared.availableFields,
    query: hunt.inlined,
    pinned_query: hunt.pinned,
    datasets: hunt.datasets,
    skipped: hunt.skipped,
    nameless_datasets: hunt.namelessDatasets,
    allowlist: prepared.allowlist,
    ...extra,
  };
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

/** An async ES|QL answer as bytes, checked and mapped, with its Warning headers. */
interface AsyncAnswer {
  bytes: Buffer;
  scan: EsqlBodyScan;
  isRunning: boolean;
  id: string | undefined;
  warnings: string | readonly string[] | undefined;
}

/** Reads the body and the `warning` header of a `{ meta: true }` answer. */
export function answerParts(result: {
  body: unknown;
  headers?: Record<string, string | string[] | undefined>;
}): { body: unknown; warnings: string | string[] | undefined } {
  return { body: result.body, warnings: result.headers?.warning };
}

/**
 * Reads a `{ meta: true, asStream: true }` answer: its bytes (an error status throws as the
 * parsed call would), the one pass that checks them, and the members the server needs.
 */
async function readAsyncAnswer(result: StreamedAnswer, signal?: AbortSignal): Promise<AsyncAnswer> {
  const bytes = await readAnswerBytes(result, signal);
  const scan = scanEsqlBody(bytes);
  const id = readMember(bytes, scan, 'id');
  return {
    bytes,
    scan,
    isRunning: readMember(bytes, scan, 'is_running') === true,
    id: typeof id === 'string' ? id : undefined,
    warnings: result.headers?.warning,
  };
}

/** Checks that a finished answer carries ES|QL columns and row-major values. */
function assertFinished({ bytes, scan }: AsyncAnswer): void {
  const columns = readMember(bytes, scan, 'columns');
  if (
    !Array.isArray(columns) ||
    !columns.every((column: { name?: unknown } | null) => typeof column?.name === 'string')
  ) {
    throw new MalformedResponseError('columns missing');
  }
  const values = scan.members.get('values');
  if (!values || bytes[values.start] !== OPEN_ARRAY)
    throw new MalformedResponseError('values missing');
}

const OPEN_ARRAY = 0x5b;

/** The notes of a finished answer, with the row cap read only when it could have cut the rows. */
async function finishedNotes(
  client: ElasticsearchClient,
  answer: AsyncAnswer,
  limit: number,
  signal?: AbortSignal
): Promise<ResultNotes> {
  assertFinished(answer);
  const rowCap = await rowCapFor(client, answer.scan.rows, limit, signal);
  const partial = readPartial({
    is_partial: readMember(answer.bytes, answer.scan, 'is_partial'),
    _clusters: readMember(answer.bytes, answer.scan, '_clusters'),
  });
  return resultNotes({
    ...truncationFor(answer.scan.rows, limit, rowCap),
    partial,
    warnings: warningsFromHeaders(answer.warnings),
  });
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
): Promise<PassThrough<HuntMeta>> {
  const prepared = await prepareHunt(client, params, options);
  if (prepared.kind === 'done') return { meta: prepared.response, esql: null };
  const { hunt, time } = prepared;

  let answer: AsyncAnswer;
  try {
    answer = await readAsyncAnswer(
      await client.esql.asyncQuery(
        {
          query: hunt.query,
          params: toClientParams<estypes.EsqlAsyncQueryRequest>(hunt.params),
          filter: hunt.filter,
          wait_for_completion_timeout: SUBMIT_WAIT,
          keep_alive: KEEP_ALIVE,
          keep_on_completion: false,
        },
        // The whole answer, for its Warning headers, and its bytes as Elasticsearch sent them.
        { meta: true, asStream: true }
      )
    );
  } catch (error) {
    // Indices can vanish between field caps and the query (ILM, deletes): when none is left that
    // is no data. When only some of the patterns are gone, the error names them (es_errors).
    if (isWholeNoIndexError(error, params.index_patterns)) {
      return { meta: emptyResponse('no_indices', params, time), esql: null };
    }
    throw error;
  }

  if (answer.isRunning) {
    if (!answer.id) throw new MalformedResponseError('running without an id');
    if (options.signal?.aborted) {
      await cancelHunt(client, answer.id);
      throw new errors.RequestAbortedError('The hunt was cancelled.');
    }
    return {
      meta: responseFor(prepared, params, { outcome: 'running', id: answer.id }),
      esql: null,
    };
  }
  const notes = await finishedNotes(client, answer, params.limit, options.signal);
  if (answer.id) await deleteStoredResult(client, answer.id);
  return { meta: responseFor(prepared, params, { outcome: 'ok', ...notes }), esql: answer.bytes };
}

/**
 * One status check of a running hunt, waiting at most POLL_WAIT. A finished hunt's results are
 * read once and deleted, so nothing stays stored in the cluster; a check the browser abandons
 * deletes the query too.
 */
export async function pollHunt(
  client: ElasticsearchClient,
  { id, limit }: { id: string; limit: number },
  { signal }: { signal?: AbortSignal } = {}
): Promise<PassThrough<HuntStatusMeta>> {
  let answer: AsyncAnswer;
  try {
    // Elasticsearch keeps the Warning headers of an async query and sends them with its result.
    answer = await readAsyncAnswer(
      await client.esql.asyncQueryGet(
        { id, wait_for_completion_timeout: POLL_WAIT, keep_alive: KEEP_ALIVE },
        { signal, meta: true, asStream: true }
      ),
      signal
    );
  } catch (error) {
    // The page went away mid-check (a closed tab runs no cleanup of its own): stop the query.
    if (signal?.aborted) await deleteStoredResult(client, id);
    throw error;
  }
  if (answer.isRunning)
    return { meta: { is_running: true, ...COMPLETE_RESULT, limit }, esql: null };
  const notes = await finishedNotes(client, answer, limit, signal);
  await deleteStoredResult(client, id);
  return { meta: { is_running: false, ...notes, limit }, esql: answer.bytes };
}
