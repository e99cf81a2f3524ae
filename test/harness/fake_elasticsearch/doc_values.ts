/**
 * How ES|QL reads a document's field: from doc values, so what comes back is what the index
 * stored, not the `_source` as sent (ES|QL docs, "ES|QL multivalued fields"):
 * - keyword and ip: a sorted set, so duplicates go and values come back sorted (by bytes);
 * - numbers, dates and booleans: sorted, duplicates kept;
 * - text: read from `_source`, in source order;
 * - nulls inside an array are not stored; an empty array or a missing field reads null;
 * - an unmapped field is not a column at all.
 * A value the field type refuses (a malformed IP or date) fails the document at indexing, as
 * Elasticsearch rejects it without `ignore_malformed`.
 */
import { parseDateValue } from './dates';
import { compareKeywords, fromValues, type EsqlType, type Scalar, type Value } from './esql_values';
import { canonicalIp, compareIps } from './ip';
import type { FieldMapping } from './mappings';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pushLeaves(value: unknown, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) pushLeaves(item, out);
    return;
  }
  if (value !== null && value !== undefined) out.push(value);
}

/**
 * Every value `_source` holds at a dotted path, whether written as nested objects, dotted keys or
 * arrays of objects (`{ "a": [{ "b": 1 }, { "b": 2 }] }` gives `a.b` = 1, 2).
 */
export function sourceValues(source: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  const walk = (node: unknown, index: number) => {
    if (index === parts.length) {
      pushLeaves(node, out);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item, index);
      return;
    }
    if (!isObject(node)) return;
    for (let end = index + 1; end <= parts.length; end += 1) {
      const key = parts.slice(index, end).join('.');
      if (Object.prototype.hasOwnProperty.call(node, key)) walk(node[key], end);
    }
  };
  walk(source, 0);
  return out;
}

/** Leaf paths of a document (arrays of scalars are one leaf), for dynamic mapping. */
export function leafPaths(source: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(source)) {
    for (const item of source) leafPaths(item, prefix, out);
    return out;
  }
  if (isObject(source)) {
    for (const [key, value] of Object.entries(source)) {
      leafPaths(value, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  if (prefix && source !== null && source !== undefined) out.add(prefix);
  return out;
}

export class MalformedValueError extends Error {}

function sortedUnique(values: string[], compare: (a: string, b: string) => number): string[] {
  const sorted = [...new Set(values)].sort(compare);
  return sorted;
}

function numberOf(raw: unknown, integer: boolean): number {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MalformedValueError(`[${String(raw)}] is not a number`);
  }
  // Integer fields coerce by truncation (`coerce` is on by default).
  return integer ? Math.trunc(value) : value;
}

function booleanOf(raw: unknown): boolean {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false' || raw === '') return false;
  throw new MalformedValueError(`[${String(raw)}] is not a boolean`);
}

/** The doc values of one field of one document, as ES|QL reads them. */
export function readDocValue(mapping: FieldMapping, raw: unknown[], type: EsqlType): Value {
  if (mapping.type === 'constant_keyword') return mapping.value ?? null;
  if (raw.length === 0) return null;
  switch (type) {
    case 'keyword':
      return fromValues(
        sortedUnique(
          raw.map((item) => {
            if (isObject(item)) throw new MalformedValueError('an object is not a keyword');
            return String(item);
          }),
          compareKeywords
        )
      );
    case 'text':
      return fromValues(raw.map(String));
    case 'ip':
      return fromValues(
        sortedUnique(
          raw.map((item) => {
            const ip = typeof item === 'string' ? canonicalIp(item) : null;
            if (ip === null)
              throw new MalformedValueError(`'${String(item)}' is not an IP string literal.`);
            return ip;
          }),
          compareIps
        )
      );
    case 'date':
      return fromValues(
        raw
          .map((item) => {
            const epoch = parseDateValue(item);
            if (epoch === undefined) {
              throw new MalformedValueError(`failed to parse date field [${String(item)}]`);
            }
            return epoch;
          })
          .sort((a, b) => a - b)
      );
    case 'long':
    case 'integer':
      return fromValues(raw.map((item) => numberOf(item, true)).sort((a, b) => a - b));
    case 'double': {
      const values = raw.map((item) => numberOf(item, false));
      // A float field stores 32 bits: 0.1 reads back as 0.10000000149011612.
      const stored = mapping.type === 'float' ? values.map(Math.fround) : values;
      return fromValues(stored.sort((a, b) => a - b));
    }
    case 'boolean':
      return fromValues(raw.map(booleanOf).sort((a, b) => Number(a) - Number(b)) as Scalar[]);
    default:
      return null;
  }
}
