import type { SavedObjectsType } from '@kbn/core/server';
import { RUN_SAVED_OBJECT_TYPE, type RunAttributes } from '../../common/run_history';
import { keepKnownAttributes } from './known_attributes';

/** Every attribute of a run, once: the type keeps these, and lists read all but the keys. */
export const RUN_ATTRIBUTES: Array<keyof RunAttributes> = [
  'view_key',
  'params',
  'window',
  'ran_at',
  'outcome',
  'error_kind',
  'row_count',
  'keys',
  'keys_capped',
  'author',
];

/**
 * One finished run of the hunt: its view, pinned window, time, outcome, row count and row keys.
 * `multiple-isolated` like the entries: each space keeps its own history and an id from another
 * space is not found. Only what the plugin filters and sorts by is mapped (`dynamic: false`): the
 * view key, the time and the outcome; the parameters and the row keys stay unindexed. Not
 * exported or imported: history is rebuilt by hunting, and retention prunes it on every write.
 */
export const runSavedObjectType: SavedObjectsType<RunAttributes> = {
  name: RUN_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'multiple-isolated',
  mappings: {
    dynamic: false,
    properties: {
      view_key: { type: 'keyword' },
      ran_at: { type: 'date' },
      outcome: { type: 'keyword' },
    },
  },
  modelVersions: {
    1: {
      changes: [],
      schemas: {
        forwardCompatibility: keepKnownAttributes<RunAttributes>(RUN_ATTRIBUTES),
      },
    },
  },
  management: { importableAndExportable: false, displayName: 'Entra SP hunt run' },
};
