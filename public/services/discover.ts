import type { AggregateQuery, Filter, Query, TimeRange } from '@kbn/es-query';
import type { LocatorPublic } from '@kbn/share-plugin/public';
import type { SerializableRecord } from '@kbn/utility-types';
import type { PivotQuery } from '../../common/hunt/pivot_queries';
import type { EntraSpHuntServices } from '../types';

/**
 * Discover's locator id (elastic/kibana:src/platform/plugins/shared/discover/common/app_locator.ts).
 * The plain string avoids a bundle dependency on Discover: the locator is looked up at run time
 * and the pivot is simply not offered when it is absent.
 */
export const DISCOVER_APP_LOCATOR = 'DISCOVER_APP_LOCATOR';
/** The advanced setting that turns ES|QL on (elastic/kibana:src/platform/packages/shared/kbn-esql-utils/constants.ts). */
export const ENABLE_ESQL = 'enableESQL';

/**
 * The subset of Discover's locator params the plugin sends, with Discover's own types
 * (elastic/kibana:src/platform/plugins/shared/discover/common/app_locator.ts, checked at
 * 0867c61cce06bfa4820e0cde96f80c8ae4b4770e). Declared here rather than imported so the plugin
 * needs no bundle of Discover's.
 */
export interface DiscoverAppLocatorParams extends SerializableRecord {
  savedSearchId?: string;
  timeRange?: TimeRange;
  filters?: Filter[];
  query?: Query | AggregateQuery;
}

/** Discover's locator when ES|QL is on and the user may open Discover; undefined otherwise. */
export function getDiscoverLocator(
  services: EntraSpHuntServices
): LocatorPublic<DiscoverAppLocatorParams> | undefined {
  if (!services.uiSettings.get<boolean>(ENABLE_ESQL, true)) return undefined;
  const discover = services.application.capabilities.discover_v2 as
    Record<string, boolean> | undefined;
  if (!discover?.show) return undefined;
  return services.share.url.locators.get<DiscoverAppLocatorParams>(DISCOVER_APP_LOCATOR);
}

export function discoverHref(
  locator: LocatorPublic<DiscoverAppLocatorParams>,
  pivot: Pick<PivotQuery, 'inlined' | 'timeRange'>
): string {
  return locator.getRedirectUrl({
    query: { esql: pivot.inlined },
    timeRange: { from: pivot.timeRange.from, to: pivot.timeRange.to },
  });
}

/** May the user save Discover sessions? */
export function canSaveDiscoverSession(services: EntraSpHuntServices): boolean {
  const discover = services.application.capabilities.discover_v2 as
    Record<string, boolean> | undefined;
  return !!services.savedSearch && !!discover?.save;
}
