import type { SkippedDataset } from './build_hunt_query';
import type { AppliedAllowlist } from './allowlist';
import type { Dataset } from './data_sources';
import type { ResultNotes } from './result_notes';
import type { EsqlResponseLike, HuntRow } from './shape_results';

/**
 * - `ok`: the query ran (rows may be empty: no matches).
 * - `no_indices`: the index patterns match no index this user can read.
 * - `no_sources`: indices exist but none holds the fields of a chosen data source.
 * - `running`: the query is still running in Elasticsearch; poll with `id`.
 */
export type HuntOutcome = 'ok' | 'running' | 'no_indices' | 'no_sources';

/** The body of a successful `POST /internal/entra_sp_hunt/hunt`. */
export interface HuntResponse extends ResultNotes {
  outcome: HuntOutcome;
  /** For `running`: the async query to poll or cancel (readable only by the same user). */
  id?: string;
  rows: HuntRow[];
  took_ms: number | null;
  /** The query that ran, inlined as the analyst reads it (null when none could be built). */
  query: string | null;
  /**
   * The same query with the window written as its two instants: what leaves the page (Discover
   * links, saved sessions, cases), so it shows these rows whenever it is opened.
   */
  pinned_query: string | null;
  /**
   * The window the query covered: the analyst's range as written (`from`, `to`) and the instants
   * the run used (`start` exclusive, `end` inclusive).
   */
  time: { from: string; to: string; start: string; end: string };
  /** Data sources the query included. */
  datasets: Dataset[];
  skipped: SkippedDataset[];
  /** Fields every branch needs that no index maps (for `no_sources`). */
  missing_fields: string[];
  /** Included data sources whose principals have no name (grouped by name, they merge). */
  nameless_datasets: Dataset[];
  limit: number;
  /** Hunt and detail fields the matched indices map: what pivots from these rows may name. */
  available_fields: string[];
  /** The space's benign entries this run applied (their events left out), or why none were. */
  allowlist: AppliedAllowlist;
}

/**
 * The body the hunt route sends: everything in `HuntResponse` but the rows, and Elasticsearch's
 * ES|QL answer as Elasticsearch sent it (`columns`, `values`, `took`, …), which the browser
 * shapes into rows with `shapeHuntRows`. `values` may hold one row more than `limit`: the probe
 * row that proves more exist. Null when no query ran or it is still running.
 */
export interface HuntWireResponse extends Omit<HuntResponse, 'rows' | 'took_ms'> {
  esql: EsqlResponseLike | null;
}

/** The body of every error response, as Kibana serialises `customError`. */
export interface HuntErrorBody {
  statusCode: number;
  error?: string;
  message: string;
  attributes?: {
    code?: string;
    reason?: string;
    missing_source?: string;
    /** For `unknown_index`: the index patterns Elasticsearch found no index for. */
    missing_indices?: string[];
    retry_after_seconds?: number;
  };
}

/** The body of `POST /internal/entra_sp_hunt/hunt/status`: one check of a running hunt. */
export interface HuntStatusResponse extends ResultNotes {
  is_running: boolean;
  rows: HuntRow[];
  took_ms: number | null;
}

/** The body the status route sends: the notes, the limit it was asked for, Elasticsearch's answer. */
export interface HuntStatusWireResponse extends ResultNotes {
  is_running: boolean;
  limit: number;
  esql: EsqlResponseLike | null;
}

/** The body of `POST /internal/entra_sp_hunt/hunt/cancel`: sent only when Elasticsearch deleted it. */
export interface HuntCancelResponse {
  cancelled: true;
}

/** The body of `POST /internal/entra_sp_hunt/events`: the raw events of one row. */
export interface EventsResponse extends ResultNotes {
  /** The pivot query, inlined (what Discover would open). */
  query: string | null;
  columns: Array<{ name: string; type: string }>;
  /** One record per event, by column name; multi-values as arrays. */
  events: Array<Record<string, unknown>>;
  time_range: { from: string; to: string };
}
