import type { IUiSettingsClient, SavedObject, SavedObjectsClientContract } from '@kbn/core/server';
import {
  MAX_LISTED_RUNS,
  MAX_PRUNED_PER_WRITE,
  MAX_RUNS_PER_SPACE,
  MAX_RUNS_PER_VIEW,
  RUN_HISTORY_SETTING,
  RUN_SAVED_OBJECT_TYPE,
  retentionCutoff,
  viewKey,
  type RecordRunResponse,
  type Run,
  type RunAttributes,
  type RunRecordInput,
  type RunsResponse,
  type RunSummary,
} from '../../common/run_history';
import { RUN_ATTRIBUTES } from '../saved_objects/run_type';

/** Everything but the keys: what a list needs, a fraction of a run's size. */
const SUMMARY_FIELDS = RUN_ATTRIBUTES.filter((field) => field !== 'keys');

function toSummary(object: SavedObject<Partial<RunAttributes>>): RunSummary {
  const { keys: _keys, ...attributes } = object.attributes as RunAttributes;
  return { ...attributes, id: object.id };
}

/** Whether this space keeps run history (the advanced setting; on unless turned off). */
export async function historyEnabled(settings: IUiSettingsClient): Promise<boolean> {
  return (await settings.get<boolean | undefined>(RUN_HISTORY_SETTING)) !== false;
}

const byView = (key: string) => `${RUN_SAVED_OBJECT_TYPE}.attributes.view_key: "${key}"`;

/** The view's runs, newest first (the client is scoped to the request's space). */
export async function listRuns(
  client: SavedObjectsClientContract,
  settings: IUiSettingsClient,
  key: string
): Promise<RunsResponse> {
  const found = await client.find<Partial<RunAttributes>>({
    type: RUN_SAVED_OBJECT_TYPE,
    filter: byView(key),
    sortField: 'ran_at',
    sortOrder: 'desc',
    perPage: MAX_LISTED_RUNS,
    fields: SUMMARY_FIELDS,
  });
  return { enabled: await historyEnabled(settings), runs: found.saved_objects.map(toSummary) };
}

export async function getRun(client: SavedObjectsClientContract, id: string): Promise<Run> {
  const object = await client.get<RunAttributes>(RUN_SAVED_OBJECT_TYPE, id);
  return { ...object.attributes, id: object.id };
}

async function deleteAll(client: SavedObjectsClientContract, ids: string[]): Promise<void> {
  // One at a time: a clean-up must not flood the cluster, and a run removed meanwhile (another
  // tab pruning the same view) is not an error.
  for (const id of ids) {
    await client.delete(RUN_SAVED_OBJECT_TYPE, id).catch(() => undefined);
  }
}

async function idsOf(
  client: SavedObjectsClientContract,
  options: { filter?: string; sortOrder: 'asc' | 'desc'; page?: number; perPage: number }
): Promise<{ ids: string[]; total: number }> {
  const found = await client.find<Partial<RunAttributes>>({
    type: RUN_SAVED_OBJECT_TYPE,
    sortField: 'ran_at',
    fields: ['ran_at'],
    ...options,
  });
  return { ids: found.saved_objects.map((object) => object.id), total: found.total };
}

/**
 * Retention, applied on every write: the view keeps its newest MAX_RUNS_PER_VIEW runs, nothing
 * older than MAX_RUN_AGE_DAYS stays, and the space keeps at most MAX_RUNS_PER_SPACE. Each step
 * removes at most MAX_PRUNED_PER_WRITE runs, so a write costs a bounded clean-up; a backlog (after
 * the setting was off, say) is worked off by the next writes.
 */
export async function pruneRuns(
  client: SavedObjectsClientContract,
  key: string,
  now: Date
): Promise<void> {
  const beyondView = await idsOf(client, {
    filter: byView(key),
    sortOrder: 'desc',
    page: 2,
    perPage: MAX_RUNS_PER_VIEW,
  });
  await deleteAll(client, beyondView.ids.slice(0, MAX_PRUNED_PER_WRITE));

  const expired = await idsOf(client, {
    filter: `${RUN_SAVED_OBJECT_TYPE}.attributes.ran_at < "${retentionCutoff(now)}"`,
    sortOrder: 'asc',
    perPage: MAX_PRUNED_PER_WRITE,
  });
  await deleteAll(client, expired.ids);

  const space = await idsOf(client, { sortOrder: 'asc', perPage: 1 });
  const excess = Math.min(space.total - MAX_RUNS_PER_SPACE, MAX_PRUNED_PER_WRITE);
  if (excess > 0) {
    const oldest = await idsOf(client, { sortOrder: 'asc', perPage: excess });
    await deleteAll(client, oldest.ids);
  }
}

/**
 * Records a finished run as the user, unless the space turned history off, then applies
 * retention. The key, the time and the author are the server's.
 */
export async function recordRun(
  client: SavedObjectsClientContract,
  settings: IUiSettingsClient,
  input: RunRecordInput,
  author: string,
  now = new Date()
): Promise<RecordRunResponse> {
  if (!(await historyEnabled(settings))) return { recorded: false };
  const { window, ...params } = input.params;
  if (!window) throw new Error('A run record carries its window (checked by the schema).');
  const attributes: RunAttributes = {
    view_key: viewKey(params),
    params,
    window,
    ran_at: now.toISOString(),
    outcome: input.outcome,
    error_kind: input.error_kind,
    row_count: input.row_count,
    keys: input.keys,
    keys_capped: input.keys_capped,
    author,
  };
  const created = await client.create<RunAttributes>(RUN_SAVED_OBJECT_TYPE, attributes);
  await pruneRuns(client, attributes.view_key, now);
  return { recorded: true, run: toSummary(created) };
}
