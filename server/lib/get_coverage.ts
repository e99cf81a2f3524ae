import type { ElasticsearchClient } from '@kbn/core/server';
import {
  buildCoverageQuery,
  describeCoverage,
  type CoverageParams,
  type CoverageResponse,
} from '../../common/hunt/coverage';
import { readRecords } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { getFieldCoverage } from './field_coverage';
import { assertEsqlResult, toClientParams } from './run_hunt';
import { isNoIndexError } from './es_errors';
import { DATASET_FIELD, TIMESTAMP_FIELD } from '../../common/hunt/data_sources';

/**
 * What the page shows before anything runs: which data sources exist in the window, which of the
 * hunt's fields are mapped, and so what the hunt can and cannot see. All as the calling user.
 */
export async function getCoverage(
  client: ElasticsearchClient,
  params: CoverageParams,
  { signal, now = new Date() }: { signal?: AbortSignal; now?: Date } = {}
): Promise<CoverageResponse> {
  const time = resolveTimeRange(params.time_range, now);
  if (!time) throw new Error('time range did not resolve after validation');
  const timeBody = { from: time.from, to: time.to, start: time.start, end: time.end };

  const fields = await getFieldCoverage(client, params.index_patterns, signal);
  const canCount =
    fields.indices.length > 0 &&
    fields.availableFields.has(DATASET_FIELD) &&
    fields.availableFields.has(TIMESTAMP_FIELD);
  let counts: Map<string, number> | undefined;
  if (canCount) {
    const built = buildCoverageQuery(params.index_patterns, time);
    try {
      const body = assertEsqlResult(
        await client.esql.query(
          { query: built.query, params: toClientParams(built.params), filter: built.filter },
          { signal }
        )
      );
      counts = new Map(
        readRecords(body).map((record) => [
          String(record[DATASET_FIELD]),
          Number(record.event_count) || 0,
        ])
      );
    } catch (error) {
      if (!isNoIndexError(error)) throw error;
      counts = new Map();
    }
  }
  return {
    index_count: fields.indices.length,
    available_fields: [...fields.availableFields].sort(),
    ...describeCoverage(fields.availableFields, fields.indices.length > 0 ? counts : new Map()),
    time: timeBody,
  };
}
