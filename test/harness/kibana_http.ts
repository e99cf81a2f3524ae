/**
 * Serves the plugin's real server routes over real HTTP with Kibana's conventions: `kbn-xsrf` on
 * every write, the `elastic-api-version` header picking the route version, validation before the
 * handler, JSON error bodies `{ statusCode, error, message, attributes }`, and `aborted$` firing
 * when the browser drops the connection.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'http';
import { Readable } from 'stream';
import { Subject } from 'rxjs';
import type {
  ElasticsearchClient,
  IKibanaResponse,
  KibanaRequest,
  RequestHandlerContext,
  RouteAuthz,
} from '@kbn/core/server';
import {
  httpServerMock,
  payloadLimitOf,
  refuseOversizePayload,
  type RouterMock,
} from '@kbn/core/server/mocks';
import { forbiddenClient } from '../helpers/es_mock';
import { validateBody, validateParams, validateQuery } from '../helpers/route_runner';
import { SavedObjectsStore } from '../helpers/saved_objects_store';
import { UiSettingsStore } from '../helpers/ui_settings_server';

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {}
) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function errorBody(status: number, message: string, attributes?: unknown) {
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message,
    ...(attributes ? { attributes } : {}),
  };
}

/**
 * Reads a body up to `maxBytes`, as hapi does: a Content-Length over the limit is refused before
 * reading, and a body that grows past it (chunked) is refused as soon as it does.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      request.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function writeKibanaResponse(response: ServerResponse, result: IKibanaResponse) {
  if (result.status >= 400) {
    const payload = (result.payload ?? {}) as { message?: string; attributes?: unknown };
    return sendJson(
      response,
      result.status,
      errorBody(result.status, payload.message ?? '', payload.attributes),
      result.options.headers
    );
  }
  const { payload } = result;
  // hapi sends a Buffer or string body as it is, with the route's headers (octet-stream when the
  // route names no type), and pipes a stream; only objects are serialised as JSON.
  if (Buffer.isBuffer(payload) || typeof payload === 'string') {
    response.writeHead(result.status, {
      'content-type': 'application/octet-stream',
      ...result.options.headers,
    });
    response.end(payload);
    return;
  }
  if (payload instanceof Readable) {
    response.writeHead(result.status, {
      'content-type': 'application/octet-stream',
      ...result.options.headers,
    });
    payload.pipe(response);
    return;
  }
  return sendJson(response, result.status, payload ?? {}, result.options.headers);
}

export interface KibanaHttpOptions {
  router: RouterMock;
  /** The client the routes get as asCurrentUser (the configured user, or the fake cluster). */
  asCurrentUser: ElasticsearchClient;
  /** The saved objects the routes read and write through the request's client (none by default). */
  savedObjects?: SavedObjectsStore;
  /**
   * The API privileges the signed-in user's role grants (the feature's `api` entries): a route whose
   * `requiredPrivileges` are not all here is refused with 403 before its handler, as Kibana's
   * security plugin does (elastic/kibana:x-pack/platform/plugins/shared/security/server/authorization/api_authorization.ts).
   */
  apiPrivileges?: readonly string[];
  username?: string;
  /** The advanced settings the routes read (the page's, in the harness). */
  uiSettings?: UiSettingsStore;
}

const VERSIONED_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type VersionedMethod = (typeof VERSIONED_METHODS)[number];
const isVersionedMethod = (method: string): method is VersionedMethod =>
  (VERSIONED_METHODS as readonly string[]).includes(method);

/** A registered path such as `/internal/x/entries/{id}` as a pattern capturing its params. */
function pathPattern(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** The registered route and its path params, or undefined when no route matches. */
function findRoute(router: RouterMock, method: string, path: string) {
  if (!isVersionedMethod(method)) return undefined;
  for (const candidate of router.versioned.getRoutes()) {
    if (candidate.method !== method) continue;
    const { pattern, names } = pathPattern(candidate.path);
    const match = pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(match[index + 1])])
    );
    return { route: router.versioned.getRoute(method, candidate.path), params };
  }
  return undefined;
}

function missingPrivileges(authz: RouteAuthz, granted: readonly string[]): string[] {
  if (!('requiredPrivileges' in authz)) return [];
  return authz.requiredPrivileges.flatMap((privilege) => {
    if (typeof privilege === 'string') return granted.includes(privilege) ? [] : [privilege];
    const all = (privilege.allRequired ?? []).filter((name) => !granted.includes(name));
    const any = privilege.anyRequired ?? [];
    return any.length > 0 && !any.some((name) => granted.includes(name)) ? [...all, ...any] : all;
  });
}

/** Returns a handler for `/internal/*` and `/api/*`; false when no route matches the path. */
export function createKibanaRouteHandler({
  router,
  asCurrentUser,
  savedObjects = new SavedObjectsStore(),
  apiPrivileges = [],
  username = 'elastic',
  uiSettings = new UiSettingsStore(),
}: KibanaHttpOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toLowerCase();
    const found = findRoute(router, method, url.pathname);
    if (!found) return false;
    const { route, params } = found;
    const missing = missingPrivileges(route.config.security.authz, apiPrivileges);
    if (missing.length > 0) {
      sendJson(
        response,
        403,
        errorBody(
          403,
          `API [${method.toUpperCase()} ${url.pathname}] is unauthorized for user, this action is granted by the Kibana privileges [${missing.join(',')}]`
        )
      );
      return true;
    }

    // hapi reads (and size-checks) the payload before Kibana's xsrf and version checks run.
    const maxBytes = payloadLimitOf(route);
    const text = await readBody(request, maxBytes);
    if (text === undefined) {
      const refused = refuseOversizePayload(route, maxBytes + 1);
      const payload = (refused?.payload ?? {}) as { message?: string };
      sendJson(response, 413, errorBody(413, payload.message ?? ''), { connection: 'close' });
      return true;
    }

    if (method !== 'get' && !request.headers['kbn-xsrf']) {
      sendJson(response, 400, errorBody(400, 'Request must contain a kbn-xsrf header.'));
      return true;
    }
    const versionHeader = request.headers['elastic-api-version'];
    const available = Object.keys(route.versions);
    const version = typeof versionHeader === 'string' ? versionHeader : undefined;
    if (!version) {
      sendJson(
        response,
        400,
        errorBody(
          400,
          `Please specify a version via elastic-api-version header. Available versions: ${available.join(',')}`
        )
      );
      return true;
    }
    const registered = route.versions[version];
    if (!registered) {
      sendJson(
        response,
        400,
        errorBody(
          400,
          `No version "${version}" available for [${method}] [${url.pathname}]. Available versions are: [${available.join(',')}]`
        )
      );
      return true;
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      sendJson(response, 400, errorBody(400, 'Invalid request payload JSON format'));
      return true;
    }
    const validated = validateBody(registered, body);
    if (!validated.ok) {
      sendJson(response, 400, errorBody(400, validated.message));
      return true;
    }
    const validatedParams = validateParams(registered, params);
    if (!validatedParams.ok) {
      sendJson(response, 400, errorBody(400, validatedParams.message));
      return true;
    }
    const validatedQuery = validateQuery(registered, Object.fromEntries(url.searchParams));
    if (!validatedQuery.ok) {
      sendJson(response, 400, errorBody(400, validatedQuery.message));
      return true;
    }

    const aborted$ = new Subject<void>();
    response.on('close', () => {
      if (!response.writableFinished) aborted$.next();
    });
    const base = httpServerMock.createKibanaRequest({
      body: validated.value,
      params: validatedParams.value,
      query: validatedQuery.value,
    });
    const kibanaRequest: KibanaRequest<unknown, unknown, unknown> = {
      ...base,
      headers: request.headers,
      events: { ...base.events, aborted$: aborted$.asObservable() },
    };
    const context: RequestHandlerContext = {
      core: Promise.resolve({
        elasticsearch: {
          client: {
            asCurrentUser,
            asInternalUser: forbiddenClient('asInternalUser'),
            asSecondaryAuthUser: forbiddenClient('asSecondaryAuthUser'),
          },
        },
        savedObjects: { client: savedObjects.clientFor('default') },
        security: { authc: { getCurrentUser: () => ({ username, roles: [] }) } },
        uiSettings: uiSettings.contextFor('default'),
      }),
    };
    try {
      const result = await registered.handler(
        context,
        kibanaRequest,
        httpServerMock.createResponseFactory()
      );
      if (!response.destroyed) writeKibanaResponse(response, result);
    } catch {
      // Kibana answers an unhandled handler error with a generic 500 and logs it.
      if (!response.destroyed)
        sendJson(response, 500, errorBody(500, 'An internal server error occurred.'));
    }
    return true;
  };
}
