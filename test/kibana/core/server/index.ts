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
 * - elastic/kibana:src/core/packages/saved-objects/server/src/saved_objects_type.ts (SavedObjectsType)
 * - elastic/kibana:src/core/packages/saved-objects/server/src/model_version/model_version.ts
 *   (SavedObjectsModelVersion: changes and schemas; forwardCompatibility may be a function)
 * - elastic/kibana:src/core/packages/saved-objects/api-server/src/saved_objects_client.ts
 *   (SavedObjectsClientContract: create, get, find, update, delete)
 * - elastic/kibana:src/core/packages/saved-objects/server/src/saved_objects_error_helpers.ts
 *   (SavedObjectsErrorHelpers: Boom errors told apart by isNotFoundError, isConflictError …)
 * - elastic/kibana:src/core/packages/security/server/src/authc.ts (getCurrentUser on the request
 *   context's security.authc)
 * - elastic/kibana:src/core/packages/application/common/src/default_app_categories.ts
 * - elastic/kibana:src/core/packages/ui-settings/common/src/ui_settings.ts (UiSettingsParams: a
 *   value `schema` is required; `scope` 'namespace' (the default: one value per space) or 'global')
 * - elastic/kibana:src/core/packages/ui-settings/server/src/ui_settings_client.ts (IUiSettingsClient:
 *   `get` is asynchronous) and request_handler_context.ts (`uiSettings.client`, scoped to the
 *   request's space, and `globalClient`)
 * - elastic/kibana:src/core/packages/saved-objects/api-server/src/apis/find.ts
 *   (SavedObjectsFindOptions: `filter` as KQL over `<type>.attributes.<field>`, `fields`)
 */
import type { Client } from '@elastic/elasticsearch';
import type { Stream } from 'stream';
import type { Observable } from 'rxjs';
import type { Type } from '@kbn/config-schema';

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
  savedObjects: { registerType<Attributes = unknown>(type: SavedObjectsType<Attributes>): void };
  uiSettings: { register(settings: Record<string, UiSettingsParams>): void };
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface AppCategory {
  id: string;
  label: string;
  ariaLabel?: string;
  order?: number;
  euiIconType?: string;
}

export const DEFAULT_APP_CATEGORIES: Readonly<Record<'security', AppCategory>> = Object.freeze({
  security: {
    id: 'securitySolution',
    label: 'Security',
    order: 4000,
    euiIconType: 'logoSecurity',
  },
});

export type SavedObjectsNamespaceType = 'single' | 'multiple' | 'multiple-isolated' | 'agnostic';

export interface SavedObjectsFieldMapping {
  type: string;
  properties?: Record<string, SavedObjectsFieldMapping>;
  [option: string]: unknown;
}

export interface SavedObjectsTypeMappingDefinition {
  dynamic?: false | 'strict';
  properties: Record<string, SavedObjectsFieldMapping>;
}

export type SavedObjectModelVersionForwardCompatibilityFn<InAttrs = unknown, OutAttrs = unknown> = (
  attributes: InAttrs
) => OutAttrs;

export interface SavedObjectsModelVersion {
  changes: Array<{ type: string; [key: string]: unknown }>;
  schemas?: { forwardCompatibility?: SavedObjectModelVersionForwardCompatibilityFn };
}

export interface SavedObjectsType<Attributes = unknown> {
  name: string;
  hidden: boolean;
  hiddenFromHttpApis?: boolean;
  namespaceType: SavedObjectsNamespaceType;
  indexPattern?: string;
  mappings: SavedObjectsTypeMappingDefinition;
  modelVersions?: Record<string, SavedObjectsModelVersion>;
  management?: {
    importableAndExportable?: boolean;
    visibleInManagement?: boolean;
    displayName?: string;
    getTitle?(savedObject: SavedObject<Attributes>): string;
  };
}

export interface SavedObject<T = unknown> {
  id: string;
  type: string;
  attributes: T;
  references: Array<{ name: string; type: string; id: string }>;
  namespaces?: string[];
  version?: string;
  created_at?: string;
  updated_at?: string;
}

export interface SavedObjectsFindResponse<T = unknown> {
  saved_objects: Array<SavedObject<T> & { score: number }>;
  total: number;
  per_page: number;
  page: number;
}

export interface SavedObjectsFindOptions {
  type: string | string[];
  page?: number;
  perPage?: number;
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  /** KQL over mapped attributes, written `<type>.attributes.<field>` (Kibana refuses others). */
  filter?: string;
  /** Only these attributes are returned. */
  fields?: string[];
}

export type UiSettingsType = 'json' | 'markdown' | 'number' | 'select' | 'boolean' | 'string';
export type UiSettingsScope = 'namespace' | 'global';

export interface UiSettingsParams<T = unknown> {
  name?: string;
  value?: T;
  description?: string;
  category?: string[];
  requiresPageReload?: boolean;
  type?: UiSettingsType;
  order?: number;
  schema: Type<T>;
  scope?: UiSettingsScope;
}

/** The server's advanced-settings client; `get` of a key nobody registered is undefined. */
export interface IUiSettingsClient {
  get<T = unknown>(key: string): Promise<T>;
}

export interface SavedObjectsClientContract {
  create<T = unknown>(
    type: string,
    attributes: T,
    options?: { id?: string; overwrite?: boolean }
  ): Promise<SavedObject<T>>;
  get<T = unknown>(type: string, id: string): Promise<SavedObject<T>>;
  find<T = unknown>(options: SavedObjectsFindOptions): Promise<SavedObjectsFindResponse<T>>;
  update<T = unknown>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options?: { version?: string }
  ): Promise<SavedObject<Partial<T>> & { attributes: Partial<T> }>;
  delete(type: string, id: string): Promise<object>;
}

/** Kibana's saved-object errors are Boom errors; this stand-in keeps their status and decorator. */
export class SavedObjectsClientError extends Error {
  constructor(
    message: string,
    public readonly statusCode: number,
    public readonly reason: 'NotFound' | 'Conflict' | 'BadRequest' | 'Forbidden'
  ) {
    super(message);
    this.name = 'SavedObjectsClientError';
  }
}

function isClientError(error: unknown, reason: SavedObjectsClientError['reason']): boolean {
  return error instanceof SavedObjectsClientError && error.reason === reason;
}

export const SavedObjectsErrorHelpers = {
  isNotFoundError: (error: unknown) => isClientError(error, 'NotFound'),
  isConflictError: (error: unknown) => isClientError(error, 'Conflict'),
  isBadRequestError: (error: unknown) => isClientError(error, 'BadRequest'),
  isForbiddenError: (error: unknown) => isClientError(error, 'Forbidden'),
  createGenericNotFoundError: (type?: string | null, id?: string | null) =>
    new SavedObjectsClientError(
      type && id ? `Saved object [${type}/${id}] not found` : 'Not Found',
      404,
      'NotFound'
    ),
  createConflictError: (type: string, id: string) =>
    new SavedObjectsClientError(`Saved object [${type}/${id}] conflict`, 409, 'Conflict'),
  createBadRequestError: (reason?: string) =>
    new SavedObjectsClientError(
      reason ? `${reason}: Bad Request` : 'Bad Request',
      400,
      'BadRequest'
    ),
  createUnsupportedTypeError: (type: string) =>
    new SavedObjectsClientError(
      `Unsupported saved object type: '${type}': Bad Request`,
      400,
      'BadRequest'
    ),
};

export interface AuthenticatedUser {
  username: string;
  full_name?: string | null;
  email?: string | null;
  roles: readonly string[];
}

// The plugin uses nothing from CoreStart; Kibana's has many services.
export type CoreStart = object;

export interface CoreRequestHandlerContext {
  elasticsearch: { client: IScopedClusterClient };
  /** The request's saved objects client: scoped to the user and the space of the request. */
  savedObjects: { client: SavedObjectsClientContract };
  security: { authc: { getCurrentUser(): AuthenticatedUser | null } };
  /** `client` reads the request's space, `globalClient` the settings of every space. */
  uiSettings: { client: IUiSettingsClient; globalClient: IUiSettingsClient };
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
