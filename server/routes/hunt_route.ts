import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, HUNT_API_PATH } from '../../common/constants';
import { parseHuntParams, type HuntParams } from '../../common/hunt/hunt_params';
import { readAllowlist } from '../lib/allowlist';
import { passThroughBody, submitHunt } from '../lib/run_hunt';
import { HUNT_BODY_MAX_BYTES } from './body_limits';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

export function registerHuntRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: HUNT_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Run the Entra ID rare service principal hunt as the calling user',
      options: { body: { maxBytes: HUNT_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, HuntParams>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseHuntParams) } } },
      handleAsCurrentUser<HuntParams>(
        logger,
        async (client, body, signal, savedObjects) =>
          passThroughBody(
            await submitHunt(client, body, {
              signal,
              allowlist: await readAllowlist(savedObjects, body.include_hidden),
            })
          ),
        (body) => ({ indexPatterns: body.index_patterns })
      )
    );
}
