import type {
  IKibanaResponse,
  IRouter,
  KibanaResponseFactory,
  Logger,
  RequestHandlerContext,
} from '@kbn/core/server';
import { SavedObjectsErrorHelpers } from '@kbn/core/server';
import { API_PRIVILEGES, API_VERSION } from '../../common/constants';
import {
  parseRunId,
  parseRunListQuery,
  parseRunRecord,
  RUN_API_PATH,
  RUNS_API_PATH,
  type RunRecordInput,
} from '../../common/run_history';
import { getRun, listRuns, recordRun } from '../lib/run_history';
import { RUN_BODY_MAX_BYTES } from './body_limits';
import { validationFrom } from './route_helpers';

/**
 * Both of the app's privileges may record and read history: recording is part of hunting, and a
 * history that left out the runs of `read` users would call their rows "new" to everyone else.
 */
const HISTORY = { authz: { requiredPrivileges: [API_PRIVILEGES.read] } };
const UNKNOWN_AUTHOR = 'unknown';

function historyError(
  response: KibanaResponseFactory,
  logger: Logger,
  error: unknown
): IKibanaResponse {
  if (SavedObjectsErrorHelpers.isNotFoundError(error)) {
    return response.notFound({
      body: {
        message:
          'No such run in this space: it aged out of the history, or belongs to another space.',
      },
    });
  }
  if (SavedObjectsErrorHelpers.isBadRequestError(error)) {
    return response.badRequest({
      body: { message: 'The run history could not be read with this request.' },
    });
  }
  if (SavedObjectsErrorHelpers.isForbiddenError(error)) {
    return response.forbidden({
      body: { message: 'Your role may not read or record the run history of this space.' },
    });
  }
  logger.error(`Run history request failed: ${error instanceof Error ? error.name : 'unknown'}`);
  return response.customError({
    statusCode: 500,
    body: { message: 'The run history could not be read or saved. Try again later.' },
  });
}

async function scoped(context: RequestHandlerContext) {
  const core = await context.core;
  return {
    client: core.savedObjects.client,
    settings: core.uiSettings.client,
    author: core.security.authc.getCurrentUser()?.username ?? UNKNOWN_AUTHOR,
  };
}

/**
 * The space's run history, through the request-scoped saved objects client (the user's Kibana
 * privileges and space apply) and the space's advanced settings.
 */
export function registerRunsRoutes(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: RUNS_API_PATH,
      access: 'internal',
      security: HISTORY,
      summary: 'Record a finished run of the hunt in the current space',
      options: { body: { maxBytes: RUN_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, RunRecordInput>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseRunRecord) } } },
      async (context, request, response) => {
        try {
          const { client, settings, author } = await scoped(context);
          return response.ok({ body: await recordRun(client, settings, request.body, author) });
        } catch (error) {
          return historyError(response, logger, error);
        }
      }
    );

  router.versioned
    .get({
      path: RUNS_API_PATH,
      access: 'internal',
      security: HISTORY,
      summary: 'List the last runs of a hunt view in the current space, newest first',
    })
    .addVersion<unknown, { view_key: string }, unknown>(
      { version: API_VERSION, validate: { request: { query: validationFrom(parseRunListQuery) } } },
      async (context, request, response) => {
        try {
          const { client, settings } = await scoped(context);
          return response.ok({ body: await listRuns(client, settings, request.query.view_key) });
        } catch (error) {
          return historyError(response, logger, error);
        }
      }
    );

  router.versioned
    .get({
      path: RUN_API_PATH,
      access: 'internal',
      security: HISTORY,
      summary: 'Read one run of the current space with its row keys',
    })
    .addVersion<{ id: string }, unknown, unknown>(
      { version: API_VERSION, validate: { request: { params: validationFrom(parseRunId) } } },
      async (context, request, response) => {
        try {
          const { client } = await scoped(context);
          return response.ok({ body: await getRun(client, request.params.id) });
        } catch (error) {
          return historyError(response, logger, error);
        }
      }
    );
}
