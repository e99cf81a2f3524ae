/**
 * An in-memory saved objects repository with the behaviour the plugin relies on, for route tests
 * and the demo harness. Read from Kibana's repository and type registry:
 * - elastic/kibana:src/core/packages/saved-objects/base-server-internal/src/saved_objects_type_registry.ts
 *   (a type registers once; management/hidden combinations refused)
 * - elastic/kibana:src/core/packages/saved-objects/api-server-internal/src/lib/apis/{create,get,find,update,delete}.ts
 *   (an unregistered type is `Unsupported saved object type` 400; an object outside the request's
 *   space is a 404, exactly as one that does not exist; create over an existing id is 409 without
 *   `overwrite`; update with a stale `version` is 409; find past index.max_result_window is 400)
 * - elastic/kibana:src/core/packages/saved-objects/api-server-internal/src/lib/filter_utils.ts
 *   (`validateConvertFilterToKueryNode`: a filter names `<type>.attributes.<field>`, of a type the
 *   find asked for and a field its mappings declare; anything else is a 400)
 * A `multiple-isolated` object lives in the one space it was created in. Filters understand the
 * KQL the plugin writes: clauses joined by `and`, each `<type>.attributes.<field>` with `:`, `<`,
 * `<=`, `>` or `>=` and a quoted value; dates compare as instants, other fields as text.
 * With a `file`, every write is saved there and the store starts from it: the demo's marks
 * survive a restart.
 */
import { randomUUID } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import {
  SavedObjectsErrorHelpers,
  type SavedObject,
  type SavedObjectsClientContract,
  type SavedObjectsFindOptions,
  type SavedObjectsType,
} from '@kbn/core/server';

/** Elasticsearch's default index.max_result_window, which bounds a find's page * perPage. */
const MAX_RESULT_WINDOW = 10_000;
const DEFAULT_PER_PAGE = 20;
/** One clause of the KQL subset: `type.attributes.field <op> "value"`. */
const FILTER_CLAUSE =
  /^([a-z0-9_]+)\.attributes\.([a-z0-9_]+)\s*(:|<=|>=|<|>)\s*"((?:[^"\\]|\\.)*)"$/i;

interface FilterClause {
  type: string;
  field: string;
  operator: string;
  value: string;
  isDate: boolean;
}

interface StoredObject {
  type: string;
  id: string;
  namespace: string;
  attributes: Record<string, unknown>;
  version: number;
  created_at: string;
  updated_at: string;
}

export class SavedObjectsStore {
  private readonly types = new Map<string, SavedObjectsType>();
  private readonly objects = new Map<string, StoredObject>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as StoredObject[];
      for (const object of saved) this.objects.set(this.key(object.type, object.id), object);
    }
  }

  registerType(type: SavedObjectsType): void {
    if (this.types.has(type.name)) throw new Error(`Type '${type.name}' is already registered`);
    if (type.hidden && type.hiddenFromHttpApis === false) {
      throw new Error(
        `Type ${type.name}: 'hiddenFromHttpApis' cannot be 'false' when specifying 'hidden' as 'true'`
      );
    }
    if (
      type.management?.visibleInManagement !== undefined &&
      !type.management.importableAndExportable
    ) {
      throw new Error(
        `Type ${type.name}: 'management.importableAndExportable' must be 'true' when specifying 'management.visibleInManagement'`
      );
    }
    this.types.set(type.name, type);
  }

  getType(name: string): SavedObjectsType | undefined {
    return this.types.get(name);
  }

  /** Every stored object, for tests that check nothing was lost. */
  all(): StoredObject[] {
    return [...this.objects.values()].map((object) => structuredClone(object));
  }

  private key(type: string, id: string): string {
    return `${type}:${id}`;
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify([...this.objects.values()], null, 2));
    renameSync(temporary, this.file);
  }

  private checkType(type: string): SavedObjectsType {
    const registered = this.types.get(type);
    // The request-scoped client includes no hidden type unless asked for (includedHiddenTypes).
    if (!registered || registered.hidden) {
      throw SavedObjectsErrorHelpers.createUnsupportedTypeError(type);
    }
    return registered;
  }

  private visible(type: string, id: string, namespace: string): StoredObject {
    const stored = this.objects.get(this.key(type, id));
    const registered = this.checkType(type);
    const shared = registered.namespaceType === 'agnostic';
    if (!stored || (!shared && stored.namespace !== namespace)) {
      throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
    }
    return stored;
  }

  /** The filter's clauses, refused as Kibana refuses a key outside the types' mappings. */
  private parseFilter(filter: string, types: string[]): FilterClause[] {
    return filter.split(/\s+and\s+/i).map((text) => {
      const match = FILTER_CLAUSE.exec(text.trim());
      if (!match) {
        throw SavedObjectsErrorHelpers.createBadRequestError(`KQLSyntaxError: ${text.trim()}`);
      }
      const [, type, field, operator, value] = match;
      const key = `${type}.attributes.${field}`;
      if (!types.includes(type)) {
        throw SavedObjectsErrorHelpers.createBadRequestError(
          `This type ${type} is not allowed: Bad Request`
        );
      }
      const mapping = this.types.get(type)?.mappings.properties[field];
      if (!mapping) {
        throw SavedObjectsErrorHelpers.createBadRequestError(
          `This key '${key}' does NOT exist in ${type} saved object index patterns`
        );
      }
      return {
        type,
        field,
        operator,
        value: value.replace(/\\(.)/g, '$1'),
        isDate: mapping.type === 'date',
      };
    });
  }

  private matches(object: StoredObject, clauses: FilterClause[]): boolean {
    return clauses.every((clause) => {
      if (clause.type !== object.type) return false;
      const stored = object.attributes[clause.field];
      if (stored === null || stored === undefined) return false;
      const left = clause.isDate ? Date.parse(String(stored)) : String(stored);
      const right = clause.isDate ? Date.parse(clause.value) : clause.value;
      switch (clause.operator) {
        case ':':
          return left === right;
        case '<':
          return left < right;
        case '<=':
          return left <= right;
        case '>':
          return left > right;
        default:
          return left >= right;
      }
    });
  }

  private toSavedObject<T>(stored: StoredObject, fields?: string[]): SavedObject<T> {
    const attributes = fields
      ? Object.fromEntries(
          Object.entries(stored.attributes).filter(([key]) => fields.includes(key))
        )
      : stored.attributes;
    return {
      id: stored.id,
      type: stored.type,
      attributes: structuredClone(attributes) as T,
      references: [],
      namespaces: [stored.namespace],
      version: String(stored.version),
      created_at: stored.created_at,
      updated_at: stored.updated_at,
    };
  }

  /** The client a request in `space` gets from `context.core.savedObjects.client`. */
  clientFor(space = 'default', now: () => Date = () => new Date()): SavedObjectsClientContract {
    return {
      create: async <T>(
        type: string,
        attributes: T,
        options: { id?: string; overwrite?: boolean } = {}
      ) => {
        this.checkType(type);
        const id = options.id ?? randomUUID();
        const existing = this.objects.get(this.key(type, id));
        if (existing && (!options.overwrite || existing.namespace !== space)) {
          throw SavedObjectsErrorHelpers.createConflictError(type, id);
        }
        const time = now().toISOString();
        const stored: StoredObject = {
          type,
          id,
          namespace: space,
          attributes: structuredClone(attributes) as Record<string, unknown>,
          version: (existing?.version ?? 0) + 1,
          created_at: existing?.created_at ?? time,
          updated_at: time,
        };
        this.objects.set(this.key(type, id), stored);
        this.persist();
        return this.toSavedObject<T>(stored);
      },
      get: async <T>(type: string, id: string) =>
        this.toSavedObject<T>(this.visible(type, id, space)),
      find: async <T>({
        type,
        page = 1,
        perPage = DEFAULT_PER_PAGE,
        sortField,
        sortOrder = 'asc',
        filter,
        fields,
      }: SavedObjectsFindOptions) => {
        const types = [type].flat();
        types.forEach((name) => this.checkType(name));
        const clauses = filter ? this.parseFilter(filter, types) : [];
        if (page * perPage > MAX_RESULT_WINDOW) {
          throw SavedObjectsErrorHelpers.createBadRequestError(
            `options.page * options.perPage must be less than or equal to ${MAX_RESULT_WINDOW}`
          );
        }
        const matching = [...this.objects.values()].filter(
          (object) =>
            types.includes(object.type) &&
            object.namespace === space &&
            this.matches(object, clauses)
        );
        if (sortField) {
          const read = (object: StoredObject) =>
            String(
              sortField === 'created_at' || sortField === 'updated_at'
                ? object[sortField]
                : (object.attributes[sortField] ?? '')
            );
          matching.sort((a, b) => (read(a) < read(b) ? -1 : read(a) > read(b) ? 1 : 0));
          if (sortOrder === 'desc') matching.reverse();
        }
        return {
          saved_objects: matching
            .slice((page - 1) * perPage, page * perPage)
            .map((object) => ({ ...this.toSavedObject<T>(object, fields), score: 0 })),
          total: matching.length,
          per_page: perPage,
          page,
        };
      },
      update: async <T>(
        type: string,
        id: string,
        attributes: Partial<T>,
        options: { version?: string } = {}
      ) => {
        const stored = this.visible(type, id, space);
        if (options.version !== undefined && options.version !== String(stored.version)) {
          throw SavedObjectsErrorHelpers.createConflictError(type, id);
        }
        const updated: StoredObject = {
          ...stored,
          attributes: { ...stored.attributes, ...structuredClone(attributes) },
          version: stored.version + 1,
          updated_at: now().toISOString(),
        };
        this.objects.set(this.key(type, id), updated);
        this.persist();
        return this.toSavedObject<Partial<T>>(updated);
      },
      delete: async (type: string, id: string) => {
        this.visible(type, id, space);
        this.objects.delete(this.key(type, id));
        this.persist();
        return {};
      },
    };
  }
}
