import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, TRIAGE_API_PATH, TRIAGE_BODY_MAX_BYTES } from '../../common/constants';
import { parseTriageParams, type TriageParams } from '../../common/hunt/triage_params';
import { getTriage } from '../lib/get_triage';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

export function registerTriageRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: TRIAGE_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Where from, how common and how new: triage of a hunt’s rows, as the calling user',
      options: { body: { maxBytes: TRIAGE_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, TriageParams>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseTriageParams) } } },
      handleAsCurrentUser<TriageParams>(
        logger,
        (client, body, signal) => getTriage(client, body, { signal }),
        (body) => ({ indexPatterns: body.index_patterns })
      )
    );
}
