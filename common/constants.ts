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
/** Enrichment of a hunt's rows (where from, how common, how new), run after the rows arrive. */
export const TRIAGE_API_PATH = '/internal/entra_sp_hunt/triage';
/** The rows of a hunt that the space's benign entries hide (count and keys). */
export const HIDDEN_ROWS_API_PATH = '/internal/entra_sp_hunt/hidden_rows';
/** The space's shared allowlist entries and review marks: list and create. */
export const ENTRIES_API_PATH = '/internal/entra_sp_hunt/entries';
/** One entry: update (PUT) and remove (DELETE). */
export const ENTRY_API_PATH = '/internal/entra_sp_hunt/entries/{id}';

/**
 * The Kibana feature that guards the app, its saved objects and its routes. `all` may change the
 * space's entries; `read` may hunt and read them. Route tags are the feature's API privileges.
 */
export const FEATURE_ID = PLUGIN_ID;
export const API_PRIVILEGES = {
  read: `${PLUGIN_ID}-read`,
  write: `${PLUGIN_ID}-write`,
} as const;
/** UI capabilities the feature grants (`capabilities.entraSpHunt.<name>`). */
export const UI_CAPABILITIES = { show: 'show', write: 'write' } as const;

/** The baseline before the hunt window that "new IP" and "new action" compare with. */
export const DEFAULT_BASELINE_DAYS = 30;
/** A year of history is as far back as the hunt's own lookback sensibly goes. */
export const MAX_BASELINE_DAYS = 365;
/**
 * An address that at least this many other principals used in the window is shared (an egress,
 * a proxy, a cloud range): a benign sign. Five is above what one attacker's handful of stolen
 * principals gives, and below what a corporate egress of automation gives.
 */
export const DEFAULT_SHARED_PRINCIPALS = 5;
export const MAX_SHARED_PRINCIPALS = 100_000;
/**
 * Enrichment asks about at most this many addresses and principals (each one ES|QL param). The
 * default row limit gives fewer; past the bound the first ones in the hunt's order are enriched
 * and the page says how many were left out.
 */
export const MAX_TRIAGE_IPS = 1_000;
export const MAX_TRIAGE_PRINCIPALS = 1_000;
/** "Who else" lists at most this many principals per address (the count is always exact). */
export const MAX_LISTED_PRINCIPALS = 25;

/**
 * Entries in one space. Each active one becomes ES|QL params of every hunt, so the list stays
 * reviewable by a person and the query stays small.
 */
export const MAX_ENTRIES = 500;
/** A note says why; a page of text is not a note. */
export const MAX_NOTE_LENGTH = 1_000;
/** Principal names and ids in the data are short; this bounds what an entry may name. */
export const MAX_PRINCIPAL_LENGTH = 1_024;
/** An entry expires at most ten years ahead; "never" is no expiry. */
export const MAX_EXPIRY_DAYS = 3_650;

/**
 * Request body limits (`options.body.maxBytes`): an entry is one note and one principal (a few KiB
 * once escaped); a triage body holds up to 1,000 addresses and 1,000 principal names of up to
 * 1 KiB, above Kibana's 1 MiB default payload.
 */
export const ENTRY_BODY_MAX_BYTES = 16_384;
export const TRIAGE_BODY_MAX_BYTES = 2_097_152;
