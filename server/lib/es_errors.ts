import { errors } from '@elastic/elasticsearch';
import { DATASETS, DATA_SOURCES } from '../../common/hunt/data_sources';

/** What the route sends back for a failure: an HTTP status and a sentence an analyst can act on. */
export interface HuntError {
  statusCode: number;
  message: string;
  attributes: {
    /** A stable machine-readable code the page switches on. */
    code: HuntErrorCode;
    /** Elasticsearch's own reason, when it is safe and useful to show. */
    reason?: string;
    /** For unknown columns: the data source whose field is missing. */
    missing_source?: string;
    /** For `unknown_index`: the index patterns Elasticsearch found no index for. */
    missing_indices?: string[];
    /** For 429: seconds Elasticsearch asked us to wait (clamped, see MAX_RETRY_AFTER_SECONDS). */
    retry_after_seconds?: number;
  };
  headers?: Record<string, string>;
}

export type HuntErrorCode =
  | 'query_rejected'
  | 'unknown_column'
  | 'unknown_index'
  | 'invalid_time_range'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'hunt_not_found'
  | 'invalid_hunt_id'
  | 'timeout'
  | 'too_many_requests'
  | 'circuit_breaker'
  | 'elasticsearch_unavailable'
  | 'malformed_response'
  | 'aborted'
  | 'internal';

export interface ErrorContext {
  indexPatterns: string[];
  /** The request named an async hunt by id (poll or cancel). */
  asyncHunt?: boolean;
}

interface EsErrorCause {
  type?: string;
  reason?: string;
  /** index_not_found_exception names the index here (and as `resource.id`). */
  index?: string;
  'resource.id'?: string | string[];
}

interface EsErrorBody {
  error?: (EsErrorCause & { root_cause?: EsErrorCause[]; caused_by?: EsErrorCause }) | string;
}

/** Statuses that are not Elasticsearch's to choose: 499 is what proxies use for a closed client. */
export const CLIENT_CLOSED_REQUEST = 499;
/** Elasticsearch is up but cannot serve (starting, recovering, overloaded): worth a later retry. */
const SERVICE_UNAVAILABLE = 503;
/** Reasons can quote a long stack of problems; the page shows the start. */
const MAX_REASON_LENGTH = 2_000;
const UNKNOWN_COLUMN = /Unknown column \[([^\]]+)\]/g;
const HAS_UNKNOWN_COLUMN = /Unknown column \[/;
const UNKNOWN_INDEX = /Unknown index \[([^\]]*)\]/g;
const NO_SUCH_INDEX = /no such index \[([^\]]*)\]/g;
/**
 * Elasticsearch may ask for a pause in `Retry-After`; an absurd value (a misconfigured proxy, or
 * an attacker between the two) is clamped so the page never promises to wait for hours, and no
 * timer is ever set past what `setTimeout` can hold (2^31-1 ms, beyond which it fires at once).
 */
export const MAX_RETRY_AFTER_SECONDS = 300;
const CIRCUIT_BREAKING = 'circuit_breaking_exception';

function errorBody(error: errors.ResponseError): EsErrorBody['error'] | undefined {
  const body = error.body as EsErrorBody | string | undefined;
  if (!body || typeof body === 'string' || typeof body.error !== 'object' || body.error === null) {
    return undefined;
  }
  return body.error;
}

function errorDetails(error: errors.ResponseError): { type?: string; reason?: string } {
  const body = errorBody(error);
  if (!body || typeof body === 'string') return {};
  const rootCause = body.root_cause?.[0];
  return {
    type: body.type ?? rootCause?.type,
    reason: body.reason ?? rootCause?.reason,
  };
}

/** Every cause Elasticsearch listed: the error, its root causes and what it was caused by. */
function allCauses(error: errors.ResponseError): EsErrorCause[] {
  const body = errorBody(error);
  if (!body || typeof body === 'string') return [];
  return [body, ...(body.root_cause ?? []), ...(body.caused_by ? [body.caused_by] : [])];
}

function truncate(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}

/** Names the data source a field belongs to, so "Unknown column" becomes "no Graph activity logs". */
export function dataSourceOfField(field: string): string | undefined {
  const dataset = DATASETS.find((candidate) => {
    const source = DATA_SOURCES[candidate];
    return [source.selectorField, ...source.nameFields, ...source.idFields].includes(field);
  });
  return dataset ? `${DATA_SOURCES[dataset].title} (${dataset})` : undefined;
}

function unknownColumnError(reason: string, context: ErrorContext): HuntError {
  const columns = [...reason.matchAll(UNKNOWN_COLUMN)].map((match) => match[1].replace(/`/g, ''));
  const sources = [
    ...new Set(columns.map(dataSourceOfField).filter((name): name is string => !!name)),
  ];
  const where =
    context.indexPatterns.length > 0
      ? context.indexPatterns.join(', ')
      : "the hunt's index patterns";
  const message =
    sources.length > 0
      ? `No index matched by ${where} maps the fields of ${sources.join(' and ')}, so that data source cannot be hunted. Deselect it or check that its integration is installed and has data.`
      : `Elasticsearch does not know the field(s) ${columns.join(', ')} in ${where}.`;
  return {
    statusCode: 400,
    message,
    attributes: { code: 'unknown_column', reason: truncate(reason), missing_source: sources[0] },
  };
}

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); either becomes whole
 * seconds from now, clamped to [0, MAX_RETRY_AFTER_SECONDS].
 */
export function retryAfterSeconds(
  header: string | string[] | undefined,
  now: number = Date.now()
): number | undefined {
  const text = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!text) return undefined;
  const seconds = /^\d+$/.test(text) ? Number(text) : (Date.parse(text) - now) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}

/** The indices Elasticsearch says do not exist (`Unknown index [a,b]`, `no such index [a]`). */
export function missingIndexNames(error: unknown): string[] {
  if (!(error instanceof errors.ResponseError)) return [];
  const names = new Set<string>();
  for (const cause of allCauses(error)) {
    if (cause.type === 'index_not_found_exception') {
      const id = cause['resource.id'] ?? cause.index;
      for (const name of [id ?? []].flat()) names.add(name);
    }
    for (const pattern of [UNKNOWN_INDEX, NO_SUCH_INDEX]) {
      for (const match of (cause.reason ?? '').matchAll(pattern)) {
        for (const name of match[1].split(',')) if (name.trim()) names.add(name.trim());
      }
    }
  }
  return [...names];
}

/**
 * The hunt's own patterns that Elasticsearch named as missing, when only some of them are: the
 * rest match data, so this is the analyst's pattern to fix, not an empty cluster.
 */
export function missingPatternsAmong(error: unknown, indexPatterns: string[]): string[] {
  const named = new Set(missingIndexNames(error));
  const missing = indexPatterns.filter((pattern) => named.has(pattern));
  return missing.length > 0 && missing.length < indexPatterns.length ? missing : [];
}

function isCircuitBreaker(error: errors.ResponseError): boolean {
  return allCauses(error).some((cause) => cause.type === CIRCUIT_BREAKING);
}

/**
 * What Elasticsearch answers for an async id it will not serve. For GET and DELETE of an id that
 * expired, never existed, or belongs to another user, it answers 404 resource_not_found_exception
 * alike, on purpose: AsyncTaskIndexService.getTaskAndCheckAuthentication throws
 * ResourceNotFoundException for another user's task, and DeleteAsyncResultsService turns any
 * failure, a malformed id included, into one too
 * (elastic/elasticsearch:x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/async/).
 * A GET with an id that does not decode is a 400 ("invalid id"). A 403 is the security layer
 * refusing the action itself, not the id. So this says what is known and no more.
 */
function asyncHuntError(status: number, type: string | undefined, reason: string | undefined) {
  if (status === 404 && type === 'resource_not_found_exception') {
    return {
      statusCode: 404,
      message:
        'Elasticsearch has no hunt with this id that you may read: it finished and was read already, was cancelled, expired (two minutes without a check), or was started under another user. Run it again.',
      attributes: { code: 'hunt_not_found' as const },
    };
  }
  if (status === 400) {
    return {
      statusCode: 400,
      message: 'Elasticsearch does not recognise this as the id of a hunt.',
      attributes: { code: 'invalid_hunt_id' as const, reason: truncate(reason) },
    };
  }
  if (status === 403) {
    return {
      statusCode: 403,
      message:
        'Elasticsearch refused to let you check or cancel running hunts. Ask an administrator to check your role.',
      attributes: { code: 'forbidden' as const, reason: truncate(reason) },
    };
  }
  if (status === 404) {
    return {
      statusCode: 404,
      message: `Elasticsearch answered "not found" (${type ?? 'no type'}) for the hunt's status, which is not how it reports an unknown hunt; check what lies between Kibana and Elasticsearch.`,
      attributes: { code: 'not_found' as const, reason: truncate(reason) },
    };
  }
  return undefined;
}

function responseError(error: errors.ResponseError, context: ErrorContext): HuntError {
  const { type, reason } = errorDetails(error);
  const status = error.statusCode ?? 500;
  const where =
    context.indexPatterns.length > 0
      ? context.indexPatterns.join(', ')
      : "the hunt's index patterns";
  if (context.asyncHunt) {
    const asyncError = asyncHuntError(status, type, reason);
    if (asyncError) return asyncError;
  }
  const missingPatterns = missingPatternsAmong(error, context.indexPatterns);
  if ((status === 400 || status === 404) && missingPatterns.length > 0) {
    return {
      statusCode: 400,
      message: `No index matches ${missingPatterns.join(', ')}, one of the hunt's index patterns, so Elasticsearch refused the whole query. Remove or correct ${missingPatterns.length === 1 ? 'it' : 'them'}: the other patterns match data.`,
      attributes: {
        code: 'unknown_index',
        missing_indices: missingPatterns,
        reason: truncate(reason),
      },
    };
  }
  if (status === 400 && reason && HAS_UNKNOWN_COLUMN.test(reason)) {
    return unknownColumnError(reason, context);
  }
  if (status === 400) {
    const what = type === 'parsing_exception' ? 'could not parse' : 'rejected';
    return {
      statusCode: 400,
      message: `Elasticsearch ${what} the hunt query: ${truncate(reason) ?? 'no reason given'}`,
      attributes: { code: 'query_rejected', reason: truncate(reason) },
    };
  }
  if (status === 401) {
    return {
      statusCode: 401,
      message:
        'Your session has expired or your credentials were rejected. Log in again, then rerun the hunt.',
      attributes: { code: 'session_expired' },
    };
  }
  if (status === 403) {
    return {
      statusCode: 403,
      message: `You lack read access to ${where}. Ask an administrator for the read privilege on these index patterns.`,
      attributes: { code: 'forbidden', reason: truncate(reason) },
    };
  }
  if (status === 404) {
    return {
      statusCode: 404,
      message: `Elasticsearch could not find what the hunt asked for in ${where}.`,
      attributes: { code: 'not_found', reason: truncate(reason) },
    };
  }
  if (status === 408 || status === 504) {
    return timeoutError();
  }
  if (status === 429 && isCircuitBreaker(error)) {
    // A circuit breaker trips when the hunt would take more memory than the cluster allows: asking
    // again asks for the same memory, so the page must not retry it (unlike a full search queue).
    return {
      statusCode: 429,
      message:
        "Elasticsearch stopped the hunt to protect its memory (a circuit breaker tripped). Running it again as it is would hit the same limit: shorten the time range, choose fewer data sources or lower the row limit; if even small hunts trip it, ask an administrator to check the cluster's memory.",
      attributes: { code: 'circuit_breaker', reason: truncate(reason) },
    };
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(error.headers?.['retry-after']);
    return {
      statusCode: 429,
      message: `Elasticsearch is too busy to run the hunt now (too many requests). Try again${seconds !== undefined ? ` in ${seconds} seconds` : ' in a moment'}.`,
      attributes: { code: 'too_many_requests', retry_after_seconds: seconds },
      headers: seconds !== undefined ? { 'retry-after': String(seconds) } : undefined,
    };
  }
  if (status === SERVICE_UNAVAILABLE) {
    // Passed on as is: "unavailable, try later" is what the analyst can act on, not a bad gateway.
    const seconds = retryAfterSeconds(error.headers?.['retry-after']);
    return {
      statusCode: SERVICE_UNAVAILABLE,
      message: `Elasticsearch is unavailable (status 503): the cluster may be starting, recovering or overloaded. Try again ${seconds !== undefined ? `in ${seconds} seconds` : 'in a minute'}; if it stays unavailable, ask an administrator to check the cluster's health.`,
      attributes: { code: 'elasticsearch_unavailable', retry_after_seconds: seconds },
      headers: seconds !== undefined ? { 'retry-after': String(seconds) } : undefined,
    };
  }
  return {
    statusCode: 502,
    message: `Elasticsearch failed while running the hunt (status ${status}). Try again; if it keeps failing, ask an administrator to check the cluster's health.`,
    attributes: { code: 'elasticsearch_unavailable' },
  };
}

function timeoutError(): HuntError {
  return {
    statusCode: 504,
    message:
      'Elasticsearch did not answer in time. Shorten the time range or narrow the index patterns, then try again.',
    attributes: { code: 'timeout' },
  };
}

/**
 * Thrown when a time range that passed validation no longer resolves when the query is built (a
 * relative end that crossed the year 9999 in between): the analyst's input, not a server fault.
 */
export class InvalidTimeRangeError extends Error {
  constructor() {
    super('The time range no longer resolves to an instant.');
    this.name = 'InvalidTimeRangeError';
  }
}

/** Maps anything the client throws to a status and a sentence; never leaks a stack or query text. */
export function mapElasticsearchError(error: unknown, context: ErrorContext): HuntError {
  if (error instanceof errors.ResponseError) return responseError(error, context);
  if (error instanceof InvalidTimeRangeError) {
    return {
      statusCode: 400,
      message: '[time_range]: must resolve to a date between the years 0000 and 9999',
      attributes: { code: 'invalid_time_range' },
    };
  }
  if (error instanceof errors.RequestAbortedError) {
    return {
      statusCode: CLIENT_CLOSED_REQUEST,
      message: 'The hunt was cancelled.',
      attributes: { code: 'aborted' },
    };
  }
  if (error instanceof errors.TimeoutError) return timeoutError();
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) {
    return {
      statusCode: 502,
      message:
        'Kibana could not reach Elasticsearch. Try again in a moment; if it keeps failing, ask an administrator to check the cluster.',
      attributes: { code: 'elasticsearch_unavailable' },
    };
  }
  if (error instanceof errors.DeserializationError || error instanceof MalformedResponseError) {
    return {
      statusCode: 502,
      message:
        'Elasticsearch sent a response the hunt could not read. Try again; if it keeps happening, check any proxy between Kibana and Elasticsearch.',
      attributes: { code: 'malformed_response' },
    };
  }
  return {
    statusCode: 500,
    message:
      'The hunt failed with an unexpected error. Try again; the Kibana server log records where it failed.',
    attributes: { code: 'internal' },
  };
}

/** Thrown when Elasticsearch answers 200 with a body that is not an ES|QL result. */
export class MalformedResponseError extends Error {
  constructor(what: string) {
    super(`Malformed ES|QL response: ${what}`);
    this.name = 'MalformedResponseError';
  }
}

/**
 * For the server log: the kind of failure and, for our own bugs, where it happened (stack frames),
 * never the error text, which may quote the query or a value.
 */
export function describeForLog(error: unknown): string {
  if (error instanceof errors.ResponseError) {
    return `${error.name} status=${error.statusCode ?? 'unknown'} type=${errorDetails(error).type ?? 'unknown'}`;
  }
  if (error instanceof errors.ElasticsearchClientError || !(error instanceof Error)) {
    return error instanceof Error ? error.name : typeof error;
  }
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5);
  return [error.name, ...frames].join('\n');
}

/**
 * True for the answers Elasticsearch gives when the patterns match no index: before 9.3 a FROM
 * whose every pattern matches nothing is a 400 "Unknown index" or a 404 index_not_found_exception.
 */
export function isNoIndexError(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return false;
  const { type } = errorDetails(error);
  return type === 'index_not_found_exception' || missingIndexNames(error).length > 0;
}

/**
 * True when none of the hunt's patterns matched anything: "no data to hunt in". When Elasticsearch
 * names only some of the patterns, the others match data and the answer is an error that names
 * the missing ones (`unknown_index`), never an empty result for the whole hunt.
 */
export function isWholeNoIndexError(error: unknown, indexPatterns: string[]): boolean {
  return isNoIndexError(error) && missingPatternsAmong(error, indexPatterns).length === 0;
}
