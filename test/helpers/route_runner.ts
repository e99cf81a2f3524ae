import type { IKibanaResponse, RequestHandlerContext } from '@kbn/core/server';
import { RouteValidationError } from '@kbn/core/server';
import {
  httpServerMock,
  refuseOversizePayload,
  type KibanaRequestMock,
  type RegisteredVersion,
  type RegisteredVersionedRoute,
} from '@kbn/core/server/mocks';

export interface RouteCall {
  body?: unknown;
  /** The body as bytes on the wire, when the test sends text instead of a value. */
  rawBody?: string;
  /** Path params (`{id}`), validated as Kibana validates them, after the body. */
  params?: Record<string, string>;
  /** The query string's values (`?view_key=…`), validated after the params. */
  query?: Record<string, string>;
  context: RequestHandlerContext;
  version?: string;
  /** Lets a test abort the request mid-flight. */
  onRequest?: (request: KibanaRequestMock<unknown>) => void;
}

/** Runs a version's body validation as Kibana does; the error text is Kibana's `[request body]: …`. */
export function validateBody(
  version: RegisteredVersion,
  body: unknown
): { ok: true; value: unknown } | { ok: false; message: string } {
  const validate = version.config.validate ? version.config.validate.request?.body : undefined;
  if (!validate) return { ok: true, value: body };
  const outcome = validate(body, {
    ok: (value) => ({ value }),
    badRequest: (error, path) => ({ error: new RouteValidationError(error, path) }),
  });
  return outcome.error
    ? { ok: false, message: `[request body]: ${outcome.error.message}` }
    : { ok: true, value: outcome.value };
}

/** Runs a version's path-params validation as Kibana does (`[request params]: …`). */
export function validateParams(
  version: RegisteredVersion,
  params: unknown
): { ok: true; value: unknown } | { ok: false; message: string } {
  const validate = version.config.validate ? version.config.validate.request?.params : undefined;
  if (!validate) return { ok: true, value: params };
  const outcome = validate(params, {
    ok: (value) => ({ value }),
    badRequest: (error, path) => ({ error: new RouteValidationError(error, path) }),
  });
  return outcome.error
    ? { ok: false, message: `[request params]: ${outcome.error.message}` }
    : { ok: true, value: outcome.value };
}

/**
 * Runs a version's query validation as Kibana does (`[request query]: …`); a route that declares
 * none gets an empty object, as Kibana's router hands it.
 */
export function validateQuery(
  version: RegisteredVersion,
  query: unknown
): { ok: true; value: unknown } | { ok: false; message: string } {
  const validate = version.config.validate ? version.config.validate.request?.query : undefined;
  if (!validate) return { ok: true, value: {} };
  const outcome = validate(query, {
    ok: (value) => ({ value }),
    badRequest: (error, path) => ({ error: new RouteValidationError(error, path) }),
  });
  return outcome.error
    ? { ok: false, message: `[request query]: ${outcome.error.message}` }
    : { ok: true, value: outcome.value };
}

function badRequest(message: string): IKibanaResponse {
  return {
    status: 400,
    payload: { statusCode: 400, error: 'Bad Request', message },
    options: {},
  };
}

/** The body as it arrives: raw text, or the value serialised as a client would send it. */
function wireBody(call: RouteCall): string | undefined {
  if (call.rawBody !== undefined) return call.rawBody;
  return call.body === undefined ? undefined : JSON.stringify(call.body);
}

/**
 * Calls a registered versioned route the way Kibana's router does: a body over the route's
 * `maxBytes` is refused with 413 before it is parsed, text that is not JSON is a 400, then body
 * validation (a 400 with the validator's message, as Kibana answers), then the handler.
 */
export async function callRoute(
  route: RegisteredVersionedRoute,
  call: RouteCall
): Promise<IKibanaResponse> {
  const wire = wireBody(call);
  const oversize = refuseOversizePayload(route, wire === undefined ? 0 : Buffer.byteLength(wire));
  if (oversize) return oversize;
  let parsed: unknown = call.body;
  if (call.rawBody !== undefined) {
    try {
      parsed = call.rawBody === '' ? undefined : JSON.parse(call.rawBody);
    } catch {
      return badRequest('Invalid request payload JSON format');
    }
  }
  const version = route.versions[call.version ?? '1'];
  if (!version)
    return {
      status: 400,
      payload: { message: `Unsupported version ${call.version}` },
      options: {},
    };
  const validated = validateBody(version, parsed);
  if (!validated.ok) return badRequest(validated.message);
  const params = validateParams(version, call.params ?? {});
  if (!params.ok) return badRequest(params.message);
  const query = validateQuery(version, call.query ?? {});
  if (!query.ok) return badRequest(query.message);
  const body = validated.value;
  const request = httpServerMock.createKibanaRequest({
    body,
    params: params.value,
    query: query.value,
  });
  call.onRequest?.(request);
  return version.handler(call.context, request, httpServerMock.createResponseFactory());
}
