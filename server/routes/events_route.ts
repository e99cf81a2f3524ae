import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, EVENTS_API_PATH } from '../../common/constants';
import { parseEventsParams, type EventsParams } from '../../common/hunt/events_params';
import { readAllowlist } from '../lib/allowlist';
import { getRowEvents } from '../lib/get_row_events';
import { EVENTS_BODY_MAX_BYTES } from './body_limits';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

export function registerEventsRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: EVENTS_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Read the raw events behind one hunt result row, as the calling user',
      options: { body: { maxBytes: EVENTS_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, EventsParams>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseEventsParams) } } },
      handleAsCurrentUser<EventsParams>(
        logger,
        // The space's benign entries, read again as the user: the row counted none of their events.
        async (client, body, signal, savedObjects) =>
          getRowEvents(client, body, {
            signal,
            allowlist: (await readAllowlist(savedObjects, body.include_hidden)).applied,
          }),
        (body) => ({ indexPatterns: body.index_patterns })
      )
    );
}
