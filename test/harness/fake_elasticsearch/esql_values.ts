/**
 * ES|QL's data types and values inside the fake. A cell is null, one value, or several values (a
 * multi-value, never an array of one). Dates are epoch milliseconds, IPs their canonical text, and
 * keywords compare by their UTF-8 bytes, as Lucene's BytesRef does.
 */
import { formatDate } from './dates';
import { compareIps } from './ip';

export type EsqlType =
  | 'keyword'
  | 'text'
  | 'ip'
  | 'date'
  | 'long'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'null'
  | 'date_period'
  | 'time_duration'
  | 'unsupported';

export type Scalar = string | number | boolean;
export type Value = null | Scalar | Scalar[];

export const NUMERIC_TYPES: ReadonlySet<EsqlType> = new Set(['integer', 'long', 'double']);
export const STRING_TYPES: ReadonlySet<EsqlType> = new Set(['keyword', 'text']);

/** The type names ES|QL error messages use (`DataType.typeName()`): a date is `datetime`. */
export function typeName(type: EsqlType): string {
  return type === 'date' ? 'datetime' : type;
}

/** Types that may sit in a column and be compared or sorted. */
export function isRepresentable(type: EsqlType): boolean {
  return type !== 'date_period' && type !== 'time_duration' && type !== 'unsupported';
}

export function valuesOf(value: Value): Scalar[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function fromValues(values: Scalar[]): Value {
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : values;
}

/** Keyword order: UTF-8 byte order, which differs from UTF-16 only above U+FFFF. */
export function compareKeywords(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export function compareScalars(type: EsqlType, a: Scalar, b: Scalar): number {
  if (type === 'ip') return compareIps(String(a), String(b));
  if (typeof a === 'string' && typeof b === 'string') return compareKeywords(a, b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return (a as number) - (b as number);
}

/** The column type name in a response (`columns[].type`). */
export function outputTypeName(type: EsqlType): string {
  return type;
}

/** A cell as the JSON response writes it: dates as ISO strings, multi-values as arrays. */
export function outputValue(type: EsqlType, value: Value): unknown {
  if (value === null) return null;
  if (type !== 'date') return value;
  return Array.isArray(value)
    ? value.map((item) => formatDate(Number(item)))
    : formatDate(Number(value));
}

/**
 * Java's `Double.toString`, which TO_STRING and the response use for doubles: `1.0`, not `1`,
 * and scientific notation outside [10^-3, 10^7).
 */
export function formatDouble(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return `${value}.0`;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return String(value);
  const [mantissa, exponent] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}
