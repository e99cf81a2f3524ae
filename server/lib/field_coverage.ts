import type { ElasticsearchClient } from '@kbn/core/server';
import { COVERAGE_FIELDS } from '../../common/hunt/data_sources';

export interface FieldCoverage {
  /** Hunt fields mapped in at least one index the patterns match (for this user). */
  availableFields: Set<string>;
  /** Concrete indices the patterns matched; empty when nothing matched or nothing is readable. */
  indices: string[];
}

/**
 * Asks `_field_caps`, as the calling user, which of the hunt's fields (and the pivots' detail
 * fields) exist. Only those fields are requested; missing or unreadable indices are skipped rather than failing, so a
 * cluster with part of the integrations still gets a query for the part it has.
 */
export async function getFieldCoverage(
  client: ElasticsearchClient,
  indexPatterns: string[],
  signal?: AbortSignal
): Promise<FieldCoverage> {
  const response = await client.fieldCaps(
    {
      index: indexPatterns,
      fields: COVERAGE_FIELDS,
      ignore_unavailable: true,
      allow_no_indices: true,
    },
    { signal }
  );
  const availableFields = new Set<string>();
  for (const [field, byType] of Object.entries(response.fields ?? {})) {
    // With include_unmapped off, a listed type means some index maps the field.
    if (Object.keys(byType).some((type) => type !== 'unmapped')) availableFields.add(field);
  }
  return { availableFields, indices: response.indices ? [response.indices].flat() : [] };
}
