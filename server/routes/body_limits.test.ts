import { httpServiceMock, loggingSystemMock, payloadLimitOf } from '@kbn/core/server/mocks';
import {
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../../common/constants';
import {
  createMockedCluster,
  createRequestContext,
  fieldCapsResponse,
} from '../../test/helpers/es_mock';
import { HUNT_COLUMNS, huntValues } from '../../test/helpers/esql_responses';
import { largestLegalBodies } from '../../test/helpers/largest_bodies';
import { callRoute } from '../../test/helpers/route_runner';
import {
  ASYNC_BODY_MAX_BYTES,
  COVERAGE_BODY_MAX_BYTES,
  EVENTS_BODY_MAX_BYTES,
  HUNT_BODY_MAX_BYTES,
} from './body_limits';
import { registerRoutes } from '.';

const ROUTES = [
  ['hunt', HUNT_API_PATH, HUNT_BODY_MAX_BYTES],
  ['coverage', COVERAGE_API_PATH, COVERAGE_BODY_MAX_BYTES],
  ['events', EVENTS_API_PATH, EVENTS_BODY_MAX_BYTES],
  ['status', HUNT_STATUS_API_PATH, ASYNC_BODY_MAX_BYTES],
  ['cancel', HUNT_CANCEL_API_PATH, ASYNC_BODY_MAX_BYTES],
] as const;

function setup() {
  const router = httpServiceMock.createRouter();
  registerRoutes(router, loggingSystemMock.createLogger());
  const cluster = createMockedCluster();
  // Wildcards: the mock's router caps a `:param` at 100 characters, and twenty 255-character
  // patterns or a 512-character id are longer.
  cluster.on('POST', '/*', (request) =>
    request.path.endsWith('/_field_caps')
      ? fieldCapsResponse()
      : { columns: HUNT_COLUMNS, values: request.path === '/_query/async' ? [huntValues()] : [] }
  );
  cluster.on('GET', '/_query/async/*', () => ({ is_running: true }));
  cluster.on('DELETE', '/_query/async/*', () => ({ acknowledged: true }));
  return { router, cluster, context: createRequestContext(cluster.client) };
}

describe('request body limits', () => {
  const bodies = largestLegalBodies();

  it.each(ROUTES)(
    '%s declares options.body.maxBytes from the named limits',
    (_kind, path, maxBytes) => {
      const { router } = setup();
      const route = router.versioned.getRoute('post', path);
      expect(route.config.options?.body?.maxBytes).toBe(maxBytes);
      expect(payloadLimitOf(route)).toBe(maxBytes);
      // Far below Kibana's 1 MiB default, which a hostile body used to fill.
      expect(maxBytes).toBeLessThan(300 * 1024);
    }
  );

  it.each(ROUTES)(
    '%s accepts its largest legal body, every character escaped',
    async (kind, path, maxBytes) => {
      const { router, context } = setup();
      const text = bodies[kind];
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
      const response = await callRoute(router.versioned.getRoute('post', path), {
        rawBody: text,
        context,
      });
      expect(response.status).toBe(200);
    }
  );

  it.each(ROUTES)(
    '%s refuses one byte more with 413, before parsing or querying',
    async (_kind, path, maxBytes) => {
      const { router, cluster, context } = setup();
      // Not even JSON: a 413 means the size was judged before the text was parsed.
      const response = await callRoute(router.versioned.getRoute('post', path), {
        rawBody: '['.repeat(maxBytes + 1),
        context,
      });
      expect(response.status).toBe(413);
      expect(response.payload).toEqual({
        statusCode: 413,
        error: 'Request Entity Too Large',
        message: `Payload content length greater than maximum allowed: ${maxBytes}`,
      });
      expect(cluster.requests).toHaveLength(0);
    }
  );

  it('a body that fits but is not JSON is a 400, as Kibana answers', async () => {
    const { router, context } = setup();
    const response = await callRoute(router.versioned.getRoute('post', HUNT_API_PATH), {
      rawBody: '{"limit": ',
      context,
    });
    expect(response).toMatchObject({
      status: 400,
      payload: { message: 'Invalid request payload JSON format' },
    });
  });
});
