/**
 * A fake Elasticsearch on loopback for `npm start`, the browser tests and the route tests. It
 * answers the APIs this plugin calls (`_field_caps`, `_query`, the async ES|QL API) over indices with
 * declared mappings, running every query through the ES|QL interpreter in this folder, so a query
 * is answered by what it says. It can also be told to fail, stall or slow down, so every state of
 * the page can be shown.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { runEsql, type EmptyPatternAnswer } from './esql_engine';
import { EsError, esErrorBody } from './errors';
import { FAKE_ES_VERSION, Warnings } from './esql_warnings';
import { FakeIndex, fieldCapabilities, resolveIndexPatterns, type IndexInput } from './indices';
import { compileFilter } from './query_dsl';

export { esErrorBody };

export interface Fault {
  /** Which endpoint fails: '_query' (sync and async submits) or '_field_caps'. */
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
  /** Answer with `is_partial: true`, as when a shard or remote cluster did not answer. */
  isPartial?: boolean;
  /** With isPartial: the answer's `_clusters.details` (cross-cluster search). */
  clusters?: Record<string, { status: string }>;
  /** Answer normally, with these texts added as `Warning` headers (one header each). */
  warnings?: string[];
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
  indices: IndexInput[];
  port?: number;
  /** Added to every answer, to model a loaded cluster. */
  latencyMs?: number;
  /** What FROM answers when every pattern matches nothing (see EmptyPatternAnswer). */
  emptyPatternAnswer?: EmptyPatternAnswer;
  /** NOW() for every query (tests pin it); the real clock otherwise. */
  now?: () => number;
  /**
   * Benchmarks only: answer field caps once per index path and field list, then from memory,
   * ignoring `index_filter` (a hunt's window moves by milliseconds between hunts, and testing it
   * scans every document, work that would otherwise be counted against the plugin).
   */
  precomputedFieldCaps?: boolean;
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
  headers: Record<string, string | string[]> = {}
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { ...PRODUCT_HEADERS, ...headers });
  response.end(text);
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
  const typeOf = (name: string) =>
    name.endsWith('count') || name === 'distinct_ips'
      ? 'long'
      : name === 'ips'
        ? 'ip'
        : name === 'timestamp_day_bucket'
          ? 'date'
          : 'keyword';
  return { columns: columns.map((name) => ({ name, type: typeOf(name) })), values };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TIME_UNITS_MS: Record<string, number> = {
  nanos: 1e-6,
  micros: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Elasticsearch time values (`2s`, `500ms`, `2m`, `5d`); -1 means "no timeout". */
export function parseTimeValue(value: unknown, fallbackMs: number): number {
  if (value === undefined || value === null || value === '') return fallbackMs;
  if (String(value) === '-1') return Number.POSITIVE_INFINITY;
  const match = /^(\d+)(nanos|micros|ms|s|m|h|d)$/.exec(String(value));
  if (!match) {
    throw new EsError(
      400,
      'illegal_argument_exception',
      `failed to parse setting [time value] with value [${String(value)}] as a time value: unit is missing or unrecognized`
    );
  }
  return Number(match[1]) * TIME_UNITS_MS[match[2]];
}

interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
  warnings: string[];
}

interface AsyncJob {
  id: string;
  /** Only the user who submitted may read or delete it, as in Elasticsearch. */
  owner: string;
  completesAt: number;
  expiresAt: number;
  answer: StoredAnswer;
}

/**
 * ES|QL async defaults (docs-content `esql-async-query-api`): the submit waits 1 s and keeps a
 * result 5 days; a GET without `wait_for_completion_timeout` waits until the query finishes.
 */
const SUBMIT_WAIT_MS = 1_000;
const DEFAULT_KEEP_ALIVE_MS = 5 * 86_400_000;

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '';
}

export async function startFakeElasticsearch({
  indices: inputs,
  port = 0,
  latencyMs = 0,
  emptyPatternAnswer = 'empty',
  now = Date.now,
  precomputedFieldCaps = false,
}: FakeElasticsearchOptions): Promise<FakeElasticsearch> {
  const fieldCapsMemo = new Map<string, string>();
  const stored = [...inputs];
  const indices = stored.map((input) => new FakeIndex(input));
  let indexed = 0;

  /**
   * Elasticsearch's index API with an id it generates (`POST /<target>/_doc`; elastic/elasticsearch
   * docs: docs-index_.html): into an existing index or data stream, which needs `@timestamp`; the
   * document is checked against the mapping as at indexing. Searchable at once, as with
   * `refresh=true`. The fake creates no index: a name it does not hold is refused.
   */
  const indexDocument = (name: string, source: unknown) => {
    const position = stored.findIndex((input) => input.name === name);
    if (position < 0) {
      throw new EsError(404, 'index_not_found_exception', `no such index [${name}]`);
    }
    if (!source || typeof source !== 'object' || Array.isArray(source)) {
      throw new EsError(400, 'parse_exception', 'request body is required');
    }
    const document = source as Record<string, unknown>;
    const input = stored[position];
    if (input.dataStream && document['@timestamp'] === undefined) {
      throw new EsError(
        400,
        'document_parsing_exception',
        'data stream timestamp field [@timestamp] is missing'
      );
    }
    const next = { ...input, documents: [...input.documents, document] };
    let index: FakeIndex;
    try {
      index = new FakeIndex(next);
    } catch (error) {
      throw new EsError(400, 'document_parsing_exception', String((error as Error).message));
    }
    stored[position] = next;
    indices[position] = index;
    fieldCapsMemo.clear();
    indexed += 1;
    return {
      _index: index.concreteName,
      _id: `fake-${indexed}`,
      _version: 1,
      result: 'created',
      _shards: { total: 1, successful: 1, failed: 0 },
      _seq_no: input.documents.length,
      _primary_term: 1,
    };
  };
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

  const asyncHeaders = (id: string | undefined, running: boolean): Record<string, string> => ({
    ...(id ? { 'x-elasticsearch-async-id': id } : {}),
    'x-elasticsearch-async-is-running': running ? '?1' : '?0',
  });

  /** Waits for the job up to `waitMs`, then answers with its result or "still running". */
  const answerJob = async (
    response: ServerResponse,
    job: AsyncJob,
    waitMs: number,
    keepStored: boolean
  ) => {
    const remaining = job.completesAt - Date.now();
    if (remaining > 0) await sleep(Math.min(waitMs, remaining));
    if (Date.now() < job.completesAt) {
      return send(response, 200, { id: job.id, is_running: true }, asyncHeaders(job.id, true));
    }
    if (!keepStored) jobs.delete(job.id);
    const { status, body, warnings } = job.answer;
    if (status !== 200) return send(response, status, body);
    const id = keepStored ? job.id : undefined;
    return send(
      response,
      200,
      { ...(id ? { id } : {}), is_running: false, ...body },
      { ...asyncHeaders(id, false), ...(warnings.length ? { warning: warnings } : {}) }
    );
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

  /** Runs a query body; Elasticsearch errors become stored error answers. */
  const evaluate = (
    body: unknown,
    url: URL,
    fault: Fault | undefined,
    isAsync: boolean
  ): StoredAnswer => {
    if (fault?.syntheticRows) {
      return {
        status: 200,
        body: { took: 3, is_partial: false, ...syntheticHuntResult(fault.syntheticRows) },
        warnings: [],
      };
    }
    try {
      const answer = runEsql(indices, isAsync ? stripAsyncFields(body) : body, {
        now: now(),
        dropNullColumns: flag(url.searchParams.get('drop_null_columns') ?? undefined),
        emptyPatternAnswer,
      });
      const result = {
        ...answer.body,
        ...(fault?.isPartial ? { is_partial: true } : {}),
        ...(fault?.clusters ? { _clusters: { details: fault.clusters } } : {}),
      };
      const injected = new Warnings();
      for (const text of fault?.warnings ?? []) injected.note(text);
      return { status: 200, body: result, warnings: [...answer.warnings, ...injected.headers()] };
    } catch (error) {
      if (error instanceof EsError)
        return { status: error.status, body: error.body(), warnings: [] };
      throw error;
    }
  };

  const fieldCaps = (url: URL, body: unknown, indexPath: string | undefined) => {
    const request = (body ?? {}) as { fields?: string[] | string; index_filter?: unknown };
    const fieldsParam = request.fields ?? url.searchParams.get('fields') ?? undefined;
    if (fieldsParam === undefined) {
      throw new EsError(
        400,
        'action_request_validation_exception',
        "Validation Failed: 1: specified fields can't be null or empty;"
      );
    }
    const fields = (Array.isArray(fieldsParam) ? fieldsParam : fieldsParam.split(',')).map(
      (field) => field.trim()
    );
    const patterns = indexPath ? indexPath.split(',') : ['*'];
    const resolved = resolveIndexPatterns(indices, patterns);
    const ignoreUnavailable = flag(url.searchParams.get('ignore_unavailable') ?? undefined);
    const allowNoIndices = url.searchParams.get('allow_no_indices') !== 'false';
    if (resolved.missing.length > 0 && !ignoreUnavailable) {
      const [name] = resolved.missing;
      throw new EsError(404, 'index_not_found_exception', `no such index [${name}]`);
    }
    if (resolved.indices.length === 0 && !allowNoIndices) {
      throw new EsError(404, 'index_not_found_exception', `no such index [${patterns.join(',')}]`);
    }
    const filter = compileFilter(request.index_filter, now());
    const matched = filter
      ? resolved.indices.filter((index) => {
          const test = filter(index);
          return index.documents.some((_, document) => test(document));
        })
      : resolved.indices;
    return fieldCapabilities(matched, {
      fields,
      includeUnmapped: flag(url.searchParams.get('include_unmapped') ?? undefined),
    });
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
    const method = request.method ?? 'GET';
    const isAsyncSubmit = url.pathname === '/_query/async' && method === 'POST';
    const fieldCapsMatch = /^(?:\/([^/]+))?\/_field_caps$/.exec(url.pathname);
    const endpoint = fieldCapsMatch
      ? '_field_caps'
      : url.pathname === '/_query' || isAsyncSubmit
        ? '_query'
        : undefined;
    const fault = endpoint ? takeFault(endpoint, text) : undefined;
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) return request.socket.destroy();
      if (fault.malformed) {
        return send(response, 200, '<html>proxy error</html>', { 'content-type': 'text/html' });
      }
      if (fault.status) {
        return send(
          response,
          fault.status,
          fault.body ?? esErrorBody(fault.status, 'fault', 'injected'),
          fault.headers
        );
      }
    }

    try {
      if (method === 'GET' && url.pathname === '/') {
        return send(response, 200, {
          name: 'fake',
          cluster_name: 'entra-sp-hunt-demo',
          version: { number: FAKE_ES_VERSION },
          tagline: 'You Know, for Search',
        });
      }
      if (fieldCapsMatch && (method === 'GET' || method === 'POST')) {
        const indexPath = fieldCapsMatch[1] ? decodeURIComponent(fieldCapsMatch[1]) : undefined;
        if (!precomputedFieldCaps) return send(response, 200, fieldCaps(url, body, indexPath));
        const key = JSON.stringify([indexPath, (body as { fields?: unknown }).fields, url.search]);
        if (!fieldCapsMemo.has(key))
          fieldCapsMemo.set(key, JSON.stringify(fieldCaps(url, body, indexPath)));
        return send(response, 200, fieldCapsMemo.get(key));
      }
      if (url.pathname === '/_query' && method === 'POST') {
        const answer = evaluate(body, url, fault, false);
        return send(
          response,
          answer.status,
          answer.body,
          answer.warnings.length ? { warning: answer.warnings } : {}
        );
      }
      if (isAsyncSubmit) return await submitAsync(response, url, body, fault, owner);
      const docMatch = /^\/([^/_][^/]*)\/_doc\/?$/.exec(url.pathname);
      if (docMatch && method === 'POST') {
        return send(response, 201, indexDocument(decodeURIComponent(docMatch[1]), body));
      }
      const asyncMatch = /^\/_query\/async\/([^/]+)(\/stop)?$/.exec(url.pathname);
      if (asyncMatch) return await asyncById(response, url, method, owner, asyncMatch);
    } catch (error) {
      if (error instanceof EsError) return send(response, error.status, error.body());
      throw error;
    }
    return send(
      response,
      400,
      esErrorBody(
        400,
        'illegal_argument_exception',
        `no handler found for uri [${url.pathname}] and method [${method}]`
      )
    );
  });

  const submitAsync = async (
    response: ServerResponse,
    url: URL,
    body: unknown,
    fault: Fault | undefined,
    owner: string
  ) => {
    const submit = (body ?? {}) as Record<string, unknown>;
    const option = (name: string) => submit[name] ?? url.searchParams.get(name) ?? undefined;
    const waitMs = parseTimeValue(option('wait_for_completion_timeout'), SUBMIT_WAIT_MS);
    const keepAliveMs = parseTimeValue(option('keep_alive'), DEFAULT_KEEP_ALIVE_MS);
    const answer = evaluate(body, url, fault, true);
    // A query Elasticsearch rejects while planning fails the submit itself; nothing is stored.
    if (answer.status !== 200 && !fault?.runningMs)
      return send(response, answer.status, answer.body);
    const id = Buffer.from(`entra-sp-hunt-demo-async-${nextJob++}`).toString('base64url');
    const job: AsyncJob = {
      id,
      owner,
      completesAt: Date.now() + (fault?.runningMs ?? 0),
      expiresAt: Date.now() + keepAliveMs,
      answer,
    };
    jobs.set(id, job);
    return answerJob(response, job, waitMs, flag(option('keep_on_completion')));
  };

  const asyncById = async (
    response: ServerResponse,
    url: URL,
    method: string,
    owner: string,
    [, rawId, stop]: RegExpExecArray
  ) => {
    const id = decodeURIComponent(rawId);
    const job = liveJob(id, owner);
    if (!job) return send(response, 404, esErrorBody(404, 'resource_not_found_exception', id));
    if (method === 'DELETE' && !stop) {
      jobs.delete(id);
      return send(response, 200, { acknowledged: true });
    }
    if (method === 'POST' && stop) {
      // Stopping returns what there is; a query cut short is partial.
      const cutShort = Date.now() < job.completesAt;
      job.completesAt = Math.min(job.completesAt, Date.now());
      if (cutShort && job.answer.status === 200) {
        job.answer = { ...job.answer, body: { ...job.answer.body, is_partial: true } };
      }
      return answerJob(response, job, 0, true);
    }
    if (method !== 'GET') {
      return send(
        response,
        405,
        esErrorBody(405, 'illegal_argument_exception', `method [${method}] not allowed`)
      );
    }
    const keepAlive = url.searchParams.get('keep_alive');
    if (keepAlive) job.expiresAt = Date.now() + parseTimeValue(keepAlive, DEFAULT_KEEP_ALIVE_MS);
    const wait = parseTimeValue(
      url.searchParams.get('wait_for_completion_timeout') ?? undefined,
      Number.POSITIVE_INFINITY
    );
    return answerJob(response, job, wait, true);
  };

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

/** The async API's own fields travel in the same body; `POST /_query` would refuse them. */
function stripAsyncFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const {
    wait_for_completion_timeout: _wait,
    keep_alive: _keepAlive,
    keep_on_completion: _keep,
    ...rest
  } = body as Record<string, unknown>;
  return rest;
}
