/**
 * Server overhead benchmark (not a test): the hunt route against a bare `esql.asyncQuery` with
 * the identical request, both answered by the pre-serialised stand-in in its own process, run
 * interleaved, and against the same client making every request the route makes (field caps, the
 * query, the row-cap setting) and parsing each answer. Prints, per size, the CPU and wall-time ratios route ÷ bare (min/median/max), what
 * the bare call costs alone, and memory ÷ the raw answer.
 *   npm run bench:server -- --rounds 30
 *
 * CPU is this process's user+system time across the call (the stand-in's is not counted); wall
 * time includes the round trips, the route making three (field caps, the query, the row-cap
 * setting) where the bare call makes one. Memory: with a young generation large enough that no
 * collection runs during one call, the heap and ArrayBuffer growth across it is everything the
 * call allocated, an upper bound of its peak; "retained" is what is still held once a full
 * collection has run with the result alive.
 */
import { spawn } from 'child_process';
import { createInterface } from 'readline';
import { performance } from 'perf_hooks';
import { loadavg } from 'os';
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { HUNT_API_PATH } from '../../common/constants';
import { registerHuntRoute } from '../../server/routes/hunt_route';
import { createRequestContext } from '../helpers/es_mock';
import { callRoute } from '../helpers/route_runner';

const SIZES = [1_000, 10_000];

interface RequestParams {
  method: string;
  path: string;
  body?: string;
  querystring?: Record<string, unknown>;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const gc = (globalThis as { gc?: () => void }).gc;

function memory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

interface Sample {
  cpuMs: number;
  wallMs: number;
  allocated: number;
}

async function measure(run: () => Promise<unknown>): Promise<Sample> {
  gc?.();
  const before = memory();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs, allocated: memory() - before };
}

async function retained(run: () => Promise<unknown>): Promise<number> {
  // Twice: the first collection can leave ArrayBuffers its finalisers free on the next.
  gc?.();
  gc?.();
  const before = memory();
  const result = await run();
  gc?.();
  gc?.();
  const after = memory();
  // Keeps the result alive across the collection above.
  if (result === undefined) throw new Error('no result');
  return after - before;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Number(value.toFixed(3));
  return {
    min: round(sorted[0]),
    median: round(sorted[Math.floor(sorted.length / 2)]),
    max: round(sorted[sorted.length - 1]),
  };
}

async function startStandIn(): Promise<{ url: string; bytes: Map<number, number>; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/pre_serialised_es.ts', ...SIZES.map(String)],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const [line] = await new Promise<string[]>((resolve) =>
    createInterface({ input: child.stdout }).once('line', (text) => resolve([text]))
  );
  const { port, bytes } = JSON.parse(line) as { port: number; bytes: string };
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: new Map(
      bytes.split(',').map((entry) => entry.split(':').map(Number) as [number, number])
    ),
    stop: () => child.kill(),
  };
}

async function main() {
  if (!gc) throw new Error('run with --expose-gc (npm run bench:server does)');
  const rounds = option('rounds', 30);
  const standIn = await startStandIn();
  const client = new Client({ node: standIn.url, maxRetries: 0 });
  const router = httpServiceMock.createRouter();
  const logger = loggingSystemMock.createLogger();
  registerHuntRoute(router, logger);
  const route = router.versioned.getRoute('post', HUNT_API_PATH);
  const context = createRequestContext(client);
  const results: Record<string, unknown> = {};

  try {
    for (const rows of SIZES) {
      // The requests the route sends, captured once and replayed by the bare calls.
      let captured: Record<string, unknown> | undefined;
      const sent: RequestParams[] = [];
      const capture = (_error: unknown, event: unknown) => {
        const { params } = (event as { meta: { request: { params: RequestParams } } }).meta.request;
        sent.push(params);
        if (params.path === '/_query/async') captured = JSON.parse(String(params.body));
      };
      client.diagnostic.on('request', capture);
      let responseBytes = 0;
      const viaRoute = async () => {
        const response = await callRoute(route, { body: { limit: rows }, context });
        responseBytes = Buffer.isBuffer(response.payload) ? response.payload.length : Number.NaN;
        if (response.status !== 200)
          throw new Error(`route answered ${response.status}: ${JSON.stringify(response.payload)}`);
        return response.payload;
      };
      await viaRoute();
      client.diagnostic.off('request', capture);
      if (!captured) throw new Error('the route sent no ES|QL request');
      const request = captured;
      const bare = async () =>
        (await client.esql.asyncQuery(request as never, { meta: true })).body;
      // Every request the route made (field caps, the query, the row-cap setting), each parsed
      // by the client as usual: what any code asking the same questions pays.
      const calls = [...sent];
      const bareSameCalls = async () => {
        let last: unknown;
        for (const { method, path, body, querystring } of calls)
          last = (await client.transport.request({ method, path, body, querystring })) as unknown;
        return last;
      };

      // Warm both paths (JIT, sockets) before measuring.
      for (let index = 0; index < 5; index += 1) {
        await viaRoute();
        await bare();
        await bareSameCalls();
      }
      const cpu: number[] = [];
      const wall: number[] = [];
      const cpuSameCalls: number[] = [];
      const wallSameCalls: number[] = [];
      const routeSamples: Sample[] = [];
      const bareSamples: Sample[] = [];
      const sameCallsSamples: Sample[] = [];
      for (let round = 0; round < rounds; round += 1) {
        // Rotate which goes first, so none always runs on a warmer process.
        const variants = [viaRoute, bare, bareSameCalls];
        const order = [0, 1, 2].map((index) => (index + round) % 3);
        const samples: Sample[] = [];
        for (const index of order) samples[index] = await measure(variants[index]);
        const [routeSample, bareSample, sameCallsSample] = samples;
        routeSamples.push(routeSample);
        bareSamples.push(bareSample);
        sameCallsSamples.push(sameCallsSample);
        cpu.push(routeSample.cpuMs / bareSample.cpuMs);
        wall.push(routeSample.wallMs / bareSample.wallMs);
        cpuSameCalls.push(routeSample.cpuMs / sameCallsSample.cpuMs);
        wallSameCalls.push(routeSample.wallMs / sameCallsSample.wallMs);
      }
      const raw = standIn.bytes.get(rows) ?? Number.NaN;
      const routeRetained = await retained(viaRoute);
      const bareRetained = await retained(bare);
      results[`${rows}_rows`] = {
        raw_body_bytes: raw,
        response_over_raw: Number((responseBytes / raw).toFixed(4)),
        route_requests: calls.map(({ method, path }) => `${method} ${path}`),
        cpu_ratio_route_over_bare: stats(cpu),
        wall_ratio_route_over_bare: stats(wall),
        cpu_ratio_route_over_bare_same_calls: stats(cpuSameCalls),
        wall_ratio_route_over_bare_same_calls: stats(wallSameCalls),
        bare_same_calls_cpu_ms: stats(sameCallsSamples.map((sample) => sample.cpuMs)),
        bare_cpu_ms: stats(bareSamples.map((sample) => sample.cpuMs)),
        route_cpu_ms: stats(routeSamples.map((sample) => sample.cpuMs)),
        bare_wall_ms: stats(bareSamples.map((sample) => sample.wallMs)),
        route_wall_ms: stats(routeSamples.map((sample) => sample.wallMs)),
        allocated_over_raw_route: stats(routeSamples.map((sample) => sample.allocated / raw)),
        allocated_over_raw_bare: stats(bareSamples.map((sample) => sample.allocated / raw)),
        retained_over_raw_route: Number((routeRetained / raw).toFixed(2)),
        retained_over_raw_bare: Number((bareRetained / raw).toFixed(2)),
      };
    }
  } catch (error) {
    console.error(logger.messages.error.join('\n'));
    throw error;
  } finally {
    await client.close();
    standIn.stop();
  }
  console.log(
    JSON.stringify(
      { rounds, load_average: loadavg().map((value) => Number(value.toFixed(2))), ...results },
      null,
      2
    )
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
