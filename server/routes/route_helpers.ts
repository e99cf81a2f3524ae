import type {
  ElasticsearchClient,
  IKibanaResponse,
  KibanaResponseFactory,
  Logger,
  RequestHandler,
  RouteValidationFunction,
  SavedObjectsClientContract,
} from '@kbn/core/server';
import type { Observable } from 'rxjs';
import type { ParamsIssue } from '../../common/hunt/hunt_params';
import { describeForLog, mapElasticsearchError, type ErrorContext } from '../lib/es_errors';
import { JsonBytes } from '../lib/esql_bytes';

/**
 * Kibana sends a Buffer body as it is (elastic/kibana:src/core/packages/http/server/src/router/
 * response.ts, `HttpResponsePayload` may be a Buffer or a Stream; router-server-internal's
 * response_adapter.ts hands it to hapi unchanged), so the type must be said: the browser's
 * `http.fetch` parses a body as JSON by its content type (elastic/kibana:src/core/packages/http/
 * browser-internal/src/fetch.ts, `JSON_CONTENT`).
 */
const JSON_BYTES_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

type ParseResult<T> =
  { ok: true; value: T } | { ok: false; message: string; issues: ParamsIssue[] };

/**
 * A Kibana validation function around one of the shared parsers, so the 400 says which field is
 * wrong and by which rule ("[trusted_cidrs.1]: must be an IPv4 or IPv6 CIDR block …"), in the
 * same words the page shows inline.
 */
export function validationFrom<T>(
  parse: (input: unknown) => ParseResult<T>
): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    const result = parse(data ?? {});
    return result.ok ? ok(result.value) : badRequest(result.message);
  };
}

/** Aborts the Elasticsearch call when the browser goes away, so no hunt runs for nobody. */
export function abortSignalFrom(aborted$: Observable<void>): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const subscription = aborted$.subscribe(() => controller.abort());
  return { signal: controller.signal, dispose: () => subscription.unsubscribe() };
}

/** Maps a failure to the response the analyst sees; logs only its kind, never query or values. */
export function errorResponse(
  response: KibanaResponseFactory,
  logger: Logger,
  error: unknown,
  context: ErrorContext
): IKibanaResponse {
  const mapped = mapElasticsearchError(error, context);
  if (mapped.statusCode >= 500) logger.error(`Hunt request failed: ${describeForLog(error)}`);
  else logger.debug(`Hunt request refused: ${describeForLog(error)}`);
  return response.customError({
    statusCode: mapped.statusCode,
    headers: mapped.headers,
    body: { message: mapped.message, attributes: mapped.attributes },
  });
}

/**
 * The hunt's routes run their queries as the calling user through `asCurrentUser`, so
 * Elasticsearch applies the analyst's index, document and field privileges to everything they
 * read; a Kibana privilege would add nothing to data the user can already query in Discover. The
 * routes that read or change the space's saved allowlist entries do require the app's feature
 * privilege (entries_route.ts).
 */
export const AUTHZ_AS_CURRENT_USER = {
  enabled: false,
  reason:
    'Queries run as the calling user through asCurrentUser; Elasticsearch enforces the index, document and field privileges of that user on every request.',
} as const;

/**
 * The one shape every route handler has: take the calling user's client (never the internal
 * user), run a lib function with the request's abort signal, answer 200 with its result (an
 * object, or `JsonBytes` already serialised), and map any failure to a status and a sentence.
 */
export function handleAsCurrentUser<Body>(
  logger: Logger,
  run: (
    client: ElasticsearchClient,
    body: Body,
    signal: AbortSignal,
    /** The request-scoped saved objects client: the user's space and Kibana privileges apply. */
    savedObjects: SavedObjectsClientContract
  ) => Promise<unknown>,
  errorContext: (body: Body) => ErrorContext
): RequestHandler<unknown, unknown, Body> {
  return async (context, request, response) => {
    const { signal, dispose } = abortSignalFrom(request.events.aborted$);
    try {
      const core = await context.core;
      const client = core.elasticsearch.client.asCurrentUser;
      const body = await run(client, request.body, signal, core.savedObjects.client);
      return body instanceof JsonBytes
        ? response.ok({ body: body.bytes, headers: JSON_BYTES_HEADERS })
        : response.ok({ body });
    } catch (error) {
      return errorResponse(response, logger, error, errorContext(request.body));
    } finally {
      dispose();
    }
  };
}
