import type { ElasticsearchClient } from '@kbn/core/server';
import type { EventsResponse } from '../../common/hunt/api_types';
import type { AllowlistMatch } from '../../common/hunt/allowlist';
import type { EventsParams } from '../../common/hunt/events_params';
import { buildRowPivot, PIVOT_EVENT_LIMIT } from '../../common/hunt/pivot_queries';
import {
  COMPLETE_RESULT,
  probeLimit,
  readPartial,
  resultNotes,
  takeRows,
  warningsFromHeaders,
} from '../../common/hunt/result_notes';
import { readRecords } from '../../common/hunt/shape_results';
import { getFieldCoverage } from './field_coverage';
import { answerParts, assertEsqlResult, huntWindow, toClientParams } from './run_hunt';
import { isWholeNoIndexError } from './es_errors';
import { rowCapFor } from './row_cap';

/**
 * The raw events of one result row, read in place for the flyout. One day of one principal's one
 * action is small, so this is a plain ES|QL query with a LIMIT, as the calling user; it asks for
 * one event more than it shows, so a cut list is known.
 */
export async function getRowEvents(
  client: ElasticsearchClient,
  params: EventsParams,
  {
    signal,
    now = new Date(),
    allowlist = [],
  }: { signal?: AbortSignal; now?: Date; allowlist?: readonly AllowlistMatch[] } = {}
): Promise<EventsResponse> {
  const { row, ...hunt } = params;
  // The run's own window: the row's first and last day are cut where the run's window was.
  const window = huntWindow(hunt, now);
  const coverage = await getFieldCoverage(client, hunt.index_patterns, signal);
  const pivot =
    coverage.indices.length > 0
      ? buildRowPivot(
          hunt,
          row,
          coverage.availableFields,
          window,
          probeLimit(PIVOT_EVENT_LIMIT),
          allowlist
        )
      : undefined;
  const empty: EventsResponse = {
    query: null,
    columns: [],
    events: [],
    ...COMPLETE_RESULT,
    time_range: { from: row.day, to: row.day },
  };
  if (!pivot) return empty;
  try {
    const answer = await client.esql.query(
      { query: pivot.query, params: toClientParams(pivot.params), filter: pivot.filter },
      { signal, meta: true }
    );
    const { warnings } = answerParts(answer);
    const body = assertEsqlResult(answer.body);
    const records = readRecords(body);
    const rowCap = await rowCapFor(client, records.length, PIVOT_EVENT_LIMIT, signal);
    const taken = takeRows(records, PIVOT_EVENT_LIMIT, rowCap);
    return {
      query: pivot.inlined,
      columns: body.columns ?? [],
      events: taken.rows,
      ...resultNotes({
        truncated_by: taken.truncated_by,
        row_cap: taken.row_cap,
        partial: readPartial(body),
        warnings: warningsFromHeaders(warnings),
      }),
      time_range: pivot.timeRange,
    };
  } catch (error) {
    if (isWholeNoIndexError(error, hunt.index_patterns))
      return { ...empty, query: pivot.inlined, time_range: pivot.timeRange };
    throw error;
  }
}
