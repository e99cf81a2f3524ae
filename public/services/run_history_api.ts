import type { HttpStart } from '@kbn/core/public';
import { API_VERSION } from '../../common/constants';
import {
  RUN_API_PATH,
  RUNS_API_PATH,
  type RecordRunResponse,
  type Run,
  type RunRecordInput,
  type RunsResponse,
} from '../../common/run_history';

/** Records a finished run in the current space (nothing when the space turned history off). */
export function postRunRecord(
  http: HttpStart,
  record: RunRecordInput,
  signal?: AbortSignal
): Promise<RecordRunResponse> {
  return http.post<RecordRunResponse>(RUNS_API_PATH, {
    body: JSON.stringify(record),
    version: API_VERSION,
    signal,
  });
}

/** The last runs of a view in the current space, newest first. */
export function getRuns(http: HttpStart, key: string, signal?: AbortSignal): Promise<RunsResponse> {
  return http.get<RunsResponse>(RUNS_API_PATH, {
    query: { view_key: key },
    version: API_VERSION,
    signal,
  });
}

/** One run with its row keys. */
export function getRun(http: HttpStart, id: string, signal?: AbortSignal): Promise<Run> {
  return http.get<Run>(RUN_API_PATH.replace('{id}', encodeURIComponent(id)), {
    version: API_VERSION,
    signal,
  });
}
