/**
 * Checked at elastic/kibana@605f206d550d3dabacbf71a96e3e76733616a999:src/platform/plugins/shared/data/public/query/persisted_log/persisted_log.ts
 * Stand-in for `@kbn/data-plugin/public/mocks`: a working time history over a storage, built as the
 * data plugin builds its own (elastic/kibana:src/platform/plugins/shared/data/public/query/timefilter/time_history.ts
 * over persisted_log.ts). Standalone only.
 */
import { BehaviorSubject } from 'rxjs';
import type { TimeHistoryContract, TimeRange } from '.';

/** Kibana's storage key and length for the time picker's history. */
export const TIME_HISTORY_STORAGE_KEY = 'kibana.timepicker.timeHistory';
const TIME_HISTORY_MAX_LENGTH = 10;

/** What Kibana's IStorageWrapper offers (elastic/kibana:src/platform/plugins/shared/kibana_utils/public/storage/types.ts). */
export interface IStorageWrapper {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A TimeHistory over `storage`, as the data plugin builds it (standalone only). */
export function createTimeHistory(storage: IStorageWrapper): TimeHistoryContract {
  const stored = storage.get(TIME_HISTORY_STORAGE_KEY);
  const items$ = new BehaviorSubject<TimeRange[]>(
    Array.isArray(stored) ? (stored as TimeRange[]).slice(0, TIME_HISTORY_MAX_LENGTH) : []
  );
  return {
    add: (time) => {
      if (!time || !time.from || !time.to) return;
      const entry = { from: time.from, to: time.to };
      const next = [
        entry,
        ...items$.value.filter((item) => item.from !== entry.from || item.to !== entry.to),
      ].slice(0, TIME_HISTORY_MAX_LENGTH);
      storage.set(TIME_HISTORY_STORAGE_KEY, next);
      items$.next(next);
    },
    get: () => items$.value.map((item) => ({ ...item })),
    get$: () => items$.asObservable(),
  };
}
