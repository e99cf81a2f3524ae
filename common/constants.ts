/**
 * The contract both sides of the plugin share: identifiers, route paths, the API version and the
 * named limits every validator and every form applies.
 */

export const PLUGIN_ID = 'entraSpHunt';
export const PLUGIN_NAME = 'Entra ID service principal hunt';

/** Versioned internal routes; bodies and paths are snake_case. */
export const API_VERSION = '1';
export const HUNT_API_PATH = '/internal/entra_sp_hunt/hunt';
export const COVERAGE_API_PATH = '/internal/entra_sp_hunt/coverage';
/** Poll and cancel a hunt that is still running in Elasticsearch (async ES|QL). */
export const HUNT_STATUS_API_PATH = '/internal/entra_sp_hunt/hunt/status';
export const HUNT_CANCEL_API_PATH = '/internal/entra_sp_hunt/hunt/cancel';
/** The raw events behind one result row, for the row flyout. */
export const EVENTS_API_PATH = '/internal/entra_sp_hunt/events';

/** The plugin's own locator, so Cases and other apps can link to an exact hunt view. */
export const ENTRA_SP_HUNT_LOCATOR = 'ENTRA_SP_HUNT_LOCATOR';

/** ES|QL returns at most this many rows when a query carries no LIMIT. */
export const ESQL_DEFAULT_ROW_LIMIT = 1_000;
/**
 * The most rows a hunt may ask for: ES|QL's default row cap (esql.query.result_truncation_max_size),
 * which cuts any larger LIMIT silently.
 */
export const ESQL_MAX_ROW_LIMIT = 10_000;

export const DEFAULT_TIME_FROM = 'now-30d';
export const DEFAULT_TIME_TO = 'now';
/** The seed hunt calls an action rare at five or fewer events a day. */
export const DEFAULT_MAX_DAILY_ACTIONS = 5;
/** The seed hunt wants at least two distinct source IPs. */
export const DEFAULT_MIN_DISTINCT_IPS = 2;

/** A day holds 86,400 seconds; a higher daily count cannot be "rare" in any useful sense. */
export const MAX_DAILY_ACTIONS_LIMIT = 100_000;
/** Distinct IPs per group are bounded by the events in the group, so the same bound applies. */
export const MIN_DISTINCT_IPS_LIMIT = 100_000;
/** Enough for every egress range of a large tenant; each entry becomes one ES|QL param. */
export const MAX_TRUSTED_CIDRS = 500;
/** FROM takes a short list; more than this is a typo or an attack, not a hunt. */
export const MAX_INDEX_PATTERNS = 20;
/** Elasticsearch rejects index names longer than 255 bytes. */
export const MAX_INDEX_PATTERN_LENGTH = 255;
/** Datemath or an ISO 8601 instant never needs more. */
export const MAX_TIME_EXPRESSION_LENGTH = 64;
/** An IPv6 CIDR is at most 43 characters (49 with an embedded IPv4 tail); room for spaces. */
export const MAX_CIDR_LENGTH = 64;

/**
 * How long Elasticsearch keeps an async hunt nobody checks: long enough between two checks, short
 * enough that an abandoned tab leaves nothing behind for long. Each check extends it; the page
 * uses it to tell a hunt that expired while it could not check (a sleeping laptop) from one gone
 * for another reason.
 */
export const ASYNC_HUNT_KEEP_ALIVE_MINUTES = 2;

/**
 * Cases refuses a comment longer than this (elastic/kibana:x-pack/platform/plugins/shared/cases/common/constants/index.ts,
 * `MAX_COMMENT_LENGTH`), and a title of a saved-object attachment longer than `MAX_TITLE_LENGTH`.
 */
export const MAX_COMMENT_LENGTH = 30_000;
export const MAX_CASE_TITLE_LENGTH = 160;
