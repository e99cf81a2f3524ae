/**
 * A hunt view as URL query parameters: what the plugin's locator writes and what the page reads,
 * so any link (from Cases, a bookmark, a colleague) reopens the same view.
 *
 * Values are kept as the analyst typed them: a link with a bad value still opens, and the form
 * shows the value with its error instead of silently dropping it.
 */
import { DATASETS, type Dataset } from './data_sources';
import { DEFAULT_HUNT_PARAMS, type GroupBy, type HuntParams } from './hunt_params';
import type { RunWindow } from './run_window';

/** The plugin's locator params (`ENTRA_SP_HUNT_LOCATOR`); every field optional. */
export interface EntraSpHuntLocatorParams {
  [key: string]:
    | string
    | number
    | boolean
    | string[]
    | { from: string; to: string }
    | { start: string; end: string }
    | undefined;
  /** The analyst's range as written (`now-30d` … `now`): shown, and used by a new run. */
  timeRange?: { from: string; to: string };
  /**
   * The instants of the run a link was made from. With `runOnOpen`, the page runs over exactly
   * this window (the rows the link was made from), not over `timeRange` resolved again.
   */
  window?: { start: string; end: string };
  maxDailyActions?: number;
  minDistinctIps?: number;
  datasets?: string[];
  groupBy?: GroupBy;
  trustedCidrs?: string[];
  indexPatterns?: string[];
  limit?: number;
  /** Triage: days before the window that "new IP" and "new action" compare with. */
  baselineDays?: number;
  /** Triage: other principals from which on an address counts as shared. */
  sharedIpPrincipals?: number;
  /** Show the rows the space's benign entries hide (marked), instead of hiding them. */
  includeHidden?: boolean;
  /** Run the hunt as soon as the page opens. */
  runOnOpen?: boolean;
}

/** The form as the page holds it: text as typed, so invalid input can be shown and corrected. */
export interface HuntFormState {
  from: string;
  to: string;
  maxDailyActions: string;
  minDistinctIps: string;
  datasets: string[];
  groupBy: string;
  trustedCidrs: string[];
  indexPatterns: string[];
  limit: string;
  baselineDays: string;
  sharedIpPrincipals: string;
  includeHidden: boolean;
}

export const URL_KEYS = {
  from: 'from',
  to: 'to',
  maxDailyActions: 'max_daily',
  minDistinctIps: 'min_ips',
  datasets: 'datasets',
  groupBy: 'group_by',
  trustedCidrs: 'cidrs',
  indexPatterns: 'indices',
  limit: 'limit',
  baselineDays: 'baseline_days',
  sharedIpPrincipals: 'shared_ips',
  includeHidden: 'hidden',
  run: 'run',
  windowStart: 'start',
  windowEnd: 'end',
} as const;

export const DEFAULT_FORM_STATE: HuntFormState = {
  from: DEFAULT_HUNT_PARAMS.time_range.from,
  to: DEFAULT_HUNT_PARAMS.time_range.to,
  maxDailyActions: String(DEFAULT_HUNT_PARAMS.max_daily_actions),
  minDistinctIps: String(DEFAULT_HUNT_PARAMS.min_distinct_ips),
  datasets: [...DEFAULT_HUNT_PARAMS.datasets],
  groupBy: DEFAULT_HUNT_PARAMS.group_by,
  trustedCidrs: [],
  indexPatterns: [...DEFAULT_HUNT_PARAMS.index_patterns],
  limit: String(DEFAULT_HUNT_PARAMS.limit),
  baselineDays: String(DEFAULT_HUNT_PARAMS.baseline_days),
  sharedIpPrincipals: String(DEFAULT_HUNT_PARAMS.shared_ip_principals),
  includeHidden: false,
};

const LIST_SEPARATOR = ',';

function list(values: string[]): string {
  return values.join(LIST_SEPARATOR);
}

function parseList(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  return value === '' ? [] : value.split(LIST_SEPARATOR).map((item) => item.trim());
}

/**
 * Writes only what differs from the defaults, so links stay short and readable. A run's window
 * (its two instants) goes with `run=1` only: it pins what that link runs.
 */
export function formStateToSearch(state: HuntFormState, run: boolean, window?: RunWindow): string {
  const search = new URLSearchParams();
  const scalar = (key: keyof typeof URL_KEYS, value: string, fallback: string) => {
    if (value !== fallback) search.set(URL_KEYS[key], value);
  };
  const many = (key: keyof typeof URL_KEYS, value: string[], fallback: string[]) => {
    if (list(value) !== list(fallback)) search.set(URL_KEYS[key], list(value));
  };
  scalar('from', state.from, DEFAULT_FORM_STATE.from);
  scalar('to', state.to, DEFAULT_FORM_STATE.to);
  scalar('maxDailyActions', state.maxDailyActions, DEFAULT_FORM_STATE.maxDailyActions);
  scalar('minDistinctIps', state.minDistinctIps, DEFAULT_FORM_STATE.minDistinctIps);
  many('datasets', state.datasets, DEFAULT_FORM_STATE.datasets);
  scalar('groupBy', state.groupBy, DEFAULT_FORM_STATE.groupBy);
  many('trustedCidrs', state.trustedCidrs, DEFAULT_FORM_STATE.trustedCidrs);
  many('indexPatterns', state.indexPatterns, DEFAULT_FORM_STATE.indexPatterns);
  scalar('limit', state.limit, DEFAULT_FORM_STATE.limit);
  scalar('baselineDays', state.baselineDays, DEFAULT_FORM_STATE.baselineDays);
  scalar('sharedIpPrincipals', state.sharedIpPrincipals, DEFAULT_FORM_STATE.sharedIpPrincipals);
  if (state.includeHidden) search.set(URL_KEYS.includeHidden, '1');
  if (run) search.set(URL_KEYS.run, '1');
  if (run && window) {
    search.set(URL_KEYS.windowStart, window.start);
    search.set(URL_KEYS.windowEnd, window.end);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface UrlView {
  state: HuntFormState;
  run: boolean;
  /** The pinned window as written in the link, not yet validated (with `run` only). */
  window?: { start: string; end: string };
}

export function searchToFormState(search: string): UrlView {
  const query = new URLSearchParams(search);
  const get = (key: keyof typeof URL_KEYS) => query.get(URL_KEYS[key]);
  const run = get('run') === '1';
  const start = get('windowStart');
  const end = get('windowEnd');
  const window =
    run && (start !== null || end !== null) ? { start: start ?? '', end: end ?? '' } : undefined;
  return {
    ...(window ? { window } : {}),
    state: {
      from: get('from') ?? DEFAULT_FORM_STATE.from,
      to: get('to') ?? DEFAULT_FORM_STATE.to,
      maxDailyActions: get('maxDailyActions') ?? DEFAULT_FORM_STATE.maxDailyActions,
      minDistinctIps: get('minDistinctIps') ?? DEFAULT_FORM_STATE.minDistinctIps,
      datasets: parseList(get('datasets')) ?? DEFAULT_FORM_STATE.datasets,
      groupBy: get('groupBy') ?? DEFAULT_FORM_STATE.groupBy,
      trustedCidrs: parseList(get('trustedCidrs')) ?? DEFAULT_FORM_STATE.trustedCidrs,
      indexPatterns: parseList(get('indexPatterns')) ?? DEFAULT_FORM_STATE.indexPatterns,
      limit: get('limit') ?? DEFAULT_FORM_STATE.limit,
      baselineDays: get('baselineDays') ?? DEFAULT_FORM_STATE.baselineDays,
      sharedIpPrincipals: get('sharedIpPrincipals') ?? DEFAULT_FORM_STATE.sharedIpPrincipals,
      includeHidden: get('includeHidden') === '1',
    },
    run,
  };
}

export function locatorParamsToFormState(params: EntraSpHuntLocatorParams): HuntFormState {
  return {
    from: params.timeRange?.from ?? DEFAULT_FORM_STATE.from,
    to: params.timeRange?.to ?? DEFAULT_FORM_STATE.to,
    maxDailyActions:
      params.maxDailyActions !== undefined
        ? String(params.maxDailyActions)
        : DEFAULT_FORM_STATE.maxDailyActions,
    minDistinctIps:
      params.minDistinctIps !== undefined
        ? String(params.minDistinctIps)
        : DEFAULT_FORM_STATE.minDistinctIps,
    datasets: params.datasets ?? DEFAULT_FORM_STATE.datasets,
    groupBy: params.groupBy ?? DEFAULT_FORM_STATE.groupBy,
    trustedCidrs: params.trustedCidrs ?? DEFAULT_FORM_STATE.trustedCidrs,
    indexPatterns: params.indexPatterns ?? DEFAULT_FORM_STATE.indexPatterns,
    limit: params.limit !== undefined ? String(params.limit) : DEFAULT_FORM_STATE.limit,
    baselineDays:
      params.baselineDays !== undefined
        ? String(params.baselineDays)
        : DEFAULT_FORM_STATE.baselineDays,
    sharedIpPrincipals:
      params.sharedIpPrincipals !== undefined
        ? String(params.sharedIpPrincipals)
        : DEFAULT_FORM_STATE.sharedIpPrincipals,
    includeHidden: params.includeHidden === true,
  };
}

/**
 * The hunt params as a locator would store them (e.g. in a case comment). With a window, the link
 * runs over exactly those instants; without one it resolves its range again when opened.
 */
export function paramsToLocatorParams(
  params: Omit<HuntParams, 'window'>,
  runOnOpen: boolean,
  window?: RunWindow
): EntraSpHuntLocatorParams {
  return {
    ...(window ? { window: { start: window.start, end: window.end } } : {}),
    timeRange: { from: params.time_range.from, to: params.time_range.to },
    maxDailyActions: params.max_daily_actions,
    minDistinctIps: params.min_distinct_ips,
    datasets: [...params.datasets],
    groupBy: params.group_by,
    trustedCidrs: [...params.trusted_cidrs],
    indexPatterns: [...params.index_patterns],
    limit: params.limit,
    baselineDays: params.baseline_days,
    sharedIpPrincipals: params.shared_ip_principals,
    ...(params.include_hidden ? { includeHidden: true } : {}),
    runOnOpen,
  };
}

/** Text fields become numbers only when they are numbers; anything else goes to validation as is. */
function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The request body for this form: what the server validates with the same schema. */
export function formStateToParamsInput(state: HuntFormState): Record<string, unknown> {
  return {
    time_range: { from: state.from, to: state.to },
    max_daily_actions: numberOrText(state.maxDailyActions),
    min_distinct_ips: numberOrText(state.minDistinctIps),
    datasets: state.datasets,
    group_by: state.groupBy,
    trusted_cidrs: state.trustedCidrs.filter((cidr) => cidr.trim() !== ''),
    index_patterns: state.indexPatterns,
    limit: numberOrText(state.limit),
    baseline_days: numberOrText(state.baselineDays),
    shared_ip_principals: numberOrText(state.sharedIpPrincipals),
    include_hidden: state.includeHidden,
  };
}

export function isDataset(value: string): value is Dataset {
  return (DATASETS as readonly string[]).includes(value);
}
