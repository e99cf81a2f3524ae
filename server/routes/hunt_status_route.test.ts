import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import { HUNT_CANCEL_API_PATH, HUNT_STATUS_API_PATH } from '../../common/constants';
import { createMockedCluster, createRequestContext } from '../../test/helpers/es_mock';
import { esResponseError, HUNT_COLUMNS, huntValues } from '../../test/helpers/esql_responses';
import { payloadJson } from '../../test/helpers/pass_through';
import { callRoute } from '../../test/helpers/route_runner';
import type { HuntStatusWireResponse } from '../../common/hunt/api_types';
import { huntStatusFromWire } from '../../common/hunt/hunt_wire';

import { registerHuntStatusRoutes } from './hunt_status_route';

const shaped = (response: Awaited<ReturnType<typeof callRoute>>) =>
  huntStatusFromWire(payloadJson<HuntStatusWireResponse>(response));

const ID = 'FmNJRUZ1YWZCU3dHY1BIOUhaenVSRkEaaXFlZ3h4c1RTWFNocDdnY2FSaERnUTozNDE=';

function setup() {
  const router = httpServiceMock.createRouter();
  registerHuntStatusRoutes(router, loggingSystemMock.createLogger());
  const cluster = createMockedCluster();
  const context = createRequestContext(cluster.client);
  return {
    cluster,
    status: (body: unknown) =>
      callRoute(router.versioned.getRoute('post', HUNT_STATUS_API_PATH), { body, context }),
    cancel: (body: unknown) =>
      callRoute(router.versioned.getRoute('post', HUNT_CANCEL_API_PATH), { body, context }),
    routes: router.versioned.getRoutes(),
  };
}

describe('hunt status and cancel routes', () => {
  it('are internal with an explicit authz decision', () => {
    for (const route of setup().routes) {
      expect(route.options.access).toBe('internal');
      expect(route.options.security.authz).toMatchObject({ enabled: false });
    }
  });

  it('200 while running, then rows, then the stored result is deleted', async () => {
    const { status, cluster } = setup();
    let running = true;
    cluster.on('GET', '/_query/async/:id', () =>
      running
        ? { id: ID, is_running: true }
        : { is_running: false, columns: HUNT_COLUMNS, values: [huntValues()] }
    );
    cluster.on('DELETE', '/_query/async/:id', () => ({ acknowledged: true }));
    expect(shaped(await status({ id: ID, limit: 10 }))).toMatchObject({
      is_running: true,
      rows: [],
    });
    running = false;
    const done = await status({ id: ID, limit: 10 });
    expect(done.status).toBe(200);
    expect(shaped(done)).toMatchObject({
      is_running: false,
      rows: [{ action: 'Sign-in activity' }],
    });
    expect(payloadJson<HuntStatusWireResponse>(done)).toMatchObject({
      limit: 10,
      esql: { is_running: false, columns: HUNT_COLUMNS, values: [huntValues()] },
    });
    expect(cluster.requests[cluster.requests.length - 1]).toMatchObject({
      method: 'DELETE',
      path: `/_query/async/${ID}`,
    });
  });

  it('keeps the rows when deleting the finished result fails', async () => {
    const { status, cluster } = setup();
    cluster.on('GET', '/_query/async/:id', () => ({
      is_running: false,
      columns: HUNT_COLUMNS,
      values: [huntValues()],
    }));
    cluster.on('DELETE', '/_query/async/:id', () => esResponseError(503, 'unavailable', 'busy'));
    const response = await status({ id: ID, limit: 10 });
    expect(response.status).toBe(200);
    expect(shaped(response).rows).toHaveLength(1);
  });

  // Elasticsearch answers an expired, unknown or foreign async id alike (404
  // resource_not_found_exception), on purpose; the route says exactly that and no more.
  it.each([
    ['expired or unknown', `${ID}`],
    ["another user's", `${ID} not found`],
  ])(
    '404: an %s hunt is hunt_not_found, listing what Elasticsearch cannot tell apart',
    async (_what, reason) => {
      const { status, cluster } = setup();
      cluster.on('GET', '/_query/async/:id', () =>
        esResponseError(404, 'resource_not_found_exception', reason)
      );
      const response = await status({ id: ID, limit: 10 });
      expect(response.status).toBe(404);
      expect(response.payload).toMatchObject({ attributes: { code: 'hunt_not_found' } });
      const { message } = response.payload as { message: string };
      expect(message).toContain('expired');
      expect(message).toContain('another user');
    }
  );

  it("404 that is not Elasticsearch's unknown-hunt answer is not called expired", async () => {
    const { status, cluster } = setup();
    cluster.on('GET', '/_query/async/:id', () =>
      esResponseError(404, 'index_not_found_exception', 'no such index [.async-search]')
    );
    const response = await status({ id: ID, limit: 10 });
    expect(response.status).toBe(404);
    expect(response.payload).toMatchObject({ attributes: { code: 'not_found' } });
    expect((response.payload as { message: string }).message).not.toContain('another user');
  });

  it('400: an id Elasticsearch cannot decode', async () => {
    const { status, cluster } = setup();
    cluster.on('GET', '/_query/async/:id', () =>
      esResponseError(400, 'illegal_argument_exception', `invalid id: [${ID}]`)
    );
    const response = await status({ id: ID, limit: 10 });
    expect(response.status).toBe(400);
    expect(response.payload).toMatchObject({ attributes: { code: 'invalid_hunt_id' } });
  });

  it('403: Elasticsearch refusing the action is not "no read access to index patterns"', async () => {
    const { status, cluster } = setup();
    cluster.on('GET', '/_query/async/:id', () =>
      esResponseError(
        403,
        'security_exception',
        'action [indices:data/read/esql/async/get] is unauthorized'
      )
    );
    const response = await status({ id: ID, limit: 10 });
    expect(response.status).toBe(403);
    expect((response.payload as { message: string }).message).toContain('check or cancel');
  });

  it('cancel answers cancelled only when Elasticsearch deleted it; an unknown id is a 404', async () => {
    const { cancel, cluster } = setup();
    let first = true;
    cluster.on('DELETE', '/_query/async/:id', () => {
      if (first) {
        first = false;
        return { acknowledged: true };
      }
      return esResponseError(404, 'resource_not_found_exception', ID);
    });
    const cancelled = await cancel({ id: ID });
    expect(cancelled.status).toBe(200);
    expect(cancelled.payload).toEqual({ cancelled: true });
    const again = await cancel({ id: ID });
    expect(again.status).toBe(404);
    expect(again.payload).not.toHaveProperty('cancelled');
    expect(again.payload).toMatchObject({ attributes: { code: 'hunt_not_found' } });
    expect(cluster.requests.filter((request) => request.method === 'DELETE')).toHaveLength(2);
  });

  it.each([
    [{ id: '../../_security/user', limit: 1 }, '[id]: must be the id of a running hunt'],
    [{ id: ID }, '[limit]: is required'],
    [{ id: ID, limit: 10_001 }, '[limit]: must be at most 10000'],
    [{ id: ID, limit: 1, extra: true }, 'unknown field(s): extra'],
  ])('400: %j', async (body, message) => {
    const { status, cluster } = setup();
    const response = await status(body);
    expect(response.status).toBe(400);
    expect((response.payload as { message: string }).message).toContain(message);
    expect(cluster.requests).toHaveLength(0);
  });
});
