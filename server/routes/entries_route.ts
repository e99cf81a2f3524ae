import type {
  IKibanaResponse,
  IRouter,
  KibanaResponseFactory,
  Logger,
  RequestHandlerContext,
  SavedObjectsClientContract,
} from '@kbn/core/server';
import { SavedObjectsErrorHelpers } from '@kbn/core/server';
import {
  API_PRIVILEGES,
  API_VERSION,
  ENTRIES_API_PATH,
  ENTRY_API_PATH,
  ENTRY_BODY_MAX_BYTES,
} from '../../common/constants';
import {
  parseEntryId,
  parseEntryInput,
  parseEntryUpdate,
  type EntryInput,
  type EntryUpdate,
} from '../../common/entries';
import {
  createEntry,
  deleteEntry,
  EntryRequestError,
  listEntries,
  updateEntry,
} from '../lib/entries';
import { validationFrom } from './route_helpers';

const READ = { authz: { requiredPrivileges: [API_PRIVILEGES.read] } };
const WRITE = { authz: { requiredPrivileges: [API_PRIVILEGES.write] } };
const UNKNOWN_AUTHOR = 'unknown';

/** Saved-object failures in the analyst's words; never the stack or the stored values. */
function entryError(
  response: KibanaResponseFactory,
  logger: Logger,
  error: unknown
): IKibanaResponse {
  if (error instanceof EntryRequestError) {
    return response.badRequest({ body: { message: error.message } });
  }
  if (SavedObjectsErrorHelpers.isNotFoundError(error)) {
    return response.notFound({
      body: {
        message: 'No such entry in this space: it was removed, or belongs to another space.',
      },
    });
  }
  if (SavedObjectsErrorHelpers.isConflictError(error)) {
    return response.customError({
      statusCode: 409,
      body: { message: 'The entry changed meanwhile: reload the list and try again.' },
    });
  }
  if (SavedObjectsErrorHelpers.isForbiddenError(error)) {
    return response.forbidden({
      body: { message: 'You may read but not change the entries of this space.' },
    });
  }
  logger.error(`Entry request failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  return response.customError({
    statusCode: 500,
    body: { message: 'The entries could not be read or saved. Try again later.' },
  });
}

async function scoped(context: RequestHandlerContext): Promise<{
  client: SavedObjectsClientContract;
  author: string;
}> {
  const core = await context.core;
  const user = core.security.authc.getCurrentUser();
  return { client: core.savedObjects.client, author: user?.username ?? UNKNOWN_AUTHOR };
}

/**
 * The space's allowlist entries and review marks, through the request-scoped saved objects client
 * (the user's Kibana privileges and space apply). Reading needs the feature's `read` privilege,
 * changing it `all`; Kibana's security plugin answers 403 before the handler runs otherwise.
 */
export function registerEntriesRoutes(router: IRouter, logger: Logger): void {
  router.versioned
    .get({
      path: ENTRIES_API_PATH,
      access: 'internal',
      security: READ,
      summary: 'List the allowlist entries and review marks of the current space',
    })
    .addVersion({ version: API_VERSION, validate: false }, async (context, _request, response) => {
      try {
        const { client } = await scoped(context);
        return response.ok({ body: await listEntries(client) });
      } catch (error) {
        return entryError(response, logger, error);
      }
    });

  router.versioned
    .post({
      path: ENTRIES_API_PATH,
      access: 'internal',
      security: WRITE,
      summary:
        'Mark a principal, an action or a CIDR block benign or reviewed in the current space',
      options: { body: { maxBytes: ENTRY_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, EntryInput>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseEntryInput) } } },
      async (context, request, response) => {
        try {
          const { client, author } = await scoped(context);
          return response.ok({ body: await createEntry(client, request.body, author) });
        } catch (error) {
          return entryError(response, logger, error);
        }
      }
    );

  router.versioned
    .put({
      path: ENTRY_API_PATH,
      access: 'internal',
      security: WRITE,
      summary: 'Change the note, kind or expiry of an entry of the current space',
      options: { body: { maxBytes: ENTRY_BODY_MAX_BYTES } },
    })
    .addVersion<{ id: string }, unknown, EntryUpdate>(
      {
        version: API_VERSION,
        validate: {
          request: {
            params: validationFrom(parseEntryId),
            body: validationFrom(parseEntryUpdate),
          },
        },
      },
      async (context, request, response) => {
        try {
          const { client } = await scoped(context);
          return response.ok({
            body: await updateEntry(client, request.params.id, request.body),
          });
        } catch (error) {
          return entryError(response, logger, error);
        }
      }
    );

  router.versioned
    .delete({
      path: ENTRY_API_PATH,
      access: 'internal',
      security: WRITE,
      summary: 'Remove an entry of the current space',
    })
    .addVersion<{ id: string }, unknown, unknown>(
      { version: API_VERSION, validate: { request: { params: validationFrom(parseEntryId) } } },
      async (context, request, response) => {
        try {
          const { client } = await scoped(context);
          await deleteEntry(client, request.params.id);
          return response.ok({ body: { deleted: true } });
        } catch (error) {
          return entryError(response, logger, error);
        }
      }
    );
}
