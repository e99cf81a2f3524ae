import type { ElasticsearchClient } from '@kbn/core/server';
import type { EventsResponse } from '../../common/hunt/api_types';
import type { EventsParams } from '../../common/hunt/events_params';
import { buildRowPivot, PIVOT_EVENT_LIMIT } from '../../common/hunt/pivot_queries';
import { readRecords } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { getFieldCoverage } from './field_coverage';
import { assertEsqlResult, toClientParams } from './run_hunt';
import { isNoIndexError } from './es_errors';

/**
 * The raw events of one result row, read in place for the flyout. One day of one principal's one
 * action is small, so this is a plain ES|QL query with a LIMIT, as the calling user.
 */
export async function getRowEvents(
  client: ElasticsearchClient,
  params: EventsParams,
  { signal, now = new Date() }: { signal?: AbortSignal; now?: Date } = {}
): Promise<EventsResponse> {
  const { row, ...hunt } = params;
  const coverage = await getFieldCoverage(client, hunt.index_patterns, signal);
  const window = resolveTimeRange(hunt.time_range, now);
  const pivot =
    coverage.indices.length > 0
      ? buildRowPivot(hunt, row, coverage.availableFields, window)
      : undefined;
  const empty: EventsResponse = {
    query: null,
    columns: [],
    events: [],
    truncated: false,
    is_partial: false,
    time_range: { from: row.day, to: row.day },
  };
  if (!pivot) return empty;
  try {
    const body = assertEsqlResult(
      await client.esql.query(
        { query: pivot.query, params: toClientParams(pivot.params), filter: pivot.filter },
        { signal }
      )
    );
    const events = readRecords(body);
    return {
      query: pivot.inlined,
      columns: body.columns ?? [],
      events,
      truncated: events.length >= PIVOT_EVENT_LIMIT,
      is_partial: body.is_partial === true,
      time_range: pivot.timeRange,
    };
  } catch (error) {
    if (isNoIndexError(error))
      return { ...empty, query: pivot.inlined, time_range: pivot.timeRange };
    throw error;
  }
}
