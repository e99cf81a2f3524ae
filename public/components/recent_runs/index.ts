export { RecentRuns } from './recent_runs';
export type { RecentRunsProps } from './recent_runs';
export {
  HISTORY_OFF,
  HISTORY_READING,
  HISTORY_UNAVAILABLE,
  newSinceLabel,
  NO_EARLIER_RUN,
  SEEN_BEFORE,
} from './translations';
