import { httpServiceMock, loggingSystemMock } from '@kbn/core/server/mocks';
import type { CoreSetup } from '@kbn/core/server';
import {
  COVERAGE_API_PATH,
  EVENTS_API_PATH,
  HUNT_API_PATH,
  HUNT_CANCEL_API_PATH,
  HUNT_STATUS_API_PATH,
} from '../common/constants';
import { plugin } from '.';

describe('server plugin', () => {
  it('registers its routes on setup, with a logger from its context', async () => {
    const router = httpServiceMock.createRouter();
    const logger = loggingSystemMock.createLogger();
    const instance = await plugin({
      opaqueId: Symbol('entraSpHunt'),
      logger: { get: () => logger },
      config: { get: () => ({}) as never },
    });
    const core: CoreSetup = {
      http: { createRouter: () => router as never },
      getStartServices: () => Promise.resolve([{}, {}, {}]),
    };
    expect(instance.setup(core)).toEqual({});
    expect(router.versioned.getRoutes().map((route) => `${route.method} ${route.path}`)).toEqual([
      `post ${HUNT_API_PATH}`,
      `post ${HUNT_STATUS_API_PATH}`,
      `post ${HUNT_CANCEL_API_PATH}`,
      `post ${COVERAGE_API_PATH}`,
      `post ${EVENTS_API_PATH}`,
    ]);
  });
});
