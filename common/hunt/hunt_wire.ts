/**
 * The browser's side of the pass-through: the routes send Elasticsearch's columns and values as
 * they came, with the plugin's notes beside them, and the rows are shaped here with the same code
 * the server used to run.
 */
import type {
  HuntResponse,
  HuntStatusResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from './api_types';
import { shapeHuntRows, tookMs } from './shape_results';

export function huntResponseFromWire({ esql, ...rest }: HuntWireResponse): HuntResponse {
  return {
    ...rest,
    rows: esql ? shapeHuntRows(esql, rest.limit) : [],
    took_ms: tookMs(esql),
  };
}

export function huntStatusFromWire({
  esql,
  limit,
  ...rest
}: HuntStatusWireResponse): HuntStatusResponse {
  return { ...rest, rows: esql ? shapeHuntRows(esql, limit) : [], took_ms: tookMs(esql) };
}
