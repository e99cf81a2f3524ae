import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpStart } from '@kbn/core/public';
import type { Entry } from '../../common/entries';
import {
  createEntry,
  getEntries,
  removeEntry,
  updateEntry,
  type EntryChange,
  type EntryDraft,
} from '../services/entries_api';
import type { HuntRequestError } from '../services/hunt_api';

export interface UseEntriesValue {
  entries: Entry[];
  total: number;
  loading: boolean;
  /** Reading the list failed (the page still hunts). */
  error?: HuntRequestError;
  reload(): void;
  /** Each resolves once the server stored the change and the list was read again; throws its error. */
  create(draft: EntryDraft): Promise<Entry>;
  update(id: string, change: EntryChange): Promise<Entry>;
  remove(id: string): Promise<void>;
}

/**
 * The space's allowlist entries and review marks, read when the page opens and again after every
 * change (and after a failed one: a 404 or 409 means the list on screen is out of date).
 */
export function useEntries(http: HttpStart): UseEntriesValue {
  const [state, setState] = useState<{
    entries: Entry[];
    total: number;
    loading: boolean;
    error?: HuntRequestError;
  }>({ entries: [], total: 0, loading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true }));
    getEntries(http, controller.signal).then(
      (found) =>
        Array.isArray(found?.entries)
          ? setState({ entries: found.entries, total: found.total, loading: false })
          : setState({ entries: [], total: 0, loading: false }),
      (error: HuntRequestError) => {
        if (!controller.signal.aborted)
          setState((current) => ({ ...current, loading: false, error }));
      }
    );
    return () => controller.abort();
  }, [http, generation]);

  const after = useCallback(
    async <T>(request: Promise<T>): Promise<T> => {
      try {
        return await request;
      } finally {
        if (mounted.current) reload();
      }
    },
    [reload]
  );

  return {
    ...state,
    reload,
    create: useCallback((draft) => after(createEntry(http, draft)), [after, http]),
    update: useCallback((id, change) => after(updateEntry(http, id, change)), [after, http]),
    remove: useCallback(
      async (id) => {
        await after(removeEntry(http, id));
      },
      [after, http]
    ),
  };
}
