import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, HIDDEN_ROWS_API_PATH } from '../../common/constants';
import { parseHuntParams, type HuntParams } from '../../common/hunt/hunt_params';
import { getHiddenRows } from '../lib/get_hidden_rows';
import { HUNT_BODY_MAX_BYTES } from './body_limits';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

/**
 * Which rows of a hunt the space's benign entries hide, for "N rows hidden by M entries" and for
 * marking them when they are shown. The query runs as the user, as the hunt does; the entries are
 * read through the request-scoped saved objects client.
 */
export function registerHiddenRowsRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: HIDDEN_ROWS_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Rows of a hunt that the space’s benign allowlist entries hide, as the calling user',
      options: { body: { maxBytes: HUNT_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, HuntParams>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseHuntParams) } } },
      handleAsCurrentUser<HuntParams>(
        logger,
        (client, body, signal, savedObjects) =>
          getHiddenRows(client, body, savedObjects, { signal }),
        (body) => ({ indexPatterns: body.index_patterns })
      )
    );
}
