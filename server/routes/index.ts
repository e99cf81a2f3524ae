import type { IRouter, Logger } from '@kbn/core/server';
import { registerHuntRoute } from './hunt_route';

export function registerRoutes(router: IRouter, logger: Logger): void {
  registerHuntRoute(router, logger);
}
