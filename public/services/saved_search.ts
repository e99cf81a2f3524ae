import type { TimeRange } from '@kbn/es-query';
import type { SavedSearchPublicPluginStart } from '@kbn/saved-search-plugin/public';

export interface EsqlSessionInput {
  title: string;
  description: string;
  esql: string;
  timeRange: TimeRange;
  /** The analyst confirmed saving under a title another session already has. */
  allowDuplicateTitle: boolean;
}

export type SaveSessionResult = { status: 'saved'; id: string } | { status: 'duplicate_title' };

/**
 * Saves an ES|QL query as a Discover session (saved search) with its time range, so it reopens in
 * Discover exactly and can be attached to a case. Follows the saved_search start contract:
 * `getNew()`, the query on the search source, `save()` resolving to undefined for an unconfirmed
 * duplicate title.
 */
export async function saveEsqlSession(
  savedSearch: SavedSearchPublicPluginStart,
  input: EsqlSessionInput
): Promise<SaveSessionResult> {
  const session = savedSearch.getNew();
  session.searchSource.setField('query', { esql: input.esql });
  Object.assign(session, {
    title: input.title,
    description: input.description,
    isTextBasedQuery: true,
    columns: [],
    sort: [],
    timeRestore: true,
    timeRange: { from: input.timeRange.from, to: input.timeRange.to },
  });
  let duplicate = false;
  const id = await savedSearch.save(session, {
    isTitleDuplicateConfirmed: input.allowDuplicateTitle,
    onTitleDuplicate: () => {
      duplicate = true;
    },
  });
  if (!id || duplicate) return { status: 'duplicate_title' };
  return { status: 'saved', id };
}
