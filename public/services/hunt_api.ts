import type { HttpStart, IHttpFetchError } from '@kbn/core/public';
import {
  API_VERSION,
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
  TRIAGE_API_PATH,
} from '../../common/constants';
import type {
  EventsResponse,
  HuntCancelResponse,
  HuntErrorBody,
  HuntResponse,
  HuntStatusResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from '../../common/hunt/api_types';
import { huntResponseFromWire, huntStatusFromWire } from '../../common/hunt/hunt_wire';
import type { CoverageResponse } from '../../common/hunt/coverage';
import type { TriageResponse } from '../../common/hunt/triage';
import type { TriageParamsInput } from '../../common/hunt/triage_params';

/** A failed call, with what the page needs to explain it. */
export class HuntRequestError extends Error {
  constructor(
    message: string,
    public readonly status: number | undefined,
    public readonly code: string,
    public readonly reason?: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'HuntRequestError';
  }
}

function isFetchError(error: unknown): error is IHttpFetchError<HuntErrorBody> {
  return error instanceof Error && ('response' in error || 'body' in error);
}

export function toHuntRequestError(error: unknown): HuntRequestError {
  if (error instanceof HuntRequestError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new HuntRequestError(error.message, undefined, 'aborted');
  }
  if (isFetchError(error)) {
    const status = error.response?.status ?? error.body?.statusCode;
    const body = error.body;
    if (body && typeof body.message === 'string') {
      return new HuntRequestError(
        body.message,
        status,
        body.attributes?.code ?? (status === 400 ? 'invalid_request' : 'unknown'),
        body.attributes?.reason,
        body.attributes?.retry_after_seconds
      );
    }
    return new HuntRequestError(
      error.message,
      status,
      status === undefined ? 'network' : 'unknown'
    );
  }
  return new HuntRequestError(
    error instanceof Error ? error.message : String(error),
    undefined,
    'unknown'
  );
}

async function post<T>(
  http: HttpStart,
  path: string,
  body: unknown,
  signal?: AbortSignal
): Promise<T> {
  try {
    return await http.post<T>(path, { body: JSON.stringify(body), version: API_VERSION, signal });
  } catch (error) {
    throw toHuntRequestError(error);
  }
}

/** Runs the hunt; the route sends Elasticsearch's columns and values, shaped into rows here. */
export async function postHunt(
  http: HttpStart,
  body: unknown,
  signal?: AbortSignal
): Promise<HuntResponse> {
  return huntResponseFromWire(await post<HuntWireResponse>(http, HUNT_API_PATH, body, signal));
}

export function postCoverage(
  http: HttpStart,
  body: unknown,
  signal?: AbortSignal
): Promise<CoverageResponse> {
  return post<CoverageResponse>(http, COVERAGE_API_PATH, body, signal);
}

export async function postHuntStatus(
  http: HttpStart,
  body: { id: string; limit: number },
  signal?: AbortSignal
): Promise<HuntStatusResponse> {
  return huntStatusFromWire(
    await post<HuntStatusWireResponse>(http, HUNT_STATUS_API_PATH, body, signal)
  );
}

/** Resolves only when Elasticsearch cancelled the hunt; an id it does not know is an error. */
export function postHuntCancel(http: HttpStart, id: string): Promise<HuntCancelResponse> {
  return post<HuntCancelResponse>(http, HUNT_CANCEL_API_PATH, { id });
}

export function postEvents(
  http: HttpStart,
  body: unknown,
  signal?: AbortSignal
): Promise<EventsResponse> {
  return post<EventsResponse>(http, EVENTS_API_PATH, body, signal);
}

export function postTriage(
  http: HttpStart,
  body: TriageParamsInput,
  signal?: AbortSignal
): Promise<TriageResponse> {
  return post<TriageResponse>(http, TRIAGE_API_PATH, body, signal);
}
