/**
 * The largest legal body of each route, as text: every field at its named limit, strings padded to
 * their maximum length with what validation trims or accepts, pretty-printed, and every string
 * character spelt as `\uXXXX` (JSON's longest legal spelling). A route's `maxBytes` must admit it.
 */
import {
  ESQL_MAX_ROW_LIMIT,
  MAX_CIDR_LENGTH,
  MAX_DAILY_ACTIONS_LIMIT,
  MAX_INDEX_PATTERNS,
  MAX_INDEX_PATTERN_LENGTH,
  MAX_TIME_EXPRESSION_LENGTH,
  MAX_TRUSTED_CIDRS,
  MIN_DISTINCT_IPS_LIMIT,
} from '../../common/constants';
import { MAX_ASYNC_ID_LENGTH } from '../../common/hunt/async_params';
import { DATASETS } from '../../common/hunt/data_sources';
import { MAX_PIVOT_VALUE_LENGTH } from '../../common/hunt/events_params';

const JSON_STRING = /"((?:[^"\\]|\\.)*)"/g;

function spellLongest(json: string): string {
  return json.replace(JSON_STRING, (literal) => {
    const text = JSON.parse(literal) as string;
    const escaped = [...text]
      .map((char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
      .join('');
    return `"${escaped}"`;
  });
}

/** Pads with spaces, which validation trims, up to `length`. */
const padded = (value: string, length: number) => value.padEnd(length, ' ');

function largestHuntBody() {
  return {
    time_range: {
      from: padded('now-30d', MAX_TIME_EXPRESSION_LENGTH),
      to: padded('now', MAX_TIME_EXPRESSION_LENGTH),
    },
    max_daily_actions: MAX_DAILY_ACTIONS_LIMIT,
    min_distinct_ips: MIN_DISTINCT_IPS_LIMIT,
    datasets: [...DATASETS],
    index_patterns: Array.from({ length: MAX_INDEX_PATTERNS }, (_, index) =>
      `logs-${index}-`.padEnd(MAX_INDEX_PATTERN_LENGTH, 'a')
    ),
    group_by: 'name',
    trusted_cidrs: Array.from({ length: MAX_TRUSTED_CIDRS }, (_, index) =>
      padded(`10.${index >> 8}.${index & 255}.1/32`, MAX_CIDR_LENGTH)
    ),
    limit: ESQL_MAX_ROW_LIMIT,
  };
}

const ASYNC_ID = 'F'.repeat(MAX_ASYNC_ID_LENGTH);

/** Largest legal bodies by route kind, as the text a client could send. */
export function largestLegalBodies(): Record<
  'hunt' | 'coverage' | 'events' | 'status' | 'cancel',
  string
> {
  const hunt = largestHuntBody();
  const text = (body: unknown) => spellLongest(JSON.stringify(body, null, 2));
  return {
    hunt: text(hunt),
    coverage: text({ time_range: hunt.time_range, index_patterns: hunt.index_patterns }),
    events: text({
      ...hunt,
      row: {
        day: '2026-11-20T00:00:00.123456789+05:30',
        // Any text is a legal name or action; control characters need escapes in JSON.
        action: '\u0001'.repeat(MAX_PIVOT_VALUE_LENGTH),
        principal: '"'.repeat(MAX_PIVOT_VALUE_LENGTH),
      },
    }),
    status: text({ id: ASYNC_ID, limit: ESQL_MAX_ROW_LIMIT }),
    cancel: text({ id: ASYNC_ID }),
  };
}
