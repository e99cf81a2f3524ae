import type { z } from '@kbn/zod/v4';
import { MAX_PRINCIPAL_LENGTH, MAX_TRIAGE_IPS, MAX_TRIAGE_PRINCIPALS } from '../constants';
import { isIpv4, isIpv6 } from './cidr';
import {
  boundedArray,
  boundedString,
  describeIssues,
  formatIssues,
  huntParamsSchema,
  type ParamsIssue,
} from './hunt_params';

/** An IPv6 address with an IPv4 tail is at most 45 characters. */
const MAX_ADDRESS_LENGTH = 45;

const address = boundedString(MAX_ADDRESS_LENGTH).refine(
  (value) => isIpv4(value) || isIpv6(value),
  'must be an IPv4 or IPv6 address'
);

const principal = boundedString(MAX_PRINCIPAL_LENGTH).min(1, 'must not be empty');

/**
 * The hunt as it ran (its pinned window included) and what its rows name: the addresses to ask
 * "how common" and "where from" about, and the principals (the group key's values) to ask "how
 * new" about. The browser sends the rows' values; the server never trusts them beyond params.
 */
export const triageParamsSchema = huntParamsSchema
  .extend({
    // Lengths before elements: an oversized list is refused without reading its entries.
    ips: boundedArray(address, {
      min: 0,
      max: MAX_TRIAGE_IPS,
      maxMessage: `must hold at most ${MAX_TRIAGE_IPS} addresses`,
    }).default([]),
    principals: boundedArray(principal, {
      min: 0,
      max: MAX_TRIAGE_PRINCIPALS,
      maxMessage: `must hold at most ${MAX_TRIAGE_PRINCIPALS} principals`,
    }).default([]),
  })
  .strict();
export type TriageParams = z.output<typeof triageParamsSchema>;
export type TriageParamsInput = z.input<typeof triageParamsSchema>;

export function parseTriageParams(
  input: unknown
): { ok: true; value: TriageParams } | { ok: false; issues: ParamsIssue[]; message: string } {
  const result = triageParamsSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error, input);
  return { ok: false, issues, message: formatIssues(issues) };
}
