import { type z } from '@kbn/zod/v4';
import {
  fromClause,
  joinStages,
  ParamList,
  timeCondition,
  timeOverrides,
  timestampFilter,
  type BuiltQuery,
} from './build_hunt_query';
import { COMMON_FIELDS, DATASETS, DATASET_FIELD, DATA_SOURCES, type Dataset } from './data_sources';
import { esqlField, inlineEsqlParams } from './esql_text';
import { huntParamsSchema, parserFor } from './hunt_params';
import { probeLimit, type ResultNotes } from './result_notes';
import type { ResolvedTimeRange } from './time_range';

/** Coverage depends only on where and when the hunt looks. */
export const coverageParamsSchema = huntParamsSchema
  .pick({ time_range: true, index_patterns: true, window: true })
  .strict();
export type CoverageParams = z.output<typeof coverageParamsSchema>;

export const parseCoverageParams = parserFor(coverageParamsSchema);

/**
 * - `ready`: fields mapped, events in the window.
 * - `no_events`: fields mapped, no events in the window.
 * - `not_counted`: fields mapped, no events counted, but the answer was partial or cut: some shards
 *   or clusters did not answer, so "no events" cannot be said.
 * - `missing_fields`: no matched index maps the source's fields.
 */
export type DatasetCoverageStatus = 'ready' | 'no_events' | 'not_counted' | 'missing_fields';

export interface DatasetCoverage {
  dataset: Dataset;
  /** Events of this source in the window; null when they could not be counted. */
  event_count: number | null;
  /** Hunt fields of this source that no matched index maps. */
  missing_fields: string[];
  status: DatasetCoverageStatus;
}

export interface CoverageResponse extends ResultNotes {
  /** Concrete indices the patterns matched for this user. */
  index_count: number;
  /** Hunt fields mapped somewhere: the builder needs them to build the same query the server will. */
  available_fields: string[];
  missing_common_fields: string[];
  datasets: DatasetCoverage[];
  time: { from: string; to: string; start: string; end: string };
}

/** Counts events per data source in the window: `STATS … BY event.dataset`. */
export function buildCoverageQuery(indexPatterns: string[], time: ResolvedTimeRange): BuiltQuery {
  const params = new ParamList();
  const datasets = DATASETS.map((dataset, index) => params.add(`dataset_${index}`, dataset));
  const dataset = esqlField(DATASET_FIELD);
  const query = joinStages([
    fromClause(indexPatterns),
    `WHERE ${timeCondition(time, params)}`,
    `WHERE ${dataset} in (${datasets.join(', ')})`,
    `STATS event_count = COUNT(*) BY ${dataset}`,
    // A stated LIMIT: without one Elasticsearch adds its default and warns about it.
    `LIMIT ${probeLimit(DATASETS.length)}`,
  ]);
  return {
    query,
    params: params.entries,
    filter: timestampFilter(time),
    inlined: inlineEsqlParams(query, params.entries, timeOverrides(time)),
  };
}

/** Combines field caps and event counts into what the page shows for each data source. */
export function describeCoverage(
  availableFields: ReadonlySet<string>,
  counts: ReadonlyMap<string, number> | undefined,
  incomplete = false
): Pick<CoverageResponse, 'datasets' | 'missing_common_fields'> {
  return {
    missing_common_fields: COMMON_FIELDS.filter((field) => !availableFields.has(field)),
    datasets: DATASETS.map((dataset) => {
      const source = DATA_SOURCES[dataset];
      const missing_fields = [
        ...new Set([source.selectorField, ...source.nameFields, ...source.idFields]),
      ].filter((field) => !availableFields.has(field));
      const event_count = counts ? (counts.get(dataset) ?? 0) : null;
      const status: DatasetCoverageStatus = !availableFields.has(source.selectorField)
        ? 'missing_fields'
        : event_count !== 0
          ? 'ready'
          : incomplete
            ? 'not_counted'
            : 'no_events';
      return { dataset, event_count, missing_fields, status };
    }),
  };
}
