/**
 * Load benchmark (not a test): N concurrent hunts, in rounds, from this process to the plugin's
 * routes in a second process, which queries the fake Elasticsearch (the ES|QL interpreter over
 * the scenario dataset, field caps precomputed, added latency) in a third. Each process's CPU is
 * read from itself, so the figures describe the plugin, not the fake or the load generator.
 * Prints latency percentiles, errors, CPU per hunt in each process and peak RSS.
 *   npm run bench -- --concurrency 50 --rounds 4 --latency 100
 */
import { spawn, type ChildProcess } from 'child_process';
import { createInterface } from 'readline';
import { loadavg } from 'os';
import { performance } from 'perf_hooks';
import { API_VERSION, HUNT_API_PATH } from '../../common/constants';
import type { HuntWireResponse } from '../../common/hunt/api_types';
import type { Usage } from './processes/usage';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Started {
  child: ChildProcess;
  url: string;
  usagePort: number;
}

async function start(script: string, args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const { url, usage_port: usagePort } = JSON.parse(line) as { url: string; usage_port: number };
  return { child, url, usagePort };
}

async function usageOf(started: Started, reset = false): Promise<Usage> {
  const response = await fetch(`http://127.0.0.1:${started.usagePort}/${reset ? 'reset' : ''}`);
  return (await response.json()) as Usage;
}

const MIB = 1024 * 1024;

async function main() {
  const concurrency = option('concurrency', 50);
  const rounds = option('rounds', 4);
  const latencyMs = option('latency', 100);
  const elasticsearch = await start('test/bench/processes/fake_elasticsearch.ts', [
    String(latencyMs),
  ]);
  const kibana = await start('test/bench/processes/kibana_routes.ts', [elasticsearch.url]);

  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let rows = 0;
  let responseBytes = 0;
  const oneHunt = async (index: number) => {
    const started = performance.now();
    try {
      const response = await fetch(`${kibana.url}${HUNT_API_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'kbn-xsrf': 'bench',
          'elastic-api-version': API_VERSION,
        },
        body: JSON.stringify({ max_daily_actions: 3 + (index % 5), min_distinct_ips: 2 }),
      });
      const text = await response.text();
      responseBytes += text.length;
      const body = JSON.parse(text) as Partial<HuntWireResponse>;
      if (!response.ok || body.outcome !== 'ok')
        failures[String(response.status)] = (failures[String(response.status)] ?? 0) + 1;
      else rows += Math.min(body.esql?.values?.length ?? 0, body.limit ?? 0);
    } catch (error) {
      const key = error instanceof Error ? error.name : 'error';
      failures[key] = (failures[key] ?? 0) + 1;
    }
    latencies.push(performance.now() - started);
  };

  try {
    // One hunt first: compiles the routes and fills the precomputed field caps.
    await oneHunt(0);
    latencies.length = 0;
    rows = 0;
    responseBytes = 0;
    const kibanaBefore = await usageOf(kibana, true);
    const elasticsearchBefore = await usageOf(elasticsearch, true);
    const wallStarted = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      await Promise.all(
        Array.from({ length: concurrency }, (_, index) => oneHunt(round * concurrency + index))
      );
    }
    const wallMs = performance.now() - wallStarted;
    const kibanaAfter = await usageOf(kibana);
    const elasticsearchAfter = await usageOf(elasticsearch);

    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = Object.values(failures).reduce((sum, count) => sum + count, 0);
    const hunts = latencies.length;
    console.log(
      JSON.stringify(
        {
          hunts,
          concurrency,
          es_latency_ms: latencyMs,
          load_average: loadavg().map((value) => Number(value.toFixed(2))),
          p50_ms: Math.round(percentile(sorted, 50)),
          p95_ms: Math.round(percentile(sorted, 95)),
          max_ms: Math.round(sorted[sorted.length - 1]),
          throughput_per_s: Number(((hunts / wallMs) * 1000).toFixed(1)),
          errors,
          error_kinds: failures,
          rows_per_hunt: Math.round(rows / Math.max(1, hunts - errors)),
          response_kib_per_hunt: Number((responseBytes / hunts / 1024).toFixed(1)),
          plugin_cpu_ms_per_hunt: Number(
            ((kibanaAfter.cpu_ms - kibanaBefore.cpu_ms) / hunts).toFixed(2)
          ),
          fake_elasticsearch_cpu_ms_per_hunt: Number(
            ((elasticsearchAfter.cpu_ms - elasticsearchBefore.cpu_ms) / hunts).toFixed(2)
          ),
          plugin_peak_rss_mib: Math.round(kibanaAfter.peak_rss_bytes / MIB),
          fake_elasticsearch_peak_rss_mib: Math.round(elasticsearchAfter.peak_rss_bytes / MIB),
        },
        null,
        2
      )
    );
  } finally {
    kibana.child.kill();
    elasticsearch.child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
