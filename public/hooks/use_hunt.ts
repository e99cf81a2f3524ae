import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import type { HuntResponse } from '../../common/hunt/api_types';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { HuntRequestError, postHunt, toHuntRequestError } from '../services/hunt_api';

export type HuntStatus = 'idle' | 'loading' | 'success' | 'error';

export interface UseHuntValue {
  status: HuntStatus;
  response?: HuntResponse;
  error?: HuntRequestError;
  /** The params of the run shown (or running). */
  params?: HuntParams;
  /** When the current run started (ms since epoch), for elapsed time. */
  startedAt?: number;
  run(params: HuntParams): void;
  cancel(): void;
}

/** Runs the hunt; a new run or leaving the page aborts the one in flight. */
export function useHunt(http: HttpStart): UseHuntValue {
  const [state, setState] = useState<Omit<UseHuntValue, 'run' | 'cancel'>>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState((current) => (current.status === 'loading' ? { ...current, status: current.response ? 'success' : 'idle', startedAt: undefined } : current));
  }, []);

  const run = useCallback(
    (params: HuntParams) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState((current) => ({ ...current, status: 'loading', params, startedAt: Date.now(), error: undefined }));
      postHunt(http, params, own.signal).then(
        (response) => {
          if (own.signal.aborted) return;
          setState({ status: 'success', response, params, startedAt: undefined });
        },
        (error: unknown) => {
          if (own.signal.aborted) return;
          setState({ status: 'error', error: toHuntRequestError(error), params, startedAt: undefined });
        }
      );
    },
    [http]
  );

  useEffect(() => () => controller.current?.abort(), []);

  return { ...state, run, cancel };
}
