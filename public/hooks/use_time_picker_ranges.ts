import { useEffect, useMemo, useState } from 'react';
import type { EuiSuperDatePickerDurationRange as DurationRange } from '@elastic/eui';
import type { TimeRange } from '@kbn/data-plugin/public';
import { useServices } from '../services/services_context';

/** The advanced setting listing the picker's quick ranges (elastic/kibana:src/platform/plugins/shared/data/common/constants.ts). */
export const TIMEPICKER_QUICK_RANGES = 'timepicker:quickRanges';
/** The advanced setting with the date format the picker shows absolute times in. */
export const DATE_FORMAT = 'dateFormat';
/** The advanced setting with the zone Kibana shows times in ('Browser' for the browser's). */
export const DATE_FORMAT_TZ = 'dateFormat:tz';

interface QuickRange {
  from: string;
  to: string;
  display: string;
}

export interface UseTimePickerRangesValue {
  /** Kibana's configured quick ranges, as EuiSuperDatePicker's "Commonly used". */
  commonlyUsedRanges: DurationRange[];
  /** The time ranges the analyst ran last, as EuiSuperDatePicker's "Recently used". */
  recentlyUsedRanges: DurationRange[];
  dateFormat: string;
  /** Remembers a range the analyst ran, as Kibana's search bar does on submit. */
  addRecentlyUsed(range: TimeRange): void;
}

const toRecent = (ranges: TimeRange[]): DurationRange[] =>
  ranges.map(({ from, to }) => ({ start: from, end: to }));

/**
 * The time picker's ranges as Kibana's own search bar offers them
 * (elastic/kibana:src/platform/plugins/shared/unified_search/public/query_string_input/query_bar_top_row.tsx):
 * the quick ranges from `timepicker:quickRanges` and the data plugin's time history.
 */
export function useTimePickerRanges(): UseTimePickerRangesValue {
  const { uiSettings, timeHistory } = useServices();
  const commonlyUsedRanges = useMemo(
    () =>
      // No default override: Kibana would return it instead of the registered list.
      (uiSettings.get<QuickRange[] | undefined>(TIMEPICKER_QUICK_RANGES) ?? []).map(
        ({ from, to, display }) => ({ start: from, end: to, label: display })
      ),
    [uiSettings]
  );
  const dateFormat = useMemo(() => uiSettings.get<string>(DATE_FORMAT), [uiSettings]);
  const [recentlyUsedRanges, setRecent] = useState<DurationRange[]>(() =>
    toRecent(timeHistory?.get() ?? [])
  );
  useEffect(() => {
    if (!timeHistory) return;
    const subscription = timeHistory.get$().subscribe((ranges) => setRecent(toRecent(ranges)));
    return () => subscription.unsubscribe();
  }, [timeHistory]);
  return useMemo(
    () => ({
      commonlyUsedRanges,
      recentlyUsedRanges,
      dateFormat,
      addRecentlyUsed: (range) => timeHistory?.add(range),
    }),
    [commonlyUsedRanges, dateFormat, recentlyUsedRanges, timeHistory]
  );
}
