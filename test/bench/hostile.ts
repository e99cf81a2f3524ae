/**
 * Hostile-body benchmark (not a test): sends the worst bodies this generator can make (huge
 * arrays, long strings, deep nesting, many unknown keys; at Kibana's 1 MiB default and at each
 * route's own maxBytes) to the plugin's routes over real HTTP, through the harness's Kibana-like
 * router and a fake Elasticsearch, and prints the status and the time and memory each request
 * costs (min/median/max). The cost must stay flat however big the body is.
 *   npm run bench:hostile -- --repeat 15
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';
import { Client } from '@elastic/elasticsearch';
import { httpServiceMock, loggingSystemMock, payloadLimitOf } from '@kbn/core/server/mocks';
import {
  API_VERSION,
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../../common/constants';
import { registerRoutes } from '../../server/routes';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { startFakeElasticsearch } from '../harness/fake_elasticsearch/server';
import { createKibanaRouteHandler } from '../harness/kibana_http';
import { largestLegalBodies } from '../helpers/largest_bodies';

/** Kibana's default payload limit: the most a route without maxBytes would read. */
const KIBANA_DEFAULT_MAX_BYTES = 1_048_576;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

interface HostileBody {
  name: string;
  text: string;
}

/** As many copies of `entry` as fit in `bytes` once wrapped as `{"field":[…]}`. */
function arrayOfSize(field: string, entry: string, bytes: number): string {
  const head = `{"${field}":[`;
  const count = Math.max(1, Math.floor((bytes - head.length - 2) / (entry.length + 1)));
  return `${head}${Array(count).fill(entry).join(',')}]}`;
}

function stringOfSize(bytes: number): string {
  const head = '{"time_range":{"from":"';
  const tail = '","to":"now"}}';
  return `${head}${'x'.repeat(Math.max(1, bytes - head.length - tail.length))}${tail}`;
}

function nestingOfSize(field: string, bytes: number): string {
  const depth = Math.max(1, Math.floor((bytes - field.length - 5) / 2));
  return `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

function unknownKeysOfSize(bytes: number): string {
  const keys: string[] = [];
  let size = 2;
  for (let index = 0; size < bytes - 32; index += 1) {
    const key = `"k${index}":1`;
    keys.push(key);
    size += key.length + 1;
  }
  return `{${keys.join(',')}}`;
}

/** The worst bodies for one route: at Kibana's 1 MiB default and just under its own maxBytes. */
function hostileBodies(arrayField: string, maxBytes: number): HostileBody[] {
  const underLimit = maxBytes - 64;
  return [
    {
      name: 'huge array, 1 MiB',
      text: arrayOfSize(arrayField, '"x"', KIBANA_DEFAULT_MAX_BYTES),
    },
    { name: 'array at maxBytes', text: arrayOfSize(arrayField, '"x"', underLimit) },
    { name: 'array of numbers at maxBytes', text: arrayOfSize(arrayField, '1', underLimit) },
    { name: 'long string, 1 MiB', text: stringOfSize(KIBANA_DEFAULT_MAX_BYTES) },
    { name: 'long string at maxBytes', text: stringOfSize(underLimit) },
    { name: 'deep nesting, 1 MiB', text: nestingOfSize(arrayField, KIBANA_DEFAULT_MAX_BYTES) },
    { name: 'deep nesting at maxBytes', text: nestingOfSize(arrayField, underLimit) },
    { name: 'unknown keys at maxBytes', text: unknownKeysOfSize(underLimit) },
  ];
}

interface Sample {
  status: number;
  ms: number;
  cpuMs: number;
  heapDeltaMiB: number;
}

async function send(url: string, text: string): Promise<Sample> {
  const cpu = process.cpuUsage();
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'kbn-xsrf': 'bench',
      'elastic-api-version': API_VERSION,
    },
    body: text,
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    status: response.status,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    heapDeltaMiB: (process.memoryUsage().heapUsed - heap) / 1024 / 1024,
  };
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
  return `${fmt(sorted[0])} / ${fmt(median)} / ${fmt(sorted[sorted.length - 1])}`;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    })
  );
}

async function main() {
  const repeat = option('repeat', 15);
  const fakeEs = await startFakeElasticsearch({ indices: buildScenarioIndices(new Date()) });
  const client = new Client({ node: fakeEs.url, maxRetries: 0 });
  const router = httpServiceMock.createRouter();
  registerRoutes(router, loggingSystemMock.createLogger());
  const handle = createKibanaRouteHandler({ router, asCurrentUser: client });
  const server = createServer((request, response) => {
    handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  const base = await listen(server);
  const legal = largestLegalBodies();

  const routes: Array<{ path: string; arrayField: string; legal: string; trivial: string }> = [
    {
      path: HUNT_API_PATH,
      arrayField: 'trusted_cidrs',
      legal: legal.hunt,
      trivial: '{"index_patterns":["logs-none-*"]}',
    },
    {
      path: COVERAGE_API_PATH,
      arrayField: 'index_patterns',
      legal: legal.coverage,
      trivial: '{"index_patterns":["logs-none-*"]}',
    },
    {
      path: EVENTS_API_PATH,
      arrayField: 'datasets',
      legal: legal.events,
      trivial:
        '{"index_patterns":["logs-none-*"],"row":{"day":"2026-11-20T00:00:00.000Z","action":null,"principal":null}}',
    },
    {
      path: HUNT_STATUS_API_PATH,
      arrayField: 'id',
      legal: legal.status,
      trivial: '{"id":"FmNJRUZ1YWZCU3dH","limit":10}',
    },
    {
      path: HUNT_CANCEL_API_PATH,
      arrayField: 'id',
      legal: legal.cancel,
      trivial: '{"id":"FmNJRUZ1YWZCU3dH"}',
    },
  ];

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);

  console.log(
    `Each body ${repeat} times, one at a time; client, routes and fake Elasticsearch share one process.\nColumns: status | wall ms | process CPU ms | heap delta MiB, each min / median / max`
  );
  for (const route of routes) {
    const maxBytes = payloadLimitOf(router.versioned.getRoute('post', route.path));
    console.log(`\n${route.path}  (maxBytes ${maxBytes.toLocaleString('en-US')})`);
    const bodies: HostileBody[] = [
      { name: 'trivial body (baseline)', text: route.trivial },
      { name: 'largest legal body', text: route.legal },
      ...hostileBodies(route.arrayField, maxBytes),
    ];
    for (const body of bodies) {
      const samples: Sample[] = [];
      for (let index = 0; index < repeat; index += 1) {
        samples.push(await send(`${base}${route.path}`, body.text));
      }
      const statuses = [...new Set(samples.map((sample) => sample.status))].join(',');
      const size = `${(Buffer.byteLength(body.text) / 1024).toFixed(0)} KiB`;
      console.log(
        `  ${body.name.padEnd(30)} ${size.padStart(9)}  ${statuses.padEnd(4)} | ${stats(samples.map((s) => s.ms)).padEnd(20)} | ${stats(samples.map((s) => s.cpuMs)).padEnd(20)} | ${stats(samples.map((s) => s.heapDeltaMiB))}`
      );
    }
  }

  // Four of the worst bodies at once, and a trivial request beside them.
  const worst = hostileBodies(
    'trusted_cidrs',
    payloadLimitOf(router.versioned.getRoute('post', HUNT_API_PATH))
  )[1];
  const trivialAlone = await send(`${base}${HUNT_API_PATH}`, routes[0].trivial);
  const [trivialBeside] = await Promise.all([
    send(`${base}${HUNT_API_PATH}`, routes[0].trivial),
    ...Array.from({ length: 4 }, () => send(`${base}${HUNT_API_PATH}`, worst.text)),
  ]);
  clearInterval(sampler);
  console.log(
    `\nA trivial hunt alone: ${trivialAlone.ms.toFixed(1)} ms; beside four "${worst.name}" bodies at once: ${trivialBeside.ms.toFixed(1)} ms`
  );
  console.log(
    `RSS before: ${(rssBefore / 1024 / 1024).toFixed(0)} MiB, peak: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`
  );

  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await client.close();
  await fakeEs.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
