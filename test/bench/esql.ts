/**
 * Interpreter benchmark (not a test): the default hunt as the server sends it, run by the fake
 * Elasticsearch's ES|QL interpreter in process, over the scenario and over a synthetic set of
 * 100,000 documents with the scenario's mappings. Prints min/median/max per dataset.
 *   npm run bench:esql -- --runs 20 --documents 100000
 */
import { performance } from 'perf_hooks';
import { buildHuntQuery } from '../../common/hunt/build_hunt_query';
import { COVERAGE_FIELDS } from '../../common/hunt/data_sources';
import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { runEsql } from '../harness/fake_elasticsearch/esql_engine';
import {
  FakeIndex,
  fieldCapabilities,
  type IndexInput,
} from '../harness/fake_elasticsearch/indices';
import { syntheticIndices } from './synthetic';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function measure(label: string, inputs: IndexInput[], runs: number): void {
  const now = new Date();
  const indexStarted = performance.now();
  const indices = inputs.map((input) => new FakeIndex(input));
  const indexMs = performance.now() - indexStarted;
  const documents = indices.reduce((sum, index) => sum + index.documents.length, 0);
  const fields = new Set(
    Object.keys(
      fieldCapabilities(indices, { fields: COVERAGE_FIELDS, includeUnmapped: false }).fields
    )
  );
  const params = huntParamsSchema.parse({});
  const time = resolveTimeRange(params.time_range, now);
  if (!time) throw new Error('time did not resolve');
  const built = buildHuntQuery(params, time, fields);
  if (!built.ok) throw new Error('no hunt query for these indices');
  const body = { query: built.hunt.query, params: built.hunt.params, filter: built.hunt.filter };
  // Warm-up: the first run compiles the code paths.
  const rows = (runEsql(indices, body).body.values as unknown[]).length;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const usage = process.cpuUsage();
    runEsql(indices, body);
    const spent = process.cpuUsage(usage);
    times.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1_000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const figure = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `${label}: ${documents.toLocaleString('en')} documents, ${rows} rows; indexing ${figure(indexMs)}; default hunt over ${runs} runs: min ${figure(times[0])}, median ${figure(times[Math.floor(times.length / 2)])}, max ${figure(times[times.length - 1])} (CPU time median ${figure(cpu[Math.floor(cpu.length / 2)])}, which a busy machine inflates less)`
  );
}

function main() {
  const runs = option('runs', 20);
  const documents = option('documents', 100_000);
  const now = new Date();
  measure('scenario', buildScenarioIndices(now), runs);
  measure('synthetic', syntheticIndices(documents, now), Math.max(3, Math.round(runs / 4)));
}

main();
