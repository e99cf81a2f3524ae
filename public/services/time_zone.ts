import moment from 'moment-timezone';
import type { MomentInstance } from '../../common/hunt/time_range';

/**
 * A moment function that reads and computes times in `zone`: what date math needs to round
 * `now-7d/d` to the analyst's midnight and to read `2026-11-01T08:00` as eight o'clock there.
 *
 * Kibana resolves the time picker's date math with the global moment, whose default zone its core
 * sets from `dateFormat:tz` (elastic/kibana:src/core/packages/integrations/browser-internal/src/moment/moment_service.ts;
 * the data plugin's `calculateBounds` in
 * elastic/kibana:src/platform/plugins/shared/data/common/query/timefilter/get_time.ts then parses
 * with that moment). The page passes the zone explicitly instead, as `@kbn/datemath`'s
 * `momentInstance` option allows, so a run resolves the same way whatever the global holds.
 * A zone moment-timezone does not know falls back to UTC, as the page's formatting does.
 */
export function zonedMoment(zone: string): MomentInstance {
  const known = moment.tz.zone(zone) ? zone : 'UTC';
  const zoned = (input?: moment.MomentInput) =>
    input === undefined ? moment.tz(known) : moment.tz(input, known);
  // Date math asks its moment `isMoment(text)` before anything else.
  return Object.assign(zoned, { isMoment: moment.isMoment }) as unknown as MomentInstance;
}
