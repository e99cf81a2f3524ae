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
import type { RunWindow } from '../../common/hunt/run_window';
import type { AllowlistMatch } from '../../common/hunt/allowlist';
import type { HuntRow } from '../../common/hunt/shape_results';
import { discoverHref, getDiscoverLocator } from '../services/discover';
import { useServices } from '../services/services_context';

const NO_MATCHES: readonly AllowlistMatch[] = [];

export interface UsePivotsValue {
  /** Discover is there, ES|QL is on and the user may open Discover. */
  canOpenDiscover: boolean;
  rowPivot(row: HuntRow): PivotQuery | undefined;
  valuePivot(kind: PivotValueKind, value: string): PivotQuery | undefined;
  /** A Discover link for a pivot (or the whole hunt), when Discover can be opened. */
  discoverUrl(pivot: Pick<PivotQuery, 'inlined' | 'timeRange'> | undefined): string | undefined;
  /**
   * A redirect link that reopens this hunt view and runs it: over the run's own window (the
   * default: the rows the link is made from), or (`relative`) over the range resolved again
   * when the link is opened.
   */
  huntUrl(options?: { relative?: boolean }): string | undefined;
}

/**
 * Pivots for the run being shown: its params, the fields that exist and its window (the run's
 * two instants). Every pivot and link uses that window, never `now` resolved again.
 */
export function usePivots(
  params: HuntParams | undefined,
  availableFields: readonly string[] | undefined,
  window?: RunWindow,
  /** The benign entries the run applied: a row's pivot leaves out their events as the row did. */
  allowlist: readonly AllowlistMatch[] = NO_MATCHES
): UsePivotsValue {
  const services = useServices();
  return useMemo(() => {
    const locator = getDiscoverLocator(services);
    const fields = new Set(availableFields ?? []);
    return {
      canOpenDiscover: !!locator,
      rowPivot: (row) => {
        const key = params && rowKey(row, params.group_by);
        return params && key
          ? buildRowPivot(params, key, fields, window, undefined, allowlist)
          : undefined;
      },
      valuePivot: (kind, value) =>
        params && window ? buildValuePivot(params, kind, value, window, fields) : undefined,
      discoverUrl: (pivot) => (locator && pivot ? discoverHref(locator, pivot) : undefined),
      huntUrl: ({ relative = false } = {}) => {
        const own =
          services.share.url.locators.get<EntraSpHuntLocatorParams>(ENTRA_SP_HUNT_LOCATOR);
        if (!own || !params) return undefined;
        return own.getRedirectUrl(
          paramsToLocatorParams(params, true, relative ? undefined : window)
        );
      },
    };
  }, [allowlist, availableFields, params, services, window]);
}
