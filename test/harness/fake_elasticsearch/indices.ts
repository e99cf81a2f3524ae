/**
 * The fake cluster's indices: documents with a declared mapping, checked at indexing time, read
 * column by column through doc values, resolved from index patterns as FROM and `_field_caps` do.
 */
import { flattenSource, MalformedValueError, readDocValue } from './doc_values';
import type { Value } from './esql_values';
import {
  esqlTypeOf,
  globToRegExp,
  type FieldMapping,
  type IndexMapping,
  type MappedType,
} from './mappings';

export interface IndexInput {
  /** A data stream name (`logs-azure.signinlogs-default`) or a plain index name. */
  name: string;
  mapping: IndexMapping;
  documents: Array<Record<string, unknown>>;
  /** Data streams answer `_field_caps` with their backing index (`.ds-<name>-<date>-000001`). */
  dataStream?: boolean;
}

const NO_VALUES: unknown[] = [];

/** The backing index generation date; any fixed date serves, it only names the index. */
const BACKING_INDEX_DATE = '2026.01.01';

export class FakeIndex {
  readonly name: string;
  /** The concrete index `_field_caps` lists: the backing index of a data stream. */
  readonly concreteName: string;
  readonly fields: ReadonlyMap<string, FieldMapping>;
  readonly documents: ReadonlyArray<Record<string, unknown>>;
  /** Doc values, column by column (doc values are columnar), computed once at indexing. */
  private readonly columns = new Map<string, Value[]>();
  private nullColumn: Value[] | undefined;

  constructor(input: IndexInput) {
    this.name = input.name;
    this.concreteName = input.dataStream
      ? `.ds-${input.name}-${BACKING_INDEX_DATE}-000001`
      : input.name;
    this.documents = input.documents;
    const fields = new Map<string, FieldMapping>(Object.entries(input.mapping.properties));
    const templates = (input.mapping.dynamicTemplates ?? []).map((template) => ({
      matcher: globToRegExp(template.pathMatch),
      mapping: template.mapping,
    }));
    // Each path's mapping, decided once: declared, from a dynamic template, or unmapped (null).
    const decided = new Map<string, FieldMapping | null>();
    const raw = new Map<string, Array<unknown[] | undefined>>();
    const count = input.documents.length;
    input.documents.forEach((document, index) => {
      for (const [path, values] of flattenSource(document)) {
        let mapping = decided.get(path);
        if (mapping === undefined) {
          mapping =
            fields.get(path) ??
            templates.find(({ matcher }) => matcher.test(path))?.mapping ??
            null;
          decided.set(path, mapping);
          if (mapping && !fields.has(path)) fields.set(path, mapping);
        }
        if (!mapping) continue;
        let column = raw.get(path);
        if (!column) {
          column = new Array<unknown[] | undefined>(count);
          raw.set(path, column);
        }
        column[index] = values;
      }
    });
    this.fields = fields;
    // Index every value now, so a malformed one fails loudly as Elasticsearch refuses it.
    for (const [field, mapping] of fields) {
      const type = esqlTypeOf(mapping);
      const values = raw.get(field);
      if (!type || (!values && mapping.type !== 'constant_keyword')) continue;
      const column = new Array<Value>(count);
      for (let index = 0; index < count; index += 1) {
        column[index] = this.read(field, mapping, type, values?.[index] ?? NO_VALUES, index);
      }
      this.columns.set(field, column);
    }
  }

  private read(
    field: string,
    mapping: FieldMapping,
    type: NonNullable<ReturnType<typeof esqlTypeOf>>,
    raw: unknown[],
    index: number
  ): Value {
    if (mapping.type === 'constant_keyword' && raw.some((value) => value !== mapping.value)) {
      throw new Error(
        `${this.name} document ${index}: [${field}] is a constant_keyword of [${mapping.value}] and cannot hold [${raw.join(', ')}]`
      );
    }
    try {
      return readDocValue(mapping, raw, type);
    } catch (error) {
      if (!(error instanceof MalformedValueError)) throw error;
      throw new Error(
        `${this.name} document ${index}: failed to parse field [${field}] of type [${mapping.type}]: ${error.message}`
      );
    }
  }

  /** One field's doc values for every document; null for a field no document holds. */
  docValues(field: string): Value[] {
    const column = this.columns.get(field);
    if (column) return column;
    this.nullColumn ??= new Array<Value>(this.documents.length).fill(null);
    return this.nullColumn;
  }
}

export interface ResolvedIndices {
  indices: FakeIndex[];
  /** Concrete (wildcard-free, local) names that matched nothing. */
  missing: string[];
}

/** Index patterns as FROM and `_field_caps` resolve them: `*`, `-exclusions`, `cluster:` remotes. */
export function resolveIndexPatterns(
  all: readonly FakeIndex[],
  patterns: string[]
): ResolvedIndices {
  const chosen = new Set<FakeIndex>();
  const missing: string[] = [];
  for (const [position, raw] of patterns.entries()) {
    const pattern = raw.trim();
    // A remote cluster's indices are not in this cluster: they match nothing here.
    if (pattern.includes(':')) continue;
    const exclude = position > 0 && pattern.startsWith('-');
    const body = exclude ? pattern.slice(1) : pattern;
    const matcher = globToRegExp(body);
    // Hidden backing indices match only a pattern that starts with a dot.
    const matches = all.filter(
      (index) =>
        matcher.test(index.name) || (body.startsWith('.') && matcher.test(index.concreteName))
    );
    if (exclude) {
      for (const index of matches) chosen.delete(index);
      continue;
    }
    if (matches.length === 0 && !body.includes('*')) missing.push(body);
    for (const index of matches) chosen.add(index);
  }
  return { indices: all.filter((index) => chosen.has(index)), missing };
}

interface FieldCapsEntry {
  type: string;
  metadata_field: boolean;
  searchable: boolean;
  aggregatable: boolean;
  indices?: string[];
}

export interface FieldCapsRequest {
  fields: string[];
  includeUnmapped: boolean;
}

/**
 * `_field_caps` over resolved indices: every requested field some index maps, per type, with
 * `indices` only when the indices disagree (elastic/elasticsearch:docs/reference/elasticsearch/
 * rest-apis/field-caps.md, "indices: … null if all indices have the same type for the field").
 */
export function fieldCapabilities(indices: FakeIndex[], request: FieldCapsRequest) {
  const wanted = request.fields.map(globToRegExp);
  const byField = new Map<string, Map<MappedType | 'unmapped', string[]>>();
  for (const index of indices) {
    for (const [field, mapping] of index.fields) {
      if (!wanted.some((matcher) => matcher.test(field))) continue;
      const types = byField.get(field) ?? new Map<MappedType | 'unmapped', string[]>();
      types.set(mapping.type, [...(types.get(mapping.type) ?? []), index.concreteName]);
      byField.set(field, types);
    }
  }
  const fields: Record<string, Record<string, FieldCapsEntry>> = {};
  for (const [field, types] of byField) {
    if (request.includeUnmapped) {
      const mapped = new Set([...types.values()].flat());
      const unmapped = indices
        .map((index) => index.concreteName)
        .filter((name) => !mapped.has(name));
      if (unmapped.length > 0) types.set('unmapped', unmapped);
    }
    const split = types.size > 1;
    fields[field] = {};
    for (const [type, names] of types) {
      const mapping = type === 'unmapped' ? undefined : { type };
      fields[field][type] = {
        type,
        metadata_field: false,
        searchable: type !== 'unmapped',
        aggregatable: mapping ? type !== 'text' && type !== 'match_only_text' : false,
        ...(split ? { indices: names } : {}),
      };
    }
  }
  return { indices: indices.map((index) => index.concreteName), fields };
}
