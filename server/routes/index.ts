import type { IRouter, Logger } from '@kbn/core/server';
import { registerCoverageRoute } from './coverage_route';
import { registerEntriesRoutes } from './entries_route';
import { registerEventsRoute } from './events_route';
import { registerHiddenRowsRoute } from './hidden_rows_route';
import { registerHuntRoute } from './hunt_route';
import { registerHuntStatusRoutes } from './hunt_status_route';
import { registerRunsRoutes } from './runs_route';
import { registerTriageRoute } from './triage_route';

export function registerRoutes(router: IRouter, logger: Logger): void {
  registerHuntRoute(router, logger);
  registerHuntStatusRoutes(router, logger);
  registerCoverageRoute(router, logger);
  registerEventsRoute(router, logger);
  registerTriageRoute(router, logger);
  registerEntriesRoutes(router, logger);
  registerRunsRoutes(router, logger);
  registerHiddenRowsRoute(router, logger);
}
