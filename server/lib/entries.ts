import type { SavedObject, SavedObjectsClientContract } from '@kbn/core/server';
import { MAX_ENTRIES } from '../../common/constants';
import {
  ENTRY_SAVED_OBJECT_TYPE,
  expiryProblem,
  isActive,
  type Entry,
  type EntriesResponse,
  type EntryAttributes,
  type EntryInput,
  type EntryUpdate,
} from '../../common/entries';

/** A request the entries cannot take: answered 400 with the message. */
export class EntryRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryRequestError';
  }
}

function toEntry(object: SavedObject<EntryAttributes>, now: Date): Entry {
  return { ...object.attributes, id: object.id, active: isActive(object.attributes, now) };
}

/** The space's entries, newest first (the client is scoped to the request's space). */
export async function listEntries(
  client: SavedObjectsClientContract,
  now = new Date()
): Promise<EntriesResponse> {
  const found = await client.find<EntryAttributes>({
    type: ENTRY_SAVED_OBJECT_TYPE,
    perPage: MAX_ENTRIES,
    sortField: 'created_at',
    sortOrder: 'desc',
  });
  return { entries: found.saved_objects.map((object) => toEntry(object, now)), total: found.total };
}

export async function createEntry(
  client: SavedObjectsClientContract,
  input: EntryInput,
  author: string,
  now = new Date()
): Promise<Entry> {
  const problem = expiryProblem(input.expires_at, now);
  if (problem) throw new EntryRequestError(problem);
  const existing = await client.find<EntryAttributes>({
    type: ENTRY_SAVED_OBJECT_TYPE,
    perPage: 1,
  });
  if (existing.total >= MAX_ENTRIES) {
    throw new EntryRequestError(
      `This space already holds ${MAX_ENTRIES} entries, the most a hunt applies: remove some first.`
    );
  }
  const attributes: EntryAttributes = {
    kind: input.kind,
    principal: input.principal,
    principal_field: input.principal_field,
    action: input.action,
    cidr: input.cidr,
    note: input.note,
    author,
    created_at: now.toISOString(),
    expires_at: input.expires_at,
  };
  return toEntry(await client.create<EntryAttributes>(ENTRY_SAVED_OBJECT_TYPE, attributes), now);
}

export async function updateEntry(
  client: SavedObjectsClientContract,
  id: string,
  update: EntryUpdate,
  now = new Date()
): Promise<Entry> {
  const problem =
    update.expires_at === undefined ? undefined : expiryProblem(update.expires_at, now);
  if (problem) throw new EntryRequestError(problem);
  await client.update<EntryAttributes>(ENTRY_SAVED_OBJECT_TYPE, id, update);
  return toEntry(await client.get<EntryAttributes>(ENTRY_SAVED_OBJECT_TYPE, id), now);
}

export async function deleteEntry(client: SavedObjectsClientContract, id: string): Promise<void> {
  await client.delete(ENTRY_SAVED_OBJECT_TYPE, id);
}
