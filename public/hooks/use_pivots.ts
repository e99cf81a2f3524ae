import { useMemo } from 'react';
import { ENTRA_SP_HUNT_LOCATOR } from '../../common/constants';
import { paramsToLocatorParams, type EntraSpHuntLocatorParams } from '../../common/hunt/url_state';
import type { HuntParams } from '../../common/hunt/hunt_params';
import {
  buildRowPivot,
  buildValuePivot,
  rowKey,
  type PivotQuery,
  type PivotValueKind,
} from '../../common/hunt/pivot_queries';
import type { HuntRow } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { discoverHref, getDiscoverLocator } from '../services/discover';
import { useServices } from '../services/services_context';

export interface UsePivotsValue {
  /** Discover is there, ES|QL is on and the user may open Discover. */
  canOpenDiscover: boolean;
  rowPivot(row: HuntRow): PivotQuery | undefined;
  valuePivot(kind: PivotValueKind, value: string): PivotQuery | undefined;
  /** A Discover link for a pivot (or the whole hunt), when Discover can be opened. */
  discoverUrl(pivot: Pick<PivotQuery, 'inlined' | 'timeRange'> | undefined): string | undefined;
  /** A redirect link that reopens this hunt view and runs it. */
  huntUrl(): string | undefined;
}

/** Pivots for the run being shown: its params, the fields that exist and its window. */
export function usePivots(
  params: HuntParams | undefined,
  availableFields: readonly string[] | undefined,
  window?: { start: string; end: string }
): UsePivotsValue {
  const services = useServices();
  return useMemo(() => {
    const locator = getDiscoverLocator(services);
    const fields = new Set(availableFields ?? []);
    const time = params ? resolveTimeRange(params.time_range, new Date()) : undefined;
    return {
      canOpenDiscover: !!locator,
      rowPivot: (row) => {
        const key = params && rowKey(row, params.group_by);
        return params && key ? buildRowPivot(params, key, fields, window) : undefined;
      },
      valuePivot: (kind, value) =>
        params && time ? buildValuePivot(params, kind, value, time, fields) : undefined,
      discoverUrl: (pivot) => (locator && pivot ? discoverHref(locator, pivot) : undefined),
      huntUrl: () => {
        const own =
          services.share.url.locators.get<EntraSpHuntLocatorParams>(ENTRA_SP_HUNT_LOCATOR);
        return own && params ? own.getRedirectUrl(paramsToLocatorParams(params, true)) : undefined;
      },
    };
  }, [availableFields, params, services, window]);
}
