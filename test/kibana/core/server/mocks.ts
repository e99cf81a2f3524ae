/**
 * Stand-in for `@kbn/core/server/mocks`: the same helper names Kibana's route tests use, with
 * working implementations instead of jest.fn so tests assert on real statuses and payloads.
 *
 * Mirrors:
 * - elastic/kibana:src/core/packages/http/router-server-mocks/src/router.mock.ts (httpServiceMock.createRouter)
 * - elastic/kibana:src/core/packages/http/router-server-mocks/src/versioned_router.mock.ts (versioned.getRoute)
 * - elastic/kibana:src/core/packages/http/server-mocks/src/http_server.mocks.ts (createKibanaRequest, createResponseFactory)
 * - elastic/kibana:src/core/packages/logging/server-mocks/src/logging_system.mock.ts (createLogger)
 */
import { Subject } from 'rxjs';
import type {
  AddVersionOpts,
  IKibanaResponse,
  IRouter,
  KibanaRequest,
  KibanaResponseFactory,
  Logger,
  RequestHandler,
  RequestHandlerContext,
  ResponseError,
  VersionedRoute,
  VersionedRouteConfig,
} from '.';

export interface RegisteredVersion {
  handler: RequestHandler<unknown, unknown, unknown, RequestHandlerContext>;
  options: AddVersionOpts<unknown, unknown, unknown>;
}

export interface RegisteredVersionedRoute {
  method: string;
  config: VersionedRouteConfig;
  versions: Record<string, RegisteredVersion>;
}

export interface RouterMock extends IRouter {
  versioned: IRouter['versioned'] & {
    getRoute(method: string, path: string): RegisteredVersionedRoute;
    getRoutes(): RegisteredVersionedRoute[];
  };
}

function createRouter(): RouterMock {
  const routes: RegisteredVersionedRoute[] = [];
  const register = (method: string) => (config: VersionedRouteConfig) => {
    const route: RegisteredVersionedRoute = { method, config, versions: {} };
    routes.push(route);
    const versioned: VersionedRoute = {
      addVersion(options, handler) {
        route.versions[options.version] = {
          handler: handler as RegisteredVersion['handler'],
          options: options as RegisteredVersion['options'],
        };
        return versioned;
      },
    };
    return versioned;
  };
  return {
    routerPath: '/',
    versioned: {
      get: register('get'),
      post: register('post'),
      put: register('put'),
      delete: register('delete'),
      getRoute(method, path) {
        const found = routes.find((route) => route.method === method && route.config.path === path);
        if (!found) throw new Error(`No ${method} route registered at ${path}`);
        return found;
      },
      getRoutes: () => routes,
    },
  };
}

export interface KibanaRequestMock<B> extends KibanaRequest<unknown, unknown, B> {
  /** Simulates the browser closing the connection. */
  abort(): void;
}

function createKibanaRequest<B>({
  body,
  headers = {},
}: { body?: B; headers?: Record<string, string> } = {}): KibanaRequestMock<B> {
  const aborted$ = new Subject<void>();
  const completed$ = new Subject<void>();
  return {
    id: 'request-id',
    headers,
    params: {},
    query: {},
    body: body as B,
    isInternalApiRequest: true,
    events: { aborted$: aborted$.asObservable(), completed$: completed$.asObservable() },
    abort: () => aborted$.next(),
  };
}

function response(
  status: number,
  options: { body?: unknown; headers?: Record<string, string | string[]> } = {}
): IKibanaResponse {
  return { status, payload: options.body, options };
}

function errorBody(body: ResponseError | undefined): unknown {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return { message: body };
  if (body instanceof Error) return { message: body.message };
  return body;
}

function createResponseFactory(): KibanaResponseFactory {
  return {
    ok: (options = {}) => response(200, options) as IKibanaResponse<never>,
    badRequest: (options = {}) => response(400, { ...options, body: errorBody(options.body) }),
    unauthorized: (options = {}) => response(401, { ...options, body: errorBody(options.body) }),
    forbidden: (options = {}) => response(403, { ...options, body: errorBody(options.body) }),
    notFound: (options = {}) => response(404, { ...options, body: errorBody(options.body) }),
    customError: (options) =>
      response(options.statusCode, { headers: options.headers, body: errorBody(options.body) }),
  };
}

export interface LoggerMock extends Logger {
  /** Every message logged, by level, as it would be written. */
  messages: Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', string[]>;
}

function createLogger(): LoggerMock {
  const messages: LoggerMock['messages'] = {
    trace: [],
    debug: [],
    info: [],
    warn: [],
    error: [],
    fatal: [],
  };
  const record =
    (level: keyof LoggerMock['messages']) =>
    (message: string | Error | (() => string), meta?: unknown) => {
      const text =
        typeof message === 'function'
          ? message()
          : message instanceof Error
            ? `${message.name}: ${message.message}`
            : message;
      messages[level].push(meta === undefined ? text : `${text} ${JSON.stringify(meta)}`);
    };
  const logger: LoggerMock = {
    messages,
    trace: record('trace'),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    fatal: record('fatal'),
    isLevelEnabled: () => true,
    get: () => logger,
  };
  return logger;
}

export const httpServiceMock = { createRouter };
export const httpServerMock = { createKibanaRequest, createResponseFactory };
export const loggingSystemMock = { createLogger };
