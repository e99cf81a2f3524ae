import { useEffect, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import type { CoverageParams, CoverageResponse } from '../../common/hunt/coverage';
import { type HuntRequestError, postCoverage, toHuntRequestError } from '../services/hunt_api';

/** Typing in the time picker or index patterns should not fire a request per keystroke. */
export const COVERAGE_DEBOUNCE_MS = 300;

export interface UseCoverageValue {
  loading: boolean;
  coverage?: CoverageResponse;
  error?: HuntRequestError;
}

/** Fetches coverage for the window and patterns; undefined params (invalid form) keeps the last. */
export function useCoverage(http: HttpStart, params: CoverageParams | undefined): UseCoverageValue {
  const [value, setValue] = useState<UseCoverageValue>({ loading: params !== undefined });
  const key = params ? JSON.stringify(params) : undefined;

  useEffect(() => {
    if (key === undefined) {
      // Invalid form: nothing to check, and nothing is being checked.
      setValue((current) => (current.loading ? { ...current, loading: false } : current));
      return;
    }
    const controller = new AbortController();
    setValue((current) => ({ ...current, loading: true }));
    const timer = setTimeout(() => {
      postCoverage(http, JSON.parse(key), controller.signal).then(
        (coverage) => setValue({ loading: false, coverage }),
        (error: unknown) => {
          if (!controller.signal.aborted)
            setValue({ loading: false, error: toHuntRequestError(error) });
        }
      );
    }, COVERAGE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [http, key]);

  return value;
}
