/**
 * Stand-in for `@kbn/core/server`: only what the plugin uses, with Kibana's names and signatures.
 *
 * Checked at elastic/kibana@086ccdfc7ec5b84204fa676504aa2cafb36fe82c:src/core/packages/http/server/src/versioning/types.ts
 *
 * Mirrors:
 * - elastic/kibana:src/core/packages/plugins/server/src/types.ts (Plugin, PluginInitializerContext)
 * - elastic/kibana:src/platform/packages/shared/kbn-logging/src/logger.ts (Logger)
 * - elastic/kibana:src/core/packages/http/server/src/router/route.ts (RouteSecurity, RouteConfigOptions)
 * - elastic/kibana:src/core/packages/http/server/src/router/route_validator.ts (RouteValidationFunction)
 * - elastic/kibana:src/core/packages/http/server/src/router/request.ts (KibanaRequest)
 * - elastic/kibana:src/core/packages/http/server/src/router/response_factory.ts (KibanaResponseFactory)
 * - elastic/kibana:src/core/packages/http/server/src/versioning/types.ts (VersionedRouter, AddVersionOpts)
 * - elastic/kibana:src/core/packages/elasticsearch/server/src/client/client.ts (ElasticsearchClient)
 * - elastic/kibana:src/core/packages/elasticsearch/server/src/client/scoped_cluster_client.ts
 */
import type { Client } from '@elastic/elasticsearch';
import type { Stream } from 'stream';
import type { Observable } from 'rxjs';

export type ElasticsearchClient = Omit<
  Client,
  'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'
>;

export interface IScopedClusterClient {
  readonly asInternalUser: ElasticsearchClient;
  readonly asCurrentUser: ElasticsearchClient;
  readonly asSecondaryAuthUser: ElasticsearchClient;
}

export type LogMessageSource = string | (() => string);
export type LogMeta = Record<string, unknown>;

export interface Logger {
  trace<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
  debug<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
  info<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
  warn<Meta extends LogMeta = LogMeta>(errorOrMessage: LogMessageSource | Error, meta?: Meta): void;
  error<Meta extends LogMeta = LogMeta>(
    errorOrMessage: LogMessageSource | Error,
    meta?: Meta
  ): void;
  fatal<Meta extends LogMeta = LogMeta>(
    errorOrMessage: LogMessageSource | Error,
    meta?: Meta
  ): void;
  isLevelEnabled(level: string): boolean;
  get(...childContextPaths: string[]): Logger;
}

export interface LoggerFactory {
  get(...contextParts: string[]): Logger;
}

export interface PluginInitializerContext<ConfigSchema = unknown> {
  opaqueId: symbol;
  logger: LoggerFactory;
  config: { get: <T = ConfigSchema>() => T };
}

export interface Plugin<
  TSetup = void,
  TStart = void,
  TPluginsSetup extends object = object,
  TPluginsStart extends object = object,
> {
  setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
  start(core: CoreStart, plugins: TPluginsStart): TStart;
  stop?(): void | Promise<void>;
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  http: {
    createRouter<Context extends RequestHandlerContext = RequestHandlerContext>(): IRouter<Context>;
  };
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

// The plugin uses nothing from CoreStart; Kibana's has many services.
export type CoreStart = object;

export interface CoreRequestHandlerContext {
  elasticsearch: { client: IScopedClusterClient };
}

export interface RequestHandlerContext {
  core: Promise<CoreRequestHandlerContext>;
}

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';

export interface KibanaRequestEvents {
  aborted$: Observable<void>;
  completed$: Observable<void>;
}

export interface KibanaRequest<P = unknown, Q = unknown, B = unknown> {
  readonly id: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly events: KibanaRequestEvents;
  readonly isInternalApiRequest: boolean;
}

export interface ResponseErrorAttributes {
  [key: string]: unknown;
}

export type ResponseError =
  string | Error | { message: string | Error; attributes?: ResponseErrorAttributes };

/**
 * What a response may carry (elastic/kibana:src/core/packages/http/server/src/router/response.ts):
 * objects are serialised as JSON, a Buffer, string or Stream is sent as it is. Kibana types the
 * object case `Record<string, any>`; `object` says the same without `any`.
 */
export type HttpResponsePayload = undefined | string | object | Buffer | Stream;

export interface HttpResponseOptions {
  body?: HttpResponsePayload;
  headers?: Record<string, string | string[]>;
}

export interface IKibanaResponse<T = unknown> {
  readonly status: number;
  readonly payload?: T;
  readonly options: HttpResponseOptions;
}

export interface CustomHttpResponseOptions<T> {
  body?: T;
  headers?: Record<string, string | string[]>;
  statusCode: number;
}

export interface KibanaResponseFactory {
  ok<T>(options?: { body?: T; headers?: Record<string, string | string[]> }): IKibanaResponse<T>;
  badRequest(options?: {
    body?: ResponseError;
    headers?: Record<string, string | string[]>;
  }): IKibanaResponse;
  unauthorized(options?: {
    body?: ResponseError;
    headers?: Record<string, string | string[]>;
  }): IKibanaResponse;
  forbidden(options?: {
    body?: ResponseError;
    headers?: Record<string, string | string[]>;
  }): IKibanaResponse;
  notFound(options?: {
    body?: ResponseError;
    headers?: Record<string, string | string[]>;
  }): IKibanaResponse;
  customError(options: CustomHttpResponseOptions<ResponseError>): IKibanaResponse;
}

export class RouteValidationError extends Error {
  constructor(
    error: Error | string,
    public readonly path: string[] = []
  ) {
    super(typeof error === 'string' ? error : error.message);
    this.name = 'RouteValidationError';
  }
}

export interface RouteValidationResultFactory {
  ok: <T>(value: T) => { value: T };
  badRequest: (error: Error | string, path?: string[]) => { error: RouteValidationError };
}

export type RouteValidationFunction<T> = (
  data: unknown,
  validationResult: RouteValidationResultFactory
) => { value: T; error?: never } | { value?: never; error: RouteValidationError };

export type RouteAuthz =
  | { requiredPrivileges: Array<string | { anyRequired?: string[]; allRequired?: string[] }> }
  | { enabled: false; reason: string };

export interface RouteSecurity {
  authz: RouteAuthz;
  authc?: { enabled: true | 'optional' } | { enabled: false; reason: string };
}

export type RequestHandler<
  P = unknown,
  Q = unknown,
  B = unknown,
  Context extends RequestHandlerContext = RequestHandlerContext,
> = (
  context: Context,
  request: KibanaRequest<P, Q, B>,
  response: KibanaResponseFactory
) => IKibanaResponse | Promise<IKibanaResponse>;

export interface VersionedRouteValidation<P, Q, B> {
  request?: {
    params?: RouteValidationFunction<P>;
    query?: RouteValidationFunction<Q>;
    body?: RouteValidationFunction<B>;
  };
}

export interface AddVersionOpts<P, Q, B> {
  version: string;
  validate: false | VersionedRouteValidation<P, Q, B>;
}

export interface VersionedRouteConfig {
  path: string;
  access: 'public' | 'internal';
  security: RouteSecurity;
  summary?: string;
  description?: string;
  options?: { timeout?: { payload?: number; idleSocket?: number }; body?: { maxBytes?: number } };
}

export interface VersionedRoute<Context extends RequestHandlerContext = RequestHandlerContext> {
  addVersion<P = unknown, Q = unknown, B = unknown>(
    options: AddVersionOpts<P, Q, B>,
    handler: RequestHandler<P, Q, B, Context>
  ): VersionedRoute<Context>;
}

export interface VersionedRouter<Context extends RequestHandlerContext = RequestHandlerContext> {
  get(config: VersionedRouteConfig): VersionedRoute<Context>;
  post(config: VersionedRouteConfig): VersionedRoute<Context>;
  put(config: VersionedRouteConfig): VersionedRoute<Context>;
  patch(config: VersionedRouteConfig): VersionedRoute<Context>;
  delete(config: VersionedRouteConfig): VersionedRoute<Context>;
}

export interface IRouter<Context extends RequestHandlerContext = RequestHandlerContext> {
  routerPath: string;
  versioned: VersionedRouter<Context>;
}
