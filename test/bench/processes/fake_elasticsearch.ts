/**
 * The fake Elasticsearch (the ES|QL interpreter over the scenario dataset) in its own process, for
 * the load benchmark, with field caps precomputed. Prints `{ url, usage_port }` once listening.
 *   node --import tsx test/bench/processes/fake_elasticsearch.ts <latency ms>
 */
import { buildScenarioIndices } from '../../fixtures/scenario/build_scenario';
import { startFakeElasticsearch } from '../../harness/fake_elasticsearch/server';
import { serveUsage } from './usage';

async function main() {
  const latencyMs = Number(process.argv[2] ?? 0);
  const fake = await startFakeElasticsearch({
    indices: buildScenarioIndices(new Date()),
    latencyMs,
    precomputedFieldCaps: true,
  });
  const usage = await serveUsage();
  process.stdout.write(`${JSON.stringify({ url: fake.url, usage_port: usage.port })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
