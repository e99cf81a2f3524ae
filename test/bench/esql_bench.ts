/**
 * What the interpreter benchmarks share: their command-line options, the indices with the fields
 * field coverage would report for them, and min/median/max of a query run in process.
 */
import { performance } from 'perf_hooks';
import { buildHuntQuery, type BuiltQuery } from '../../common/hunt/build_hunt_query';
import { COVERAGE_FIELDS } from '../../common/hunt/data_sources';
import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { shapeHuntResponse, type EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { runEsql } from '../harness/fake_elasticsearch/esql_engine';
import {
  FakeIndex,
  fieldCapabilities,
  type IndexInput,
} from '../harness/fake_elasticsearch/indices';

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

export interface Figures {
  min: number;
  median: number;
  max: number;
}

/** The indices, their document count and the coverage fields they map, as the server reads them. */
export function loadIndices(inputs: IndexInput[]) {
  const indices = inputs.map((input) => new FakeIndex(input));
  const documents = indices.reduce((sum, index) => sum + index.documents.length, 0);
  const fields = new Set(
    Object.keys(
      fieldCapabilities(indices, { fields: COVERAGE_FIELDS, includeUnmapped: false }).fields
    )
  );
  return { indices, documents, fields };
}

/**
 * The default hunt over the indices as the server builds it for `now`, and the rows it answers:
 * what the benchmarks of the page's follow-up queries start from.
 */
export function defaultHunt(inputs: IndexInput[], now: Date) {
  const { indices, documents, fields } = loadIndices(inputs);
  const params = huntParamsSchema.parse({});
  const window = resolveTimeRange(params.time_range, now);
  if (!window) throw new Error('time did not resolve');
  const built = buildHuntQuery(params, window, fields);
  if (!built.ok) throw new Error('no hunt query for these indices');
  const answer = runEsql(indices, {
    query: built.hunt.query,
    params: built.hunt.params,
    filter: built.hunt.filter,
  });
  const rows = shapeHuntResponse(answer.body as EsqlResponseLike, params.limit).rows;
  return { indices, documents, fields, params, window, hunt: built.hunt, rows };
}

/** Wall-clock figures of `runs` runs after one warm-up (the first run compiles the code paths). */
export function timeQuery(
  indices: FakeIndex[],
  query: BuiltQuery | undefined,
  runs: number
): Figures {
  if (!query) return { min: 0, median: 0, max: 0 };
  const body = { query: query.query, params: query.params, filter: query.filter };
  runEsql(indices, body);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    runEsql(indices, body);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    min: times[0],
    median: times[Math.floor(times.length / 2)],
    max: times[times.length - 1],
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export const figuresLine = (figures: Figures) =>
  `min ${ms(figures.min)}, median ${ms(figures.median)}, max ${ms(figures.max)}`;
