/**
 * What the browser gets from the hunt and status routes, computed the way it gets it: the body the
 * route sends (Elasticsearch's bytes spliced into the notes), parsed as JSON, shaped by the
 * browser's own functions.
 */
import type { IKibanaResponse } from '@kbn/core/server';
import type {
  HuntResponse,
  HuntStatusResponse,
  HuntStatusWireResponse,
  HuntWireResponse,
} from '../../common/hunt/api_types';
import { huntResponseFromWire, huntStatusFromWire } from '../../common/hunt/hunt_wire';
import { JsonBytes } from '../../server/lib/esql_bytes';
import {
  passThroughBody,
  type HuntMeta,
  type HuntStatusMeta,
  type PassThrough,
} from '../../server/lib/run_hunt';

/** A route's body as a client reads it: bytes parsed as JSON, anything else as sent. */
export function bodyAsJson(body: unknown): unknown {
  if (body instanceof JsonBytes) return JSON.parse(body.bytes.toString('utf8'));
  if (Buffer.isBuffer(body)) return JSON.parse(body.toString('utf8'));
  return JSON.parse(JSON.stringify(body));
}

export function payloadJson<T>(response: IKibanaResponse): T {
  return bodyAsJson(response.payload) as T;
}

export function wireHunt(answer: PassThrough<HuntMeta>): HuntWireResponse {
  return bodyAsJson(passThroughBody(answer)) as HuntWireResponse;
}

export function shapedHunt(answer: PassThrough<HuntMeta>): HuntResponse {
  return huntResponseFromWire(wireHunt(answer));
}

export function shapedStatus(answer: PassThrough<HuntStatusMeta>): HuntStatusResponse {
  return huntStatusFromWire(bodyAsJson(passThroughBody(answer)) as HuntStatusWireResponse);
}
