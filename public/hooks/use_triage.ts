import { useEffect, useMemo, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import { MAX_TRIAGE_IPS, MAX_TRIAGE_PRINCIPALS } from '../../common/constants';
import type { HuntResponse } from '../../common/hunt/api_types';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { indexTriage, triageSubjects, type TriageIndex } from '../../common/hunt/triage';
import { type HuntRequestError, postTriage, toHuntRequestError } from '../services/hunt_api';

export interface UseTriageValue {
  loading: boolean;
  triage?: TriageIndex;
  error?: HuntRequestError;
  /** Rows left out of the triage because the address or principal bound was reached. */
  leftOut: number;
}

/**
 * Asks where from, how common and how new once a hunt's rows are on screen, for the window the
 * hunt ran on (pinned instants, so the triage reads the same events). A failed triage leaves the
 * rows as they are: it is extra evidence, never a condition for seeing results.
 */
export function useTriage(
  http: HttpStart,
  response: HuntResponse | undefined,
  params: HuntParams | undefined
): UseTriageValue {
  const request = useMemo(() => {
    if (!response || !params || response.outcome !== 'ok' || response.rows.length === 0) {
      return undefined;
    }
    const subjects = triageSubjects(response.rows, params.group_by, {
      ips: MAX_TRIAGE_IPS,
      principals: MAX_TRIAGE_PRINCIPALS,
    });
    return {
      body: JSON.stringify({
        ...params,
        time_range: { from: response.time.start, to: response.time.end },
        ips: subjects.ips,
        principals: subjects.principals,
      }),
      leftOut: subjects.leftOut,
    };
  }, [params, response]);
  const [value, setValue] = useState<UseTriageValue>({ loading: false, leftOut: 0 });

  useEffect(() => {
    if (!request) {
      setValue({ loading: false, leftOut: 0 });
      return;
    }
    const controller = new AbortController();
    setValue({ loading: true, leftOut: request.leftOut });
    postTriage(http, JSON.parse(request.body), controller.signal)
      .then((triage) => {
        if (!Array.isArray(triage?.ips) || !Array.isArray(triage?.baseline)) {
          throw new Error('The triage answer was not understood.');
        }
        return indexTriage(triage);
      })
      .then(
        (triage) => setValue({ loading: false, triage, leftOut: request.leftOut }),
        (error: unknown) => {
          if (!controller.signal.aborted)
            setValue({
              loading: false,
              error: toHuntRequestError(error),
              leftOut: request.leftOut,
            });
        }
      );
    return () => controller.abort();
  }, [http, request]);

  return value;
}
