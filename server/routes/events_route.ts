import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, EVENTS_API_PATH } from '../../common/constants';
import { parseEventsParams, type EventsParams } from '../../common/hunt/events_params';
import { getRowEvents } from '../lib/get_row_events';
import { abortSignalFrom, AUTHZ_AS_CURRENT_USER, errorResponse, validationFrom } from './route_helpers';

export function registerEventsRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: EVENTS_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Read the raw events behind one hunt result row, as the calling user',
    })
    .addVersion<unknown, unknown, EventsParams>(
      { version: API_VERSION, validate: { request: { body: validationFrom(parseEventsParams) } } },
      async (context, request, response) => {
        const { signal, dispose } = abortSignalFrom(request.events.aborted$);
        try {
          const client = (await context.core).elasticsearch.client.asCurrentUser;
          return response.ok({ body: await getRowEvents(client, request.body, { signal }) });
        } catch (error) {
          return errorResponse(response, logger, error, { indexPatterns: request.body.index_patterns });
        } finally {
          dispose();
        }
      }
    );
}
