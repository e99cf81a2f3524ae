/**
 * Stand-in for `@kbn/core/server/mocks`: the same helper names Kibana's route tests use, with
 * working implementations instead of jest.fn so tests assert on real statuses and payloads.
 *
 * Checked at elastic/kibana@1c74e94158cec0e703ce7807321e9f476347e0c8:src/core/packages/http/router-server-mocks/src/router.mock.ts
 *
 * Mirrors:
 * - elastic/kibana:src/core/packages/http/router-server-mocks/src/router.mock.ts (httpServiceMock.createRouter)
 * - elastic/kibana:src/core/packages/http/router-server-mocks/src/versioned_router.mock.ts
 *   (versioned.getRoute: `{ config, versions: { [v]: { config, handler } } }`, where a version's
 *   `config` is the AddVersionOpts it was registered with; it throws `No routes registered for
 *   [METHOD path]` for an unknown route)
 * - elastic/kibana:src/core/packages/http/server-mocks/src/http_server.mocks.ts (createKibanaRequest, createResponseFactory)
 * - elastic/kibana:src/core/packages/logging/server-mocks/src/logging_system.mock.ts (createLogger)
 * - elastic/kibana:src/core/packages/http/server-internal/src/http_server.ts (configureRoute: a
 *   route's `options.body.maxBytes` becomes hapi's `payload.maxBytes`) and http_config.ts
 *   (`server.maxPayload`, 1048576 bytes, for routes that declare none)
 */
import { Subject } from 'rxjs';
import type {
  AddVersionOpts,
  HttpResponseOptions,
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
  config: AddVersionOpts<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown, RequestHandlerContext>;
}

export interface RegisteredVersionedRoute {
  config: VersionedRouteConfig;
  versions: Record<string, RegisteredVersion>;
}

type VersionedRouterMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A registered route as the real router's `versioned.getRoutes()` lists it
 * (elastic/kibana:src/core/packages/http/server/src/versioning/types.ts, VersionedRouterRoute).
 */
export interface VersionedRouterRoute {
  method: string;
  path: string;
  options: Omit<VersionedRouteConfig, 'path'>;
  handlers: Array<{ fn: RegisteredVersion['handler']; options: RegisteredVersion['config'] }>;
  isVersioned: true;
}

/** Kibana's `server.maxPayload` default: the limit of a route that declares no `maxBytes`. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;

/** The body size a registered route accepts, as Kibana configures hapi for it. */
export function payloadLimitOf(route: RegisteredVersionedRoute): number {
  return route.config.options?.body?.maxBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
}

/**
 * hapi's answer to a body over the route's limit, given before the body is parsed or validated
 * (@hapi/subtext: `Boom.entityTooLarge('Payload content length greater than maximum allowed: N')`,
 * which Kibana sends as `{ statusCode, error, message }`). Undefined when the body fits.
 */
export function refuseOversizePayload(
  route: RegisteredVersionedRoute,
  bytes: number
): IKibanaResponse | undefined {
  const limit = payloadLimitOf(route);
  if (bytes <= limit) return undefined;
  return {
    status: 413,
    payload: {
      statusCode: 413,
      error: 'Request Entity Too Large',
      message: `Payload content length greater than maximum allowed: ${limit}`,
    },
    options: {},
  };
}

export interface RouterMock extends IRouter {
  versioned: IRouter['versioned'] & {
    getRoute(method: VersionedRouterMethod, path: string): RegisteredVersionedRoute;
    getRoutes(): VersionedRouterRoute[];
  };
}

function createRouter(): RouterMock {
  const registered: Array<{ method: VersionedRouterMethod } & RegisteredVersionedRoute> = [];
  const register = (method: VersionedRouterMethod) => (config: VersionedRouteConfig) => {
    const route = { method, config, versions: {} as Record<string, RegisteredVersion> };
    registered.push(route);
    const versioned: VersionedRoute = {
      addVersion(options, handler) {
        route.versions[options.version] = {
          config: options as RegisteredVersion['config'],
          handler: handler as RegisteredVersion['handler'],
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
      patch: register('patch'),
      delete: register('delete'),
      getRoute(method, path) {
        const found = registered.find(
          (route) => route.method === method && route.config.path === path
        );
        if (!found) throw new Error(`No routes registered for [${method.toUpperCase()} ${path}]`);
        return { config: found.config, versions: found.versions };
      },
      getRoutes: () =>
        registered.map(({ method, config: { path, ...options }, versions }) => ({
          method,
          path,
          options,
          handlers: Object.values(versions).map(({ config, handler }) => ({
            fn: handler,
            options: config,
          })),
          isVersioned: true as const,
        })),
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
  params = {},
  query = {},
}: {
  body?: B;
  headers?: Record<string, string>;
  params?: unknown;
  query?: unknown;
} = {}): KibanaRequestMock<B> {
  const aborted$ = new Subject<void>();
  const completed$ = new Subject<void>();
  return {
    id: 'request-id',
    headers,
    params,
    query,
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
  return { status, payload: options.body, options: options as HttpResponseOptions };
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
