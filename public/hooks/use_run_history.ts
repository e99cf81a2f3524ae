import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import type { HuntParams } from '../../common/hunt/hunt_params';
import type { RunWindow } from '../../common/hunt/run_window';
import type { HuntRow } from '../../common/hunt/shape_results';
import {
  previousComparableRun,
  rowsNewSince,
  viewKey,
  type RunRecordInput,
  type RunSummary,
} from '../../common/run_history';
import { getRun, getRuns, postRunRecord } from '../services/run_history_api';

/** The rows on screen and the run they came from. */
export interface ShownRun {
  rows: HuntRow[];
  groupBy: HuntParams['group_by'];
  window: RunWindow;
  /** When the run was recorded (the server's time), or started when it was not recorded. */
  ranAt: string;
  /** The run's own record, so it is never its own baseline. */
  id?: string;
}

export type RunComparison =
  | { status: 'none' }
  | { status: 'loading' }
  /** The space turned history off: nothing is recorded or compared. */
  | { status: 'off' }
  /** No earlier complete run of this view: nothing is marked. `rows`: the rows it is about. */
  | { status: 'first'; rows: readonly HuntRow[] }
  | {
      status: 'compared';
      previous: RunSummary;
      newRows: ReadonlySet<HuntRow>;
      rows: readonly HuntRow[];
    }
  | { status: 'error'; message: string };

/** What the page knows of the view's runs: what the runs panel shows. */
export interface RunHistoryState {
  /** The view the runs are of. */
  viewKey?: string;
  runs: RunSummary[];
  /** Undefined until the server said; false when the space turned history off. */
  enabled?: boolean;
  loading: boolean;
  error?: string;
  /** How the rows on screen compare with the previous comparable run. */
  comparison: RunComparison;
  /** The id of the record of the run on screen, when it was recorded. */
  shownRunId?: string;
}

export interface UseRunHistoryValue extends RunHistoryState {
  /** A run finished (rows or an error): record it, then list the view's runs and compare. */
  recordFinished(record: RunRecordInput, shown?: Omit<ShownRun, 'ranAt' | 'id'>): void;
  /** Rows shown again without running (kept in the tab): list and compare, record nothing. */
  showKept(params: HuntParams, shown: ShownRun): void;
}

const UNREADABLE = 'The run history answer was not understood.';

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'body' in error) {
    const body = (error as { body?: { message?: unknown } }).body;
    if (typeof body?.message === 'string') return body.message;
  }
  return error instanceof Error ? error.message : UNREADABLE;
}

/**
 * The current view's run history: records each finished run (as the user, in the space), lists
 * the view's last runs and finds the rows new since the previous comparable run. A history that
 * cannot be read or written says so beside the results and never stands in their way.
 */
export function useRunHistory(http: HttpStart): UseRunHistoryValue {
  const [state, setState] = useState<RunHistoryState>({
    runs: [],
    loading: false,
    comparison: { status: 'none' },
  });
  const controller = useRef<AbortController | undefined>(undefined);

  const start = useCallback(() => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    return own.signal;
  }, []);

  const load = useCallback(
    async (key: string, shown: ShownRun | undefined, signal: AbortSignal) => {
      const list = await getRuns(http, key, signal);
      if (!list || !Array.isArray(list.runs)) throw new Error(UNREADABLE);
      if (signal.aborted) return;
      const base = { viewKey: key, runs: list.runs, enabled: list.enabled, error: undefined };
      if (!shown) {
        setState({ ...base, loading: false, comparison: { status: 'none' } });
        return;
      }
      if (!list.enabled) {
        setState({ ...base, loading: false, comparison: { status: 'off' } });
        return;
      }
      const previous = previousComparableRun(list.runs, shown);
      if (!previous) {
        setState({
          ...base,
          loading: false,
          comparison: { status: 'first', rows: shown.rows },
          shownRunId: shown.id,
        });
        return;
      }
      setState({ ...base, loading: true, comparison: { status: 'loading' }, shownRunId: shown.id });
      const run = await getRun(http, previous.id, signal);
      if (!run || !Array.isArray(run.keys)) throw new Error(UNREADABLE);
      if (signal.aborted) return;
      setState({
        ...base,
        loading: false,
        shownRunId: shown.id,
        comparison: {
          status: 'compared',
          previous,
          newRows: rowsNewSince(shown.rows, shown.groupBy, run),
          rows: shown.rows,
        },
      });
    },
    [http]
  );

  const fail = useCallback((error: unknown, signal: AbortSignal) => {
    if (signal.aborted) return;
    const message = messageOf(error);
    setState((current) => ({
      ...current,
      loading: false,
      error: message,
      comparison: { status: 'error', message },
    }));
  }, []);

  const recordFinished = useCallback<UseRunHistoryValue['recordFinished']>(
    (record, shown) => {
      const signal = start();
      const { window: _window, ...params } = record.params;
      const key = viewKey(params);
      const startedAt = new Date().toISOString();
      setState((current) => ({
        ...current,
        viewKey: key,
        runs: current.viewKey === key ? current.runs : [],
        loading: true,
        shownRunId: undefined,
        comparison: shown ? { status: 'loading' } : { status: 'none' },
      }));
      (async () => {
        const answer = await postRunRecord(http, record, signal);
        const recorded = answer?.recorded ? answer.run : undefined;
        await load(
          key,
          shown && { ...shown, id: recorded?.id, ranAt: recorded?.ran_at ?? startedAt },
          signal
        );
      })().catch((error: unknown) => fail(error, signal));
    },
    [fail, http, load, start]
  );

  const showKept = useCallback<UseRunHistoryValue['showKept']>(
    (params, shown) => {
      const signal = start();
      const key = viewKey(params);
      setState((current) => ({
        ...current,
        viewKey: key,
        loading: true,
        shownRunId: undefined,
        comparison: { status: 'loading' },
      }));
      load(key, shown, signal).catch((error: unknown) => fail(error, signal));
    },
    [fail, load, start]
  );

  useEffect(() => () => controller.current?.abort(), []);

  return { ...state, recordFinished, showKept };
}
