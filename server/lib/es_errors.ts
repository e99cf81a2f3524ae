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
    /** For 429: seconds Elasticsearch asked us to wait. */
    retry_after_seconds?: number;
  };
  headers?: Record<string, string>;
}

export type HuntErrorCode =
  | 'query_rejected'
  | 'unknown_column'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'hunt_expired'
  | 'timeout'
  | 'too_many_requests'
  | 'elasticsearch_unavailable'
  | 'malformed_response'
  | 'aborted'
  | 'internal';

export interface ErrorContext {
  indexPatterns: string[];
  /** The request named an async hunt by id (poll or cancel). */
  asyncHunt?: boolean;
}

interface EsErrorBody {
  error?:
    | { type?: string; reason?: string; root_cause?: Array<{ type?: string; reason?: string }> }
    | string;
}

/** Statuses that are not Elasticsearch's to choose: 499 is what proxies use for a closed client. */
export const CLIENT_CLOSED_REQUEST = 499;
/** Elasticsearch is up but cannot serve (starting, recovering, overloaded): worth a later retry. */
const SERVICE_UNAVAILABLE = 503;
/** Reasons can quote a long stack of problems; the page shows the start. */
const MAX_REASON_LENGTH = 2_000;
const UNKNOWN_COLUMN = /Unknown column \[([^\]]+)\]/g;
const HAS_UNKNOWN_COLUMN = /Unknown column \[/;
const UNKNOWN_INDEX = /Unknown index \[/;

function errorDetails(error: errors.ResponseError): { type?: string; reason?: string } {
  const body = error.body as EsErrorBody | string | undefined;
  if (!body || typeof body === 'string' || typeof body.error !== 'object' || body.error === null) {
    return {};
  }
  const rootCause = body.error.root_cause?.[0];
  return {
    type: body.error.type ?? rootCause?.type,
    reason: body.error.reason ?? rootCause?.reason,
  };
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

function retryAfterSeconds(error: errors.ResponseError): number | undefined {
  const header = error.headers?.['retry-after'];
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function responseError(error: errors.ResponseError, context: ErrorContext): HuntError {
  const { type, reason } = errorDetails(error);
  const status = error.statusCode ?? 500;
  const where =
    context.indexPatterns.length > 0
      ? context.indexPatterns.join(', ')
      : "the hunt's index patterns";
  if (status === 404 && context.asyncHunt) {
    return {
      statusCode: 404,
      message:
        'This hunt is no longer available: it was cancelled, expired after two minutes without a check, or was started by another user. Run it again.',
      attributes: { code: 'hunt_expired' },
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
  if (status === 429) {
    const seconds = retryAfterSeconds(error);
    return {
      statusCode: 429,
      message: `Elasticsearch is too busy to run the hunt now (too many requests). Try again${seconds !== undefined ? ` in ${seconds} seconds` : ' in a moment'}.`,
      attributes: { code: 'too_many_requests', retry_after_seconds: seconds },
      headers: seconds !== undefined ? { 'retry-after': String(seconds) } : undefined,
    };
  }
  if (status === SERVICE_UNAVAILABLE) {
    // Passed on as is: "unavailable, try later" is what the analyst can act on, not a bad gateway.
    const seconds = retryAfterSeconds(error);
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

/** Maps anything the client throws to a status and a sentence; never leaks a stack or query text. */
export function mapElasticsearchError(error: unknown, context: ErrorContext): HuntError {
  if (error instanceof errors.ResponseError) return responseError(error, context);
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
  const { type, reason } = errorDetails(error);
  return (
    type === 'index_not_found_exception' || (reason !== undefined && UNKNOWN_INDEX.test(reason))
  );
}
