export { HUNT_DEFINITION } from './definition';
export type { HuntDefinition, MitreTechnique } from './definition';
export { DATASETS, DATA_SOURCES, HUNT_FIELDS, COMMON_FIELDS } from './data_sources';
export type { Dataset, DataSource } from './data_sources';
export {
  huntParamsSchema,
  parseHuntParams,
  DEFAULT_HUNT_PARAMS,
  DEFAULT_INDEX_PATTERNS,
  GROUP_BY_VALUES,
} from './hunt_params';
export type { HuntParams, HuntParamsInput, GroupBy, ParamsIssue } from './hunt_params';
export { buildHuntQuery } from './build_hunt_query';
export type { BuiltHuntQuery, BuildHuntQueryResult, SkippedDataset } from './build_hunt_query';
export { resolveTimeRange, isTimeExpression } from './time_range';
export type { TimeRange, ResolvedTimeRange } from './time_range';
export { shapeHuntResponse } from './shape_results';
export type { HuntRow, HuntResult, EsqlResponseLike } from './shape_results';
export { escapeEsqlString, inlineEsqlParams, normaliseEsql } from './esql_text';
