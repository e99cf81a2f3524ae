import type { ElasticsearchClient, SavedObjectsClientContract } from '@kbn/core/server';
import {
  buildHiddenRowsQuery,
  hidingEntries,
  shapeHiddenRows,
  type HiddenRowsResponse,
} from '../../common/hunt/allowlist';
import type { HuntParams } from '../../common/hunt/hunt_params';
import { readAllowlist } from './allowlist';
import { isNoIndexError } from './es_errors';
import { getFieldCoverage } from './field_coverage';
import { assertEsqlResult, huntWindow, toClientParams } from './run_hunt';

/**
 * The rows the space's benign entries hide from a hunt, over the hunt's own window: one plain
 * ES|QL query as the calling user that reads the window once more and returns only the hidden
 * rows' keys (at most the hunt's row limit, with one more to know there are more). The entries
 * are read again as the user; the page compares them with those the hunt applied.
 */
export async function getHiddenRows(
  client: ElasticsearchClient,
  params: HuntParams,
  savedObjects: SavedObjectsClientContract | undefined,
  { signal, now = new Date() }: { signal?: AbortSignal; now?: Date } = {}
): Promise<HiddenRowsResponse> {
  const time = huntWindow(params, now);
  // The benign entries whatever `include_hidden` says: the count is what they hide.
  const allowlist = await readAllowlist(savedObjects, false, now);
  const empty: HiddenRowsResponse = {
    rows: [],
    truncated: false,
    hiding_entries: 0,
    applied: allowlist.applied,
    query: null,
    ...(allowlist.error ? { error: allowlist.error } : {}),
  };
  if (allowlist.applied.length === 0) return empty;
  const coverage = await getFieldCoverage(client, params.index_patterns, signal);
  if (coverage.indices.length === 0) return empty;
  const built = buildHiddenRowsQuery(params, time, coverage.availableFields, allowlist.applied);
  if (!built) return empty;
  let body;
  try {
    body = assertEsqlResult(
      await client.esql.query(
        { query: built.query, params: toClientParams(built.params), filter: built.filter },
        { signal }
      )
    );
  } catch (error) {
    if (isNoIndexError(error)) return { ...empty, query: built.inlined };
    throw error;
  }
  const rows = shapeHiddenRows(body, params.group_by);
  const shown = rows.slice(0, params.limit);
  return {
    rows: shown,
    truncated: rows.length > params.limit,
    hiding_entries: hidingEntries(shown, allowlist.applied),
    applied: allowlist.applied,
    query: built.inlined,
  };
}
