import { useEffect, useMemo, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import {
  huntRowKeyText,
  rowKeyText,
  sameMatches,
  type HiddenRow,
  type HiddenRowsResponse,
} from '../../common/hunt/allowlist';
import type { HuntResponse } from '../../common/hunt/api_types';
import type { HuntParams } from '../../common/hunt/hunt_params';
import type { HuntRow } from '../../common/hunt/shape_results';
import { postHiddenRows } from '../services/entries_api';
import type { HuntRequestError } from '../services/hunt_api';

export interface UseHiddenRowsValue {
  loading: boolean;
  result?: HiddenRowsResponse;
  error?: HuntRequestError;
  /** The space's benign entries changed between the hunt and the count: run again. */
  changed: boolean;
  /** The hidden row a shown row is (with `include_hidden`), if it is one. */
  hiddenRow(row: HuntRow): HiddenRow | undefined;
}

/**
 * Asks which rows the space's benign entries hide, over the window the hunt ran on, once its rows
 * are on screen: for "N rows hidden by M entries", and to mark those rows when they are shown.
 * Only when the space has active benign entries; a failure leaves the rows as they are.
 */
export function useHiddenRows(
  http: HttpStart,
  response: HuntResponse | undefined,
  params: HuntParams | undefined
): UseHiddenRowsValue {
  const body = useMemo(() => {
    if (!response || !params || response.outcome !== 'ok') return undefined;
    if (response.allowlist.benign_entries === 0) return undefined;
    return JSON.stringify({
      ...params,
      window: { start: response.time.start, end: response.time.end },
    });
  }, [params, response]);
  const [state, setState] = useState<{
    loading: boolean;
    result?: HiddenRowsResponse;
    error?: HuntRequestError;
  }>({ loading: false });

  useEffect(() => {
    if (body === undefined) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState({ loading: true });
    postHiddenRows(http, JSON.parse(body), controller.signal).then(
      (result) => setState({ loading: false, result }),
      (error: HuntRequestError) => {
        if (!controller.signal.aborted) setState({ loading: false, error });
      }
    );
    return () => controller.abort();
  }, [body, http]);

  return useMemo(() => {
    const byKey = new Map(
      (state.result?.rows ?? []).map((row) => [rowKeyText(row.day, row.action, row.principal), row])
    );
    const changed =
      !!state.result &&
      !!response &&
      !response.allowlist.include_hidden &&
      !sameMatches(state.result.applied, response.allowlist.applied);
    return {
      ...state,
      changed,
      hiddenRow: (row) => (params ? byKey.get(huntRowKeyText(row, params.group_by)) : undefined),
    };
  }, [params, response, state]);
}
