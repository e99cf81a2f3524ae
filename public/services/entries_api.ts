import type { HttpStart } from '@kbn/core/public';
import { API_VERSION, ENTRIES_API_PATH, HIDDEN_ROWS_API_PATH } from '../../common/constants';
import type { HiddenRowsResponse } from '../../common/hunt/allowlist';
import type { EntriesResponse, Entry } from '../../common/entries';
import { toHuntRequestError } from './hunt_api';

/** The body the page sends to create an entry (author and times are the server's). */
export interface EntryDraft {
  kind: 'benign' | 'reviewed';
  principal?: string;
  principal_field?: 'name' | 'id';
  action?: string;
  cidr?: string;
  note: string;
  expires_at?: string | null;
}

export interface EntryChange {
  kind?: 'benign' | 'reviewed';
  note?: string;
  expires_at?: string | null;
}

const entryPath = (id: string) => `${ENTRIES_API_PATH}/${encodeURIComponent(id)}`;

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toHuntRequestError(error);
  }
}

export function getEntries(http: HttpStart, signal?: AbortSignal): Promise<EntriesResponse> {
  return call(() => http.get<EntriesResponse>(ENTRIES_API_PATH, { version: API_VERSION, signal }));
}

export function createEntry(http: HttpStart, draft: EntryDraft): Promise<Entry> {
  return call(() =>
    http.post<Entry>(ENTRIES_API_PATH, { body: JSON.stringify(draft), version: API_VERSION })
  );
}

export function updateEntry(http: HttpStart, id: string, change: EntryChange): Promise<Entry> {
  return call(() =>
    http.put<Entry>(entryPath(id), { body: JSON.stringify(change), version: API_VERSION })
  );
}

export function removeEntry(http: HttpStart, id: string): Promise<{ deleted: true }> {
  return call(() => http.delete<{ deleted: true }>(entryPath(id), { version: API_VERSION }));
}

export function postHiddenRows(
  http: HttpStart,
  body: unknown,
  signal?: AbortSignal
): Promise<HiddenRowsResponse> {
  return call(() =>
    http.post<HiddenRowsResponse>(HIDDEN_ROWS_API_PATH, {
      body: JSON.stringify(body),
      version: API_VERSION,
      signal,
    })
  );
}
