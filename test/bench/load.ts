/**
 * Load benchmark (not a test): N concurrent hunts through the harness's HTTP routes to the fake
 * Elasticsearch with added latency. Prints latency percentiles, errors and peak memory.
 *   npm run bench -- --concurrency 50 --rounds 4 --latency 100
 */
import { performance } from 'perf_hooks';
import { API_VERSION, HUNT_API_PATH } from '../../common/constants';
import { startDevServer } from '../harness/dev_server';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const concurrency = option('concurrency', 50);
  const rounds = option('rounds', 4);
  const latencyMs = option('latency', 100);
  const server = await startDevServer({ esLatencyMs: latencyMs });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);

  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const oneHunt = async (index: number) => {
    const started = performance.now();
    try {
      const response = await fetch(`${server.url}${HUNT_API_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'kbn-xsrf': 'bench',
          'elastic-api-version': API_VERSION,
        },
        body: JSON.stringify({ max_daily_actions: 3 + (index % 5), min_distinct_ips: 2 }),
      });
      const body = (await response.json()) as { outcome?: string; rows?: unknown[] };
      if (!response.ok || body.outcome !== 'ok')
        failures[String(response.status)] = (failures[String(response.status)] ?? 0) + 1;
    } catch (error) {
      const key = error instanceof Error ? error.name : 'error';
      failures[key] = (failures[key] ?? 0) + 1;
    }
    latencies.push(performance.now() - started);
  };

  const wallStarted = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      Array.from({ length: concurrency }, (_, index) => oneHunt(round * concurrency + index))
    );
  }
  const wallMs = performance.now() - wallStarted;
  clearInterval(sampler);
  await server.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const errors = Object.values(failures).reduce((sum, count) => sum + count, 0);
  const figures = {
    hunts: latencies.length,
    concurrency,
    es_latency_ms: latencyMs,
    p50_ms: Math.round(percentile(sorted, 50)),
    p95_ms: Math.round(percentile(sorted, 95)),
    max_ms: Math.round(sorted[sorted.length - 1]),
    throughput_per_s: Number(((latencies.length / wallMs) * 1000).toFixed(1)),
    errors,
    error_kinds: failures,
    peak_rss_mib: Math.round(peakRss / 1024 / 1024),
  };
  console.log(JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
