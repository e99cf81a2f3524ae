import type { IKibanaResponse, RequestHandlerContext } from '@kbn/core/server';
import { RouteValidationError } from '@kbn/core/server';
import {
  httpServerMock,
  type KibanaRequestMock,
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
export async function callRoute(route: RegisteredVersionedRoute, call: RouteCall): Promise<IKibanaResponse> {
  const version = route.versions[call.version ?? '1'];
  if (!version) return { status: 400, payload: { message: `Unsupported version ${call.version}` }, options: {} };
  const validate = version.options.validate ? version.options.validate.request?.body : undefined;
  let body: unknown = call.body;
  if (validate) {
    const outcome = validate(call.body, {
      ok: (value) => ({ value }),
      badRequest: (error, path) => ({ error: new RouteValidationError(error, path) }),
    });
    if (outcome.error) {
      return {
        status: 400,
        payload: { statusCode: 400, error: 'Bad Request', message: `[request body]: ${outcome.error.message}` },
        options: {},
      };
    }
    body = outcome.value;
  }
  const request = httpServerMock.createKibanaRequest({ body });
  call.onRequest?.(request);
  return version.handler(call.context, request, httpServerMock.createResponseFactory());
}
