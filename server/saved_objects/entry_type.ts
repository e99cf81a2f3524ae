import type { SavedObjectsType } from '@kbn/core/server';
import { ENTRY_SAVED_OBJECT_TYPE, type EntryAttributes } from '../../common/entries';
import { keepKnownAttributes } from './known_attributes';

const ATTRIBUTES: Array<keyof EntryAttributes> = [
  'kind',
  'principal',
  'principal_field',
  'action',
  'cidr',
  'note',
  'author',
  'created_at',
  'expires_at',
];

/**
 * The space's allowlist entries and review marks. `multiple-isolated`: each space has its own, and
 * an id from another space is not found. Visible (not hidden), so the request-scoped client reads
 * and writes it and the feature privilege's `savedObject` grants decide who may. Only the fields the
 * plugin searches or sorts by are mapped (`dynamic: false`); the note stays unindexed. Model version
 * 1 is the first shape; a later version adds its changes here and older Kibanas drop what they do
 * not know through `forwardCompatibility`.
 */
export const entrySavedObjectType: SavedObjectsType<EntryAttributes> = {
  name: ENTRY_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'multiple-isolated',
  mappings: {
    dynamic: false,
    properties: {
      kind: { type: 'keyword' },
      principal: { type: 'keyword' },
      action: { type: 'keyword' },
      cidr: { type: 'keyword' },
      created_at: { type: 'date' },
      expires_at: { type: 'date' },
    },
  },
  modelVersions: {
    1: {
      changes: [],
      schemas: {
        forwardCompatibility: keepKnownAttributes<EntryAttributes>(ATTRIBUTES),
      },
    },
  },
  management: {
    importableAndExportable: true,
    displayName: 'Entra SP hunt entry',
    getTitle: (object) =>
      `${object.attributes.kind}: ${object.attributes.principal ?? object.attributes.cidr ?? ''}`,
  },
};
