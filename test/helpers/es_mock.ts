import { Client, errors } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import type {
  AuthenticatedUser,
  ElasticsearchClient,
  IScopedClusterClient,
  RequestHandlerContext,
} from '@kbn/core/server';
import { HUNT_FIELDS } from '../../common/hunt/data_sources';
import { SavedObjectsStore } from './saved_objects_store';
import { UiSettingsStore } from './ui_settings_server';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  querystring: Record<string, unknown>;
}

type Resolver = (request: RecordedRequest) => unknown;

export interface AnswerOptions {
  /** Extra response headers (the mock sends only its own); an array is a header sent repeatedly. */
  headers?: Record<string, string | string[]>;
}

export interface MockedCluster {
  client: Client;
  mock: Mock;
  /** Every request that reached the mock, in order, with its parsed body. */
  requests: RecordedRequest[];
  /**
   * Answers `method path` with `resolver`, recording each request first. A resolver may return a
   * promise (the answer is sent when it settles, unless the request is aborted first) or an error.
   */
  on(method: string, path: string, resolver: Resolver, options?: AnswerOptions): void;
}

interface PendingAnswer {
  result: unknown;
  headers?: Record<string, string | string[]>;
}

interface ConnectionResponse {
  body: string;
  statusCode: number;
  headers: Record<string, unknown>;
}

function waitOrAbort(result: Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
  if (!signal) return result;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new errors.RequestAbortedError('Request aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A real @elastic/elasticsearch Client whose HTTP connection is @elastic/elasticsearch-mock. */
export function createMockedCluster(): MockedCluster {
  const mock = new Mock();
  const requests: RecordedRequest[] = [];
  let pending: PendingAnswer | undefined;
  const MockConnection = mock.getConnection();

  // The mock answers synchronously with the resolver's value; this layer adds delayed answers
  // and response headers, which a fake Elasticsearch needs for aborts and Retry-After.
  class AnsweringConnection extends MockConnection {
    override async request(params: never, options: never): Promise<never> {
      const response = (await super.request(params, options)) as unknown as ConnectionResponse;
      const answer = pending;
      pending = undefined;
      if (!answer) return response as never;
      const signal = (options as { signal?: AbortSignal }).signal;
      const result =
        answer.result instanceof Promise ? await waitOrAbort(answer.result, signal) : answer.result;
      if (
        result instanceof errors.ElasticsearchClientError &&
        !(result instanceof errors.ResponseError)
      )
        throw result;
      const isError = result instanceof errors.ResponseError;
      const body = isError ? result.body : result;
      return {
        body: typeof body === 'string' ? body : JSON.stringify(body),
        statusCode: isError ? (result.statusCode ?? 500) : 200,
        headers: { ...response.headers, 'content-type': 'application/json', ...answer.headers },
      } as never;
    }
  }

  const client = new Client({
    node: 'http://localhost:9200',
    Connection: AnsweringConnection,
    maxRetries: 0,
  });
  return {
    client,
    mock,
    requests,
    on(method, path, resolver, options = {}) {
      mock.add({ method, path }, (params) => {
        const request: RecordedRequest = {
          method: String(params.method),
          path: String(params.path),
          body: (typeof params.body === 'object' && params.body !== null
            ? params.body
            : {}) as Record<string, unknown>,
          querystring: (params.querystring ?? {}) as Record<string, unknown>,
        };
        requests.push(request);
        const result = resolver(request);
        if (result instanceof Promise || options.headers) {
          pending = { result, headers: options.headers };
          return {};
        }
        return result as never;
      });
    },
  };
}

/** Field caps as Elasticsearch answers them: each present field mapped as keyword (or ip/date). */
export function fieldCapsResponse(
  fields: Iterable<string> = HUNT_FIELDS,
  indices = ['.ds-logs-azure.auditlogs-default-000001']
) {
  const typeOf = (field: string) =>
    field === '@timestamp' ? 'date' : field === 'source.ip' ? 'ip' : 'keyword';
  return {
    indices,
    fields: Object.fromEntries(
      [...fields].map((field) => [
        field,
        { [typeOf(field)]: { type: typeOf(field), searchable: true, aggregatable: true } },
      ])
    ),
  };
}

/** A client that fails the test if used: the plugin must never query as the internal user. */
export function forbiddenClient(name: string): ElasticsearchClient {
  return new Proxy({} as ElasticsearchClient, {
    get() {
      throw new Error(`${name} must not be used by entraSpHunt routes`);
    },
  });
}

export interface RequestContextOptions {
  /** The saved objects the request sees; by default a store with no types (Kibana refuses). */
  savedObjects?: SavedObjectsStore;
  space?: string;
  /** The authenticated user; null as with security disabled. */
  user?: AuthenticatedUser | null;
  /** The advanced settings the request reads; by default none registered. */
  uiSettings?: UiSettingsStore;
}

export function createRequestContext(
  asCurrentUser: ElasticsearchClient,
  {
    savedObjects = new SavedObjectsStore(),
    space = 'default',
    user = null,
    uiSettings = new UiSettingsStore(),
  }: RequestContextOptions = {}
): RequestHandlerContext {
  const client: IScopedClusterClient = {
    asCurrentUser,
    asInternalUser: forbiddenClient('asInternalUser'),
    asSecondaryAuthUser: forbiddenClient('asSecondaryAuthUser'),
  };
  return {
    core: Promise.resolve({
      elasticsearch: { client },
      savedObjects: { client: savedObjects.clientFor(space) },
      security: { authc: { getCurrentUser: () => user } },
      uiSettings: uiSettings.contextFor(space),
    }),
  };
}
