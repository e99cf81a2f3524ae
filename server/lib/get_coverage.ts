import type { ElasticsearchClient } from '@kbn/core/server';
import {
  buildCoverageQuery,
  describeCoverage,
  type CoverageParams,
  type CoverageResponse,
} from '../../common/hunt/coverage';
import { DATASETS, DATASET_FIELD, TIMESTAMP_FIELD } from '../../common/hunt/data_sources';
import {
  COMPLETE_RESULT,
  readPartial,
  resultNotes,
  takeRows,
  warningsFromHeaders,
  type ResultNotes,
} from '../../common/hunt/result_notes';
import { readRecords } from '../../common/hunt/shape_results';
import { getFieldCoverage } from './field_coverage';
import { answerParts, assertEsqlResult, huntWindow, toClientParams } from './run_hunt';
import { isWholeNoIndexError } from './es_errors';

/**
 * What the page shows before anything runs: which data sources exist in the window, which of the
 * hunt's fields are mapped, and so what the hunt can and cannot see. All as the calling user.
 * A count from a partial or cut answer is not "no events": those sources say `not_counted`.
 */
export async function getCoverage(
  client: ElasticsearchClient,
  params: CoverageParams,
  { signal, now = new Date() }: { signal?: AbortSignal; now?: Date } = {}
): Promise<CoverageResponse> {
  const time = huntWindow(params, now);
  const timeBody = { from: time.from, to: time.to, start: time.start, end: time.end };
  const fields = await getFieldCoverage(client, params.index_patterns, signal);
  const canCount =
    fields.indices.length > 0 &&
    fields.availableFields.has(DATASET_FIELD) &&
    fields.availableFields.has(TIMESTAMP_FIELD);
  let counts: Map<string, number> | undefined;
  let notes: ResultNotes = COMPLETE_RESULT;
  if (canCount) {
    const built = buildCoverageQuery(params.index_patterns, time);
    try {
      const answer = await client.esql.query(
        { query: built.query, params: toClientParams(built.params), filter: built.filter },
        { signal, meta: true }
      );
      const { warnings } = answerParts(answer);
      const body = assertEsqlResult(answer.body);
      // One row per data source at most; more would mean the counts cannot be trusted.
      const taken = takeRows(readRecords(body), DATASETS.length);
      counts = new Map(
        taken.rows.map((record) => [String(record[DATASET_FIELD]), Number(record.event_count) || 0])
      );
      notes = resultNotes({
        truncated_by: taken.truncated_by,
        row_cap: taken.row_cap,
        partial: readPartial(body),
        warnings: warningsFromHeaders(warnings),
      });
    } catch (error) {
      if (!isWholeNoIndexError(error, params.index_patterns)) throw error;
      counts = new Map();
    }
  }
  const incomplete = notes.is_partial || notes.truncated;
  return {
    index_count: fields.indices.length,
    available_fields: [...fields.availableFields].sort(),
    ...describeCoverage(
      fields.availableFields,
      fields.indices.length > 0 ? counts : new Map(),
      incomplete
    ),
    ...notes,
    time: timeBody,
  };
}
