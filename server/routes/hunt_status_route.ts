import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, HUNT_CANCEL_API_PATH, HUNT_STATUS_API_PATH } from '../../common/constants';
import {
  parseHuntCancelParams,
  parseHuntStatusParams,
  type HuntCancelParams,
  type HuntStatusParams,
} from '../../common/hunt/async_params';
import { cancelHunt, passThroughBody, pollHunt } from '../lib/run_hunt';
import type { HuntCancelResponse } from '../../common/hunt/api_types';
import { ASYNC_BODY_MAX_BYTES } from './body_limits';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

/**
 * Poll and cancel go to Elasticsearch as the current user too: Elasticsearch lets only the user who
 * submitted an async query read or delete it, so an id alone gives nobody else the results.
 */
export function registerHuntStatusRoutes(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: HUNT_STATUS_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Check a running hunt; returns its rows once it has finished',
      options: { body: { maxBytes: ASYNC_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, HuntStatusParams>(
      {
        version: API_VERSION,
        validate: { request: { body: validationFrom(parseHuntStatusParams) } },
      },
      handleAsCurrentUser<HuntStatusParams>(
        logger,
        async (client, body, signal) => passThroughBody(await pollHunt(client, body, { signal })),
        () => ({ indexPatterns: [], asyncHunt: true })
      )
    );

  router.versioned
    .post({
      path: HUNT_CANCEL_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Cancel a running hunt and delete anything it stored',
      options: { body: { maxBytes: ASYNC_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, HuntCancelParams>(
      {
        version: API_VERSION,
        validate: { request: { body: validationFrom(parseHuntCancelParams) } },
      },
      handleAsCurrentUser<HuntCancelParams>(
        logger,
        // Cancelling must finish even if the page that asked has gone; no abort signal here. The
        // answer says cancelled only when Elasticsearch acknowledged it; an id it does not know
        // for this user is its 404, mapped to `hunt_not_found`, never `{ cancelled: true }`.
        async (client, body): Promise<HuntCancelResponse> => {
          await cancelHunt(client, body.id);
          return { cancelled: true };
        },
        () => ({ indexPatterns: [], asyncHunt: true })
      )
    );
}
