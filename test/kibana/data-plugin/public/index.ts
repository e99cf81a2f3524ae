/**
 * Checked at elastic/kibana@06aff12606427c3837b1323874a9aa153002f64b:src/platform/plugins/shared/data/public/query/timefilter/time_history.ts
 * Stand-in for `@kbn/data-plugin/public`: only the time-range history the app's picker offers as
 * "Recently used", with Kibana's names and signatures.
 *
 * Mirrors:
 * - elastic/kibana:src/platform/plugins/shared/data/public/query/timefilter/time_history.ts
 *   (TimeHistory: a persisted log under `kibana.timepicker.timeHistory`, newest first, at most 10,
 *   a range equal to an older one replaces it)
 * - elastic/kibana:src/platform/plugins/shared/data/public/query/persisted_log/persisted_log.ts
 * - elastic/kibana:src/platform/plugins/shared/data/public/types.ts (DataPublicPluginStart.query)
 */
import type { Observable } from 'rxjs';

/** elastic/kibana:src/platform/packages/shared/kbn-es-query/src/filters/helpers/time_range.ts */
export interface TimeRange {
  from: string;
  to: string;
  mode?: 'absolute' | 'relative';
}

export interface TimeHistoryContract {
  add(time: TimeRange): void;
  get(): TimeRange[];
  get$(): Observable<TimeRange[]>;
}

export interface DataPublicPluginStart {
  query: {
    timefilter: {
      history: TimeHistoryContract;
    };
  };
}
