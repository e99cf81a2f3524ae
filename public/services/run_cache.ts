/**
 * The last run of this browser tab, kept in sessionStorage under the view it was made for (the
 * hunt's parameters and its pinned window, as the URL writes them). Coming back to that view
 * (Back from a case or from Discover, a reload) shows those rows again without running the hunt.
 *
 * A stored run is still valid when:
 * - it is for exactly this view: the same parameters and the same two instants (the URL's
 *   `start`/`end`), so it is the same query over the same window;
 * - its answer was complete: finished, not partial (a shard or cluster missing);
 * - it is younger than RUN_CACHE_MAX_AGE_MS. Events indexed late can still land in a window that
 *   ended when the hunt ran; after an hour the window is queried again, and those count too.
 * Anything else runs the hunt over the pinned window again. sessionStorage belongs to one tab and
 * is emptied when it closes; a tab opened from a link starts without it.
 */
import type { HuntResponse } from '../../common/hunt/api_types';
import type { HuntParams } from '../../common/hunt/hunt_params';
import type { RunWindow } from '../../common/hunt/run_window';

export const RUN_CACHE_KEY = 'entraSpHunt.lastRun';
/** How long a finished run stands in for querying its window again. */
export const RUN_CACHE_MAX_AGE_MS = 60 * 60 * 1000;
/** Bumped when the stored shape changes, so an old entry is ignored rather than misread. */
// 2: responses carry the allowlist entries their query applied.
const RUN_CACHE_VERSION = 2;

export interface CachedRun {
  /** The view the run was made for: the URL's search, with `run=1` and the window. */
  view: string;
  params: HuntParams;
  window: RunWindow;
  response: HuntResponse;
  /** When the run started (ms since epoch). */
  ranAt: number;
  /** When it was stored (ms since epoch). */
  savedAt: number;
}

interface StoredRun extends CachedRun {
  version: number;
}

/** sessionStorage, or nothing where the browser refuses it (privacy modes, sandboxed frames). */
export function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the run for its view. A result too large for the tab's quota is simply not kept. */
export function storeRun(storage: Storage | undefined, run: CachedRun): void {
  if (!storage) return;
  const stored: StoredRun = { ...run, version: RUN_CACHE_VERSION };
  try {
    storage.setItem(RUN_CACHE_KEY, JSON.stringify(stored));
  } catch {
    // QuotaExceededError: the next visit runs the pinned window instead.
    storage.removeItem(RUN_CACHE_KEY);
  }
}

function isReusable(stored: StoredRun, view: string, now: number): boolean {
  return (
    stored.version === RUN_CACHE_VERSION &&
    stored.view === view &&
    now - stored.savedAt >= 0 &&
    now - stored.savedAt < RUN_CACHE_MAX_AGE_MS &&
    stored.response?.outcome !== 'running' &&
    stored.response?.is_partial === false &&
    stored.response.time?.start === stored.window?.start &&
    stored.response.time?.end === stored.window?.end
  );
}

/** The stored run for `view`, when it is still valid (see above). */
export function readRun(
  storage: Storage | undefined,
  view: string,
  now = Date.now()
): CachedRun | undefined {
  if (!storage) return undefined;
  let stored: StoredRun;
  try {
    stored = JSON.parse(storage.getItem(RUN_CACHE_KEY) ?? 'null') as StoredRun;
  } catch {
    return undefined;
  }
  if (!stored || typeof stored !== 'object' || !isReusable(stored, view, now)) return undefined;
  const { version: _version, ...run } = stored;
  return run;
}
