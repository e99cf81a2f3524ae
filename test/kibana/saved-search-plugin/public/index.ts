/**
 * Stand-in for `@kbn/saved-search-plugin/public`: the start contract's `getNew` and `save`.
 *
 * Checked at elastic/kibana@dfbb74567c5afa6db2f38c5cb121508930b3fb87:src/platform/plugins/shared/saved_search/public/plugin.ts
 *
 * Mirrors elastic/kibana:src/platform/plugins/shared/saved_search/public/plugin.ts
 * (SavedSearchPublicPluginStart) and …/common/types.ts (SavedSearch attributes used here).
 */
import type { TimeRange } from '@kbn/es-query';

export interface SearchSourceLike {
  setField(field: 'query', value: { esql: string }): SearchSourceLike;
  getField(field: 'query'): { esql: string } | undefined;
}

export interface SavedSearch {
  id?: string;
  title?: string;
  description?: string;
  searchSource: SearchSourceLike;
  columns?: string[];
  sort?: Array<[string, string]>;
  isTextBasedQuery?: boolean;
  timeRestore?: boolean;
  timeRange?: TimeRange;
  managed: boolean;
}

export interface SaveSavedSearchOptions {
  onTitleDuplicate?: () => void;
  isTitleDuplicateConfirmed?: boolean;
  copyOnSave?: boolean;
}

export interface SavedSearchPublicPluginStart {
  getNew(): SavedSearch;
  /** Resolves to the saved object id, or undefined when a duplicate title was not confirmed. */
  save(savedSearch: SavedSearch, options?: SaveSavedSearchOptions): Promise<string | undefined>;
}
