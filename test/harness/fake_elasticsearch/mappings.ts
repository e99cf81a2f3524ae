/**
 * Index mappings: each index declares its fields and types, as an Elastic integration's data stream
 * does (static fields plus dynamic templates such as o365's `ExtendedProperties.*` keywords). A field
 * a dynamic template maps exists only once some document carried it; a field neither declared nor
 * matched by a template is unmapped, as with `dynamic: false`: it reads null and `_field_caps` does
 * not list it.
 */
import type { EsqlType } from './esql_values';

export type MappedType =
  | 'keyword'
  | 'constant_keyword'
  | 'wildcard'
  | 'text'
  | 'match_only_text'
  | 'ip'
  | 'date'
  | 'long'
  | 'integer'
  | 'short'
  | 'byte'
  | 'double'
  | 'float'
  | 'boolean'
  | 'geo_point'
  | 'flattened';

export interface FieldMapping {
  type: MappedType;
  /** constant_keyword: the one value every document of the index has. */
  value?: string;
}

export interface DynamicTemplate {
  /** A dotted path with `*` wildcards, as `path_match` in a dynamic template. */
  pathMatch: string;
  mapping: FieldMapping;
}

export interface IndexMapping {
  properties: Record<string, FieldMapping>;
  dynamicTemplates?: DynamicTemplate[];
}

/** The ES|QL type a mapped type reads as (ES|QL docs, "Supported types"). */
const ESQL_TYPES: Partial<Record<MappedType, EsqlType>> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  text: 'text',
  match_only_text: 'text',
  ip: 'ip',
  date: 'date',
  long: 'long',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  double: 'double',
  float: 'double',
  boolean: 'boolean',
};

/**
 * The ES|QL type of a mapped field, or undefined for a type ES|QL reads but the fake does not
 * model (geo_point, flattened): using such a column is refused, never answered wrongly.
 */
export function esqlTypeOf(mapping: FieldMapping): EsqlType | undefined {
  return ESQL_TYPES[mapping.type];
}

export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}
