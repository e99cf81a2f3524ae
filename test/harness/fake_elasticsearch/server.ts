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

const PRODUCT_HEADERS = { 'x-elastic-product': 'Elasticsearch', 'content-type': 'application/json' };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { ...PRODUCT_HEADERS, ...headers });
  response.end(text);
}

export function esErrorBody(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeElasticsearch({ documents, port = 0, latencyMs = 0 }: FakeElasticsearchOptions): Promise<FakeElasticsearch> {
  const requests: RecordedEsRequest[] = [];
  let faults: Fault[] = [];

  const takeFault = (endpoint: Fault['endpoint'], text: string): Fault | undefined => {
    const fault = faults.find(
      (candidate) => candidate.endpoint === endpoint && (!candidate.queryContains || text.includes(candidate.queryContains))
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

    const endpoint = url.pathname.endsWith('/_field_caps') ? '_field_caps' : url.pathname === '/_query' ? '_query' : undefined;
    const fault = endpoint ? takeFault(endpoint, text) : undefined;
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) return request.socket.destroy();
      if (fault.malformed) return send(response, 200, '<html>proxy error</html>', { 'content-type': 'text/html' });
      if (fault.status) return send(response, fault.status, fault.body ?? esErrorBody(fault.status, 'fault', 'injected'), fault.headers);
    }

    if (request.method === 'GET' && url.pathname === '/') {
      return send(response, 200, { name: 'fake', cluster_name: 'entra-sp-hunt-demo', version: { number: '9.3.0' }, tagline: 'You Know, for Search' });
    }
    if (endpoint === '_field_caps') {
      const index = decodeURIComponent(url.pathname.slice(1, -'/_field_caps'.length));
      const requested = (body as { fields?: string[] }).fields ?? url.searchParams.get('fields')?.split(',');
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
    return send(response, 404, esErrorBody(404, 'resource_not_found_exception', `no handler for ${request.method} ${url.pathname}`));
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
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
