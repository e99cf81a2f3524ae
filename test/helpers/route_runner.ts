import type { IKibanaResponse, RequestHandlerContext } from '@kbn/core/server';
import { RouteValidationError } from '@kbn/core/server';
import {
  httpServerMock,
  type KibanaRequestMock,
  type RegisteredVersion,
  type RegisteredVersionedRoute,
} from '@kbn/core/server/mocks';

export interface RouteCall {
  body?: unknown;
  context: RequestHandlerContext;
  version?: string;
  /** Lets a test abort the request mid-flight. */
  onRequest?: (request: KibanaRequestMock<unknown>) => void;
}

/**
 * Calls a registered versioned route the way Kibana's router does: body validation first (a 400
 * with the validator's message, as Kibana answers), then the handler.
 */
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

export async function callRoute(
  route: RegisteredVersionedRoute,
  call: RouteCall
): Promise<IKibanaResponse> {
  const version = route.versions[call.version ?? '1'];
  if (!version)
    return {
      status: 400,
      payload: { message: `Unsupported version ${call.version}` },
      options: {},
    };
  const validated = validateBody(version, call.body);
  if (!validated.ok) {
    return {
      status: 400,
      payload: { statusCode: 400, error: 'Bad Request', message: validated.message },
      options: {},
    };
  }
  const body = validated.value;
  const request = httpServerMock.createKibanaRequest({ body });
  call.onRequest?.(request);
  return version.handler(call.context, request, httpServerMock.createResponseFactory());
}
