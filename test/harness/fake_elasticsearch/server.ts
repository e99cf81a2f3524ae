/**
 * A fake Elasticsearch on loopback for `npm start` and the browser tests: it answers the requests
 * this plugin makes (`_field_caps`, `_query`) over a scenario dataset, and can be told to fail,
 * stall or slow down so every state of the page can be shown.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { ScenarioDocument } from '../../fixtures/scenario/build_scenario';
import { evaluateEsql, fieldCaps, UnsupportedQueryError, type EsqlRequestBody } from './evaluate';

export interface Fault {
  /** Which endpoint fails: '_query' or '_field_caps'. */
  endpoint: '_query' | '_field_caps';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Delay before answering (or before failing). */
  delayMs?: number;
  /** For async submits: the query keeps running this long before its result is ready. */
  runningMs?: number;
  /** Answer the hunt with this many synthetic rows (for measuring large results). */
  syntheticRows?: number;
  /** Drop the connection instead of answering. */
  reset?: boolean;
  /** Answer with text that is not JSON. */
  malformed?: boolean;
  /** Only requests whose body contains this text (e.g. to fail the hunt but not coverage). */
  queryContains?: string;
  /** How many requests this applies to (default 1). */
  times?: number;
}

export interface RecordedEsRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeElasticsearch {
  url: string;
  requests: RecordedEsRequest[];
  /** Async queries still stored (running, or finished and not yet deleted). */
  asyncQueryIds(): string[];
  addFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface FakeElasticsearchOptions {
  documents: ScenarioDocument[];
  port?: number;
  /** Added to every answer, to model a loaded cluster. */
  latencyMs?: number;
}

const PRODUCT_HEADERS = {
  'x-elastic-product': 'Elasticsearch',
  'content-type': 'application/json',
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { ...PRODUCT_HEADERS, ...headers });
  response.end(text);
}

export function esErrorBody(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}

/** N distinct hunt rows shaped as ES|QL returns them, for load and render measurements. */
export function syntheticHuntResult(count: number) {
  const columns = [
    'event_count',
    'ips',
    'distinct_ips',
    'datasets',
    'service_principal_ids',
    'event_actions',
    'daily_action_count',
    'event.action',
    'service_principal_name',
    'timestamp_day_bucket',
  ];
  const values = Array.from({ length: count }, (_, index) => {
    const events = (index % 5) + 1;
    const ips = Array.from(
      { length: (index % 4) + 2 },
      (_unused, ip) => `198.51.${index % 250}.${ip + 1}`
    );
    const day = new Date(Date.UTC(2026, 10, 1 + (index % 26))).toISOString();
    return [
      events,
      ips,
      ips.length,
      'azure.signinlogs',
      `sp-id-${index}`,
      `Action ${index % 40}`,
      events,
      `Action ${index % 40}`,
      `Service principal ${index}`,
      day,
    ];
  });
  return {
    columns: columns.map((name) => ({
      name,
      type: name.endsWith('count') || name === 'distinct_ips' ? 'long' : 'keyword',
    })),
    values,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Elasticsearch time values as the plugin sends them: `2s`, `500ms`, `2m`. */
export function parseTimeValue(value: unknown, fallbackMs: number): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(String(value ?? ''));
  if (!match) return fallbackMs;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

interface AsyncJob {
  id: string;
  /** Only the user who submitted may read or delete it, as in Elasticsearch. */
  owner: string;
  completesAt: number;
  expiresAt: number;
  answer: { status: number; body: Record<string, unknown> };
}

/** ES|QL async defaults: wait 1 s, keep 5 days. */
const DEFAULT_WAIT_MS = 1_000;
const DEFAULT_KEEP_ALIVE_MS = 5 * 24 * 3_600_000;

export async function startFakeElasticsearch({
  documents,
  port = 0,
  latencyMs = 0,
}: FakeElasticsearchOptions): Promise<FakeElasticsearch> {
  const requests: RecordedEsRequest[] = [];
  let faults: Fault[] = [];
  const jobs = new Map<string, AsyncJob>();
  let nextJob = 1;

  const liveJob = (id: string, owner: string): AsyncJob | undefined => {
    const job = jobs.get(id);
    if (job && job.expiresAt < Date.now()) jobs.delete(id);
    const live = jobs.get(id);
    return live && live.owner === owner ? live : undefined;
  };

  /** Waits for the job up to `waitMs`, then answers with its result or "still running". */
  const answerJob = async (
    response: ServerResponse,
    job: AsyncJob,
    waitMs: number,
    keepStored: boolean
  ) => {
    const remaining = job.completesAt - Date.now();
    if (remaining > 0) await sleep(Math.min(waitMs, remaining));
    if (Date.now() < job.completesAt)
      return send(
        response,
        200,
        { id: job.id, is_running: true },
        { 'x-elasticsearch-async-id': job.id, 'x-elasticsearch-async-is-running': '?1' }
      );
    if (!keepStored) jobs.delete(job.id);
    const body =
      job.answer.status === 200
        ? { ...(keepStored ? { id: job.id } : {}), is_running: false, ...job.answer.body }
        : job.answer.body;
    return send(response, job.answer.status, body);
  };

  const takeFault = (endpoint: Fault['endpoint'], text: string): Fault | undefined => {
    const fault = faults.find(
      (candidate) =>
        candidate.endpoint === endpoint &&
        (!candidate.queryContains || text.includes(candidate.queryContains))
    );
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
    return fault;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const text = await readBody(request);
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      return send(response, 400, esErrorBody(400, 'parse_exception', 'request body is not JSON'));
    }
    requests.push({ method: request.method ?? 'GET', path: url.pathname, body });
    if (latencyMs > 0) await sleep(latencyMs);

    const owner = request.headers.authorization ?? 'anonymous';
    const isAsyncSubmit = url.pathname === '/_query/async' && request.method === 'POST';
    const endpoint = url.pathname.endsWith('/_field_caps')
      ? '_field_caps'
      : url.pathname === '/_query' || isAsyncSubmit
        ? '_query'
        : undefined;
    const fault = endpoint ? takeFault(endpoint, text) : undefined;
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) return request.socket.destroy();
      if (fault.malformed)
        return send(response, 200, '<html>proxy error</html>', { 'content-type': 'text/html' });
      if (fault.status)
        return send(
          response,
          fault.status,
          fault.body ?? esErrorBody(fault.status, 'fault', 'injected'),
          fault.headers
        );
    }

    if (isAsyncSubmit) {
      const submit = body as EsqlRequestBody & {
        wait_for_completion_timeout?: string;
        keep_alive?: string;
        keep_on_completion?: boolean;
      };
      let answer: AsyncJob['answer'];
      try {
        const result = fault?.syntheticRows
          ? syntheticHuntResult(fault.syntheticRows)
          : evaluateEsql(documents, submit);
        answer = { status: 200, body: { took: 3, is_partial: false, ...result } };
      } catch (error) {
        if (!(error instanceof UnsupportedQueryError)) throw error;
        answer = { status: 400, body: esErrorBody(400, 'parsing_exception', error.message) };
      }
      const id = Buffer.from(`entra-sp-hunt-demo-async-${nextJob++}`).toString('base64url');
      const job: AsyncJob = {
        id,
        owner,
        completesAt: Date.now() + (fault?.runningMs ?? 0),
        expiresAt: Date.now() + parseTimeValue(submit.keep_alive, DEFAULT_KEEP_ALIVE_MS),
        answer,
      };
      jobs.set(id, job);
      return answerJob(
        response,
        job,
        parseTimeValue(submit.wait_for_completion_timeout, DEFAULT_WAIT_MS),
        submit.keep_on_completion === true
      );
    }
    const asyncMatch = /^\/_query\/async\/([^/]+)$/.exec(url.pathname);
    if (asyncMatch) {
      const id = decodeURIComponent(asyncMatch[1]);
      const job = liveJob(id, owner);
      if (!job) return send(response, 404, esErrorBody(404, 'resource_not_found_exception', id));
      if (request.method === 'DELETE') {
        jobs.delete(id);
        return send(response, 200, { acknowledged: true });
      }
      const keepAlive = url.searchParams.get('keep_alive');
      if (keepAlive) job.expiresAt = Date.now() + parseTimeValue(keepAlive, DEFAULT_KEEP_ALIVE_MS);
      return answerJob(
        response,
        job,
        parseTimeValue(url.searchParams.get('wait_for_completion_timeout'), DEFAULT_WAIT_MS),
        true
      );
    }

    if (request.method === 'GET' && url.pathname === '/') {
      return send(response, 200, {
        name: 'fake',
        cluster_name: 'entra-sp-hunt-demo',
        version: { number: '9.3.0' },
        tagline: 'You Know, for Search',
      });
    }
    if (endpoint === '_field_caps') {
      const index = decodeURIComponent(url.pathname.slice(1, -'/_field_caps'.length));
      const requested =
        (body as { fields?: string[] }).fields ?? url.searchParams.get('fields')?.split(',');
      return send(response, 200, fieldCaps(documents, index.split(','), requested));
    }
    if (endpoint === '_query' && request.method === 'POST') {
      try {
        const result = evaluateEsql(documents, body as EsqlRequestBody);
        return send(response, 200, { took: 3, is_partial: false, ...result });
      } catch (error) {
        if (error instanceof UnsupportedQueryError) {
          return send(response, 400, esErrorBody(400, 'parsing_exception', error.message));
        }
        throw error;
      }
    }
    return send(
      response,
      404,
      esErrorBody(
        404,
        'resource_not_found_exception',
        `no handler for ${request.method} ${url.pathname}`
      )
    );
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    asyncQueryIds: () => [...jobs.keys()],
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => {
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
