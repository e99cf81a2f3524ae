import type { ElasticsearchClient } from '@kbn/core/server';
import { DEFAULT_ESQL_ROW_CAP } from '../../common/hunt/result_notes';

/** The cluster setting that caps every ES|QL answer, LIMIT or not. */
export const ROW_CAP_SETTING = 'esql.query.result_truncation_max_size';

type SettingsScope = Record<string, unknown> | undefined;

function readSetting(scope: SettingsScope): number | undefined {
  if (!scope) return undefined;
  // Nested (`esql.query.result_truncation_max_size` as objects) or flat (one dotted key).
  const nested = ROW_CAP_SETTING.split('.').reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    scope
  );
  const value = Number(nested ?? scope[ROW_CAP_SETTING]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The cluster's ES|QL row cap, asked as the calling user. A LIMIT above the cap is cut to it
 * silently (no warning), so a result that reaches it may be incomplete; reading the setting needs
 * the `monitor` cluster privilege, and an analyst without it gets Elasticsearch's documented
 * default assumed instead (README: Limits).
 */
export async function readRowCap(
  client: ElasticsearchClient,
  signal?: AbortSignal
): Promise<number> {
  try {
    const settings = (await client.cluster.getSettings(
      { include_defaults: true, filter_path: [`*.${ROW_CAP_SETTING}`] },
      { signal, maxRetries: 0 }
    )) as unknown as Record<string, SettingsScope>;
    return (
      readSetting(settings.transient) ??
      readSetting(settings.persistent) ??
      readSetting(settings.defaults) ??
      DEFAULT_ESQL_ROW_CAP
    );
  } catch {
    return DEFAULT_ESQL_ROW_CAP;
  }
}

/**
 * The cap, asked only when it could matter: a result with rows but no more than the limit could
 * be a complete answer or one the cap cut. More rows than the limit, or none, settle it alone.
 */
export async function rowCapFor(
  client: ElasticsearchClient,
  rowCount: number,
  limit: number,
  signal?: AbortSignal
): Promise<number | undefined> {
  if (rowCount === 0 || rowCount > limit) return undefined;
  return readRowCap(client, signal);
}
