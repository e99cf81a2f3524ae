/**
 * The largest legal body of each route, computed from the same named limits the validators apply,
 * and declared as the route's `options.body.maxBytes`: Kibana (hapi's payload parser) answers a
 * bigger body with 413 before reading it, so no request can make the server parse or validate
 * more than a legal body's worth of JSON (elastic/kibana:src/core/packages/http/server-internal/src/http_server.ts,
 * `configureRoute`: `payload.maxBytes` from `route.options.body.maxBytes`).
 *
 * The bound is generous on purpose: every string character is counted at JSON's longest spelling
 * (`\uXXXX`), every entry with room for pretty-printing, so no legal body is ever refused.
 */
import {
  MAX_CIDR_LENGTH,
  MAX_INDEX_PATTERNS,
  MAX_INDEX_PATTERN_LENGTH,
  MAX_TIME_EXPRESSION_LENGTH,
  MAX_TRUSTED_CIDRS,
} from '../../common/constants';
import { MAX_ASYNC_ID_LENGTH } from '../../common/hunt/async_params';
import { DATASETS } from '../../common/hunt/data_sources';
import { MAX_PIVOT_VALUE_LENGTH, MAX_ROW_DAY_LENGTH } from '../../common/hunt/events_params';
import { GROUP_BY_VALUES } from '../../common/hunt/hunt_params';
import { MAX_INSTANT_LENGTH } from '../../common/hunt/run_window';
import { MAX_RUN_KEY_PART_LENGTH, MAX_RUN_KEYS } from '../../common/run_history';

/** JSON's longest spelling of one character: `\uXXXX`. */
const MAX_JSON_BYTES_PER_CHAR = 6;
/** Quotes, a comma, a line break and indentation around one value of pretty-printed JSON. */
const VALUE_OVERHEAD_BYTES = 16;
/** Keys, braces, numbers, booleans and indentation of a body's fixed fields. */
const STRUCTURE_BYTES = 4_096;

function stringBytes(maxLength: number): number {
  return maxLength * MAX_JSON_BYTES_PER_CHAR + VALUE_OVERHEAD_BYTES;
}

function longest(values: readonly string[]): number {
  return Math.max(...values.map((value) => value.length));
}

const TIME_RANGE_BYTES = 2 * stringBytes(MAX_TIME_EXPRESSION_LENGTH);
const INDEX_PATTERNS_BYTES = MAX_INDEX_PATTERNS * stringBytes(MAX_INDEX_PATTERN_LENGTH);

/** `POST …/coverage`: a time range and index patterns. */
export const COVERAGE_BODY_MAX_BYTES = STRUCTURE_BYTES + TIME_RANGE_BYTES + INDEX_PATTERNS_BYTES;

/** `POST …/hunt`: every parameter at its limit. */
export const HUNT_BODY_MAX_BYTES =
  COVERAGE_BODY_MAX_BYTES +
  DATASETS.length * stringBytes(longest(DATASETS)) +
  stringBytes(longest(GROUP_BY_VALUES)) +
  MAX_TRUSTED_CIDRS * stringBytes(MAX_CIDR_LENGTH);

/** `POST …/events`: the hunt's body plus the row it reads. */
export const EVENTS_BODY_MAX_BYTES =
  HUNT_BODY_MAX_BYTES + stringBytes(MAX_ROW_DAY_LENGTH) + 2 * stringBytes(MAX_PIVOT_VALUE_LENGTH);

/** `POST …/hunt/status` and `…/hunt/cancel`: an async id (and a row limit). */
export const ASYNC_BODY_MAX_BYTES = STRUCTURE_BYTES + stringBytes(MAX_ASYNC_ID_LENGTH);

/**
 * `POST …/runs`: the hunt's body with its window, and up to MAX_RUN_KEYS row keys (principal and
 * action at MAX_RUN_KEY_PART_LENGTH, a day instant). About 3.4 MB at worst, every character
 * escaped; a real record of 1,000 rows is about a tenth of that.
 */
export const RUN_BODY_MAX_BYTES =
  HUNT_BODY_MAX_BYTES +
  2 * stringBytes(MAX_INSTANT_LENGTH) +
  MAX_RUN_KEYS * (2 * stringBytes(MAX_RUN_KEY_PART_LENGTH) + stringBytes(MAX_INSTANT_LENGTH));
