import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import { i18n } from '@kbn/i18n';
import { ASYNC_HUNT_KEEP_ALIVE_MINUTES } from '../../common/constants';
import type { HuntResponse } from '../../common/hunt/api_types';
import type { HuntParams } from '../../common/hunt/hunt_params';
import type { RunWindow } from '../../common/hunt/run_window';
import {
  HuntRequestError,
  postHunt,
  postHuntCancel,
  postHuntStatus,
  toHuntRequestError,
} from '../services/hunt_api';

export type HuntStatus = 'idle' | 'loading' | 'success' | 'error';

export interface UseHuntValue {
  status: HuntStatus;
  response?: HuntResponse;
  error?: HuntRequestError;
  /** The params of the run in flight, or of the last run. */
  params?: HuntParams;
  /** The params that produced `response`: what everything derived from the rows must use. */
  responseParams?: HuntParams;
  /** The window of the run in flight, or of the last run: its two instants. */
  window?: RunWindow;
  /** Changes with every new response, so views of the old rows (selection, flyout) can reset. */
  responseId: number;
  /** When the current run started (ms since epoch), for elapsed time. */
  startedAt?: number;
  /** Set while Elasticsearch asked us to wait (429) before the next check. */
  retryingInSeconds?: number;
  /** Runs the hunt over `window`, the instants the page resolved the range to for this run. */
  run(params: HuntParams, window: RunWindow): void;
  /** Shows a finished run again (kept from earlier in this tab) without querying. */
  restore(run: { params: HuntParams; response: HuntResponse; ranAt: number }): void;
  cancel(): void;
}

type HuntState = Omit<UseHuntValue, 'run' | 'restore' | 'cancel'>;

/** A busy cluster (429) is asked again this many times before the page gives up. */
export const MAX_BUSY_RETRIES = 3;
/** Used when a 429 comes without Retry-After. */
export const DEFAULT_RETRY_SECONDS = 5;
/**
 * The longest the page waits on its own before asking again. A longer Retry-After is shown to the
 * analyst instead of waited out behind a spinner; the wait is also far below what `setTimeout`
 * can hold (2^31-1 ms), beyond which it would fire at once.
 */
export const MAX_AUTO_RETRY_SECONDS = 60;
const KEEP_ALIVE_MS = ASYNC_HUNT_KEEP_ALIVE_MINUTES * 60_000;

/** Only a full queue is worth asking again; a tripped circuit breaker would trip again. */
const RETRYABLE_CODES = new Set(['too_many_requests']);

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new HuntRequestError('The hunt was cancelled.', undefined, 'aborted'));
    });
  });
}

/** Seconds to wait before retrying, or undefined when the page should not retry on its own. */
export function autoRetrySeconds(failure: HuntRequestError): number | undefined {
  if (!RETRYABLE_CODES.has(failure.code)) return undefined;
  const seconds = failure.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_AUTO_RETRY_SECONDS)
    return undefined;
  return seconds;
}

/**
 * Elasticsearch cannot say why it no longer has a hunt (expired, cancelled, another user's all
 * answer alike), but the page knows when it last checked: a gap longer than the keep-alive (a
 * sleeping laptop, a stalled network) means it expired; otherwise it was removed while the page
 * was still checking.
 */
function explainGoneHunt(failure: HuntRequestError, lastCheckedAt: number): HuntRequestError {
  if (failure.code !== 'hunt_not_found') return failure;
  const minutes = ASYNC_HUNT_KEEP_ALIVE_MINUTES;
  if (Date.now() - lastCheckedAt > KEEP_ALIVE_MS) {
    return new HuntRequestError(
      i18n.translate('entraSpHunt.hunt.expiredErrorMessage', {
        defaultMessage:
          'The page could not check the running hunt for more than {minutes} minutes (was the computer asleep, or the network down?), so Elasticsearch let it expire. Run it again.',
        values: { minutes },
      }),
      failure.status,
      'hunt_expired'
    );
  }
  return new HuntRequestError(
    i18n.translate('entraSpHunt.hunt.goneErrorMessage', {
      defaultMessage:
        'Elasticsearch no longer has this running hunt for you, although the page checked it moments ago: it was cancelled elsewhere (another tab, an administrator), or your session now belongs to another user. Run it again.',
    }),
    failure.status,
    'hunt_not_found'
  );
}

type Setter = (update: (current: HuntState) => HuntState) => void;

/**
 * Calls `request`; on 429 waits as long as Elasticsearch asked (Retry-After) and tries again, a few
 * times, showing the wait.
 */
async function withBusyRetry<T>(
  request: () => Promise<T>,
  signal: AbortSignal,
  setState: Setter
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      const failure = toHuntRequestError(error);
      const seconds = autoRetrySeconds(failure);
      if (seconds === undefined || attempt >= MAX_BUSY_RETRIES || signal.aborted) throw failure;
      setState((current) => ({ ...current, retryingInSeconds: seconds }));
      await wait(seconds * 1000, signal);
      setState((current) => ({ ...current, retryingInSeconds: undefined }));
    }
  }
}

/**
 * Runs the hunt: submits it, then checks a still-running hunt until it finishes. Each request is
 * short; Cancel, a new run or leaving the page stops the checks and deletes the running query.
 */
export function useHunt(http: HttpStart): UseHuntValue {
  const [state, setState] = useState<HuntState>({
    status: 'idle',
    responseId: 0,
  });
  const active = useRef<{ controller: AbortController; id?: string } | undefined>(undefined);

  const stopActive = useCallback(() => {
    const current = active.current;
    active.current = undefined;
    if (!current) return;
    current.controller.abort();
    // Fire and forget: the query must not keep running for nobody.
    if (current.id) postHuntCancel(http, current.id).catch(() => undefined);
  }, [http]);

  const cancel = useCallback(() => {
    stopActive();
    setState((current) =>
      current.status === 'loading'
        ? {
            ...current,
            status: current.response ? 'success' : 'idle',
            startedAt: undefined,
            retryingInSeconds: undefined,
          }
        : current
    );
  }, [stopActive]);

  const run = useCallback(
    (params: HuntParams, window: RunWindow) => {
      stopActive();
      const own = { controller: new AbortController(), id: undefined as string | undefined };
      active.current = own;
      const { signal } = own.controller;
      setState((current) => ({
        ...current,
        status: 'loading',
        params,
        window,
        startedAt: Date.now(),
        error: undefined,
        retryingInSeconds: undefined,
      }));

      (async () => {
        // The window travels with the params: the server queries these instants, not `now`.
        const body = { ...params, window };
        let response = await withBusyRetry(() => postHunt(http, body, signal), signal, setState);
        let lastCheckedAt = Date.now();
        while (response.outcome === 'running' && response.id) {
          own.id = response.id;
          const id = response.id;
          const checkedAt = lastCheckedAt;
          const status = await withBusyRetry(
            () => postHuntStatus(http, { id, limit: params.limit }, signal),
            signal,
            setState
          ).catch((error: unknown) => {
            throw explainGoneHunt(toHuntRequestError(error), checkedAt);
          });
          lastCheckedAt = Date.now();
          if (!status.is_running) {
            own.id = undefined;
            const { is_running: _running, ...result } = status;
            response = { ...response, ...result, outcome: 'ok', id: undefined };
          }
        }
        return response;
      })().then(
        (response) => {
          if (signal.aborted) return;
          active.current = undefined;
          setState((current) => ({
            status: 'success',
            response,
            params,
            window,
            responseParams: params,
            responseId: current.responseId + 1,
          }));
        },
        (error: unknown) => {
          if (signal.aborted) return;
          active.current = undefined;
          const failure = toHuntRequestError(error);
          // A check that failed leaves the query running; it must not run on for nobody. One
          // Elasticsearch no longer has needs no cancelling.
          if (own.id && failure.code !== 'hunt_expired' && failure.code !== 'hunt_not_found')
            postHuntCancel(http, own.id).catch(() => undefined);
          setState((current) => ({
            status: 'error',
            error: failure,
            params,
            window,
            responseId: current.responseId,
          }));
        }
      );
    },
    [http, stopActive]
  );

  const restore = useCallback<UseHuntValue['restore']>(
    ({ params, response, ranAt }) => {
      stopActive();
      setState((current) => ({
        status: 'success',
        response,
        params,
        window: { start: response.time.start, end: response.time.end },
        responseParams: params,
        responseId: current.responseId + 1,
        startedAt: ranAt,
      }));
    },
    [stopActive]
  );

  useEffect(() => stopActive, [stopActive]);

  return { ...state, run, restore, cancel };
}
