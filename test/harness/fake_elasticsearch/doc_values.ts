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

/**
 * Every leaf of a document by dotted path, merging nested objects, dotted keys and arrays of
 * objects as Elasticsearch does when it indexes them; one walk per document.
 */
export function flattenSource(source: unknown): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const walk = (node: unknown, prefix: string) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, prefix);
      return;
    }
    if (isObject(node)) {
      for (const key in node) {
        if (Object.prototype.hasOwnProperty.call(node, key)) {
          walk(node[key], prefix ? `${prefix}.${key}` : key);
        }
      }
      return;
    }
    if (!prefix || node === null || node === undefined) return;
    const values = out.get(prefix);
    if (values) values.push(node);
    else out.set(prefix, [node]);
  };
  walk(source, '');
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
  if (raw.length === 1 && typeof raw[0] === 'string' && type === 'keyword') return raw[0];
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
