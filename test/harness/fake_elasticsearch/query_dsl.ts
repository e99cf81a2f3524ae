/**
 * The request `filter` of `POST /_query`: Query DSL run on the documents before ES|QL sees them
 * (docs-content `esql-rest.md`, "Filtering using Elasticsearch Query DSL"). Modelled: `bool`
 * (must, filter, should, must_not, minimum_should_match), `range` (numbers, IPs, keywords and dates
 * with date math, rounding and `format`), `term`, `terms`, `exists`, `match_all`, `match_none`.
 * A field matches when any of its values does, as Lucene's multi-valued points and terms do.
 */
import { isSupportedDateFormat, resolveDateMath } from './dates';
import { compareKeywords, type Scalar } from './esql_values';
import { EsError, unsupported } from './errors';
import type { FakeIndex } from './indices';
import { canonicalIp, compareIps, inCidr, parseCidr } from './ip';
import { esqlTypeOf } from './mappings';

export type DocumentPredicate = (document: number) => boolean;
export type IndexFilter = (index: FakeIndex) => DocumentPredicate;

/** Query types Elasticsearch has that the fake does not run. */
const OTHER_QUERIES = new Set([
  'boosting',
  'combined_fields',
  'constant_score',
  'dis_max',
  'function_score',
  'fuzzy',
  'geo_bounding_box',
  'geo_distance',
  'geo_shape',
  'ids',
  'intervals',
  'knn',
  'match',
  'match_bool_prefix',
  'match_phrase',
  'match_phrase_prefix',
  'multi_match',
  'nested',
  'prefix',
  'query_string',
  'regexp',
  'script',
  'simple_query_string',
  'wildcard',
]);

const UTC_ZONES = new Set(['Z', 'UTC', '+00:00', 'Etc/UTC', 'GMT']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseError(reason: string): EsError {
  return new EsError(400, 'parsing_exception', reason);
}

function clauses(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function single(query: Record<string, unknown>, name: string): [string, unknown] {
  const entries = Object.entries(query).filter(([key]) => key !== 'boost' && key !== '_name');
  if (entries.length !== 1) throw parseError(`[${name}] query doesn't support multiple fields`);
  return entries[0];
}

/** Compares a stored value with a query bound, by the field's type. */
type Comparator = (stored: Scalar, bound: Scalar) => number;

function comparatorFor(type: string): Comparator {
  if (type === 'ip') return (a, b) => compareIps(String(a), String(b));
  if (type === 'keyword' || type === 'text') return (a, b) => compareKeywords(String(a), String(b));
  if (type === 'boolean') return (a, b) => Number(a) - Number(b);
  return (a, b) => Number(a) - Number(b);
}

type Bound = 'gt' | 'gte' | 'lt' | 'lte';
const ROUNDS_UP: Record<Bound, boolean> = { gt: true, gte: false, lt: false, lte: true };

function boundValue(
  raw: unknown,
  bound: Bound,
  type: string,
  now: number,
  format: string | undefined,
  field: string
): Scalar {
  if (type === 'date') {
    const epoch =
      typeof raw === 'number'
        ? raw
        : resolveDateMath(String(raw), now, { roundUp: ROUNDS_UP[bound], format });
    if (epoch === undefined) {
      throw new EsError(
        400,
        'parse_exception',
        `failed to parse date field [${String(raw)}] with format [${format ?? 'strict_date_optional_time||epoch_millis'}]: [failed to parse date field [${String(raw)}] with format [${format ?? 'strict_date_optional_time||epoch_millis'}]]`
      );
    }
    return epoch;
  }
  if (type === 'ip') {
    const ip = canonicalIp(String(raw));
    if (ip === null)
      throw new EsError(
        400,
        'illegal_argument_exception',
        `'${String(raw)}' is not an IP string literal.`
      );
    return ip;
  }
  if (type === 'long' || type === 'integer' || type === 'double') {
    const number = Number(raw);
    if (!Number.isFinite(number)) {
      throw new EsError(
        400,
        'number_format_exception',
        `For input string: "${String(raw)}" in [${field}]`
      );
    }
    return number;
  }
  if (type === 'boolean') return raw === true || raw === 'true';
  return String(raw);
}

function range(field: string, options: unknown, now: number): IndexFilter {
  if (!isObject(options))
    throw parseError(`[range] query malformed, no start_object after query name`);
  const { format, time_zone: timeZone, ...rest } = options;
  if (timeZone !== undefined && !UTC_ZONES.has(String(timeZone))) {
    throw unsupported(undefined, `range queries with time_zone [${String(timeZone)}]`);
  }
  if (format !== undefined && !isSupportedDateFormat(String(format))) {
    throw unsupported(undefined, `the date format [${String(format)}]`);
  }
  const bounds: Array<[Bound, unknown]> = [];
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'gt' || key === 'gte' || key === 'lt' || key === 'lte') bounds.push([key, value]);
    else if (key === 'boost' || key === '_name') continue;
    else if (
      key === 'from' ||
      key === 'to' ||
      key === 'include_lower' ||
      key === 'include_upper' ||
      key === 'relation'
    ) {
      throw unsupported(undefined, `the range option [${key}]`);
    } else {
      throw parseError(`[range] query does not support [${key}]`);
    }
  }
  return (index) => {
    const mapping = index.fields.get(field);
    const type = mapping ? esqlTypeOf(mapping) : undefined;
    if (!mapping || !type) return () => false;
    const compare = comparatorFor(type);
    const limits = bounds
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([bound, value]) => ({
        bound,
        value: boundValue(
          value,
          bound,
          type,
          now,
          format === undefined ? undefined : String(format),
          field
        ),
      }));
    const column = index.docValues(field);
    const inRange = (value: Scalar) => {
      for (const { bound, value: limit } of limits) {
        const order = compare(value, limit);
        if (
          bound === 'gt'
            ? order <= 0
            : bound === 'gte'
              ? order < 0
              : bound === 'lt'
                ? order >= 0
                : order > 0
        ) {
          return false;
        }
      }
      return true;
    };
    return (document) => {
      const stored = column[document];
      if (stored === null) return false;
      return Array.isArray(stored) ? stored.some(inRange) : inRange(stored);
    };
  };
}

function terms(field: string, wanted: unknown[], now: number): IndexFilter {
  return (index) => {
    const mapping = index.fields.get(field);
    const type = mapping ? esqlTypeOf(mapping) : undefined;
    if (!mapping || !type) return () => false;
    const column = index.docValues(field);
    const tests = wanted.map((raw): ((value: Scalar) => boolean) => {
      if (type === 'ip') {
        const text = String(raw);
        const block = text.includes('/') ? parseCidr(text) : undefined;
        if (block) return (value) => inCidr(String(value), block);
        const ip = canonicalIp(text);
        if (ip === null)
          throw new EsError(
            400,
            'illegal_argument_exception',
            `'${text}' is not an IP string literal.`
          );
        return (value) => value === ip;
      }
      if (type === 'date') {
        const epoch = resolveDateMath(String(raw), now);
        return (value) => value === epoch;
      }
      if (type === 'long' || type === 'integer' || type === 'double')
        return (value) => value === Number(raw);
      if (type === 'boolean') return (value) => value === (raw === true || raw === 'true');
      return (value) => value === String(raw);
    });
    return (document) => {
      const stored = column[document];
      if (stored === null) return false;
      const values = Array.isArray(stored) ? stored : [stored];
      return values.some((value) => tests.some((test) => test(value)));
    };
  };
}

function compileQuery(query: unknown, now: number): IndexFilter {
  if (!isObject(query)) throw parseError('query malformed, must start with start_object');
  const entries = Object.entries(query);
  if (entries.length !== 1)
    throw parseError('[_na] query malformed, no start_object after query name');
  const [name, body] = entries[0];
  switch (name) {
    case 'match_all':
      return () => () => true;
    case 'match_none':
      return () => () => false;
    case 'bool': {
      if (!isObject(body)) throw parseError('[bool] query malformed');
      const must = [...clauses(body.must), ...clauses(body.filter)].map((clause) =>
        compileQuery(clause, now)
      );
      const should = clauses(body.should).map((clause) => compileQuery(clause, now));
      const mustNot = clauses(body.must_not).map((clause) => compileQuery(clause, now));
      const minimum =
        body.minimum_should_match !== undefined
          ? Number(body.minimum_should_match)
          : must.length > 0
            ? 0
            : should.length > 0
              ? 1
              : 0;
      for (const key of Object.keys(body)) {
        if (
          ![
            'must',
            'filter',
            'should',
            'must_not',
            'minimum_should_match',
            'boost',
            '_name',
          ].includes(key)
        ) {
          throw parseError(`[bool] query does not support [${key}]`);
        }
      }
      return (index) => {
        const required = must.map((filter) => filter(index));
        const optional = should.map((filter) => filter(index));
        const excluded = mustNot.map((filter) => filter(index));
        return (document) =>
          required.every((test) => test(document)) &&
          !excluded.some((test) => test(document)) &&
          optional.filter((test) => test(document)).length >= minimum;
      };
    }
    case 'range': {
      const [field, options] = single(body as Record<string, unknown>, 'range');
      return range(field, options, now);
    }
    case 'term': {
      const [field, options] = single(body as Record<string, unknown>, 'term');
      const value = isObject(options) ? options.value : options;
      if (isObject(options) && options.case_insensitive === true) {
        throw unsupported(undefined, 'case-insensitive term queries');
      }
      return terms(field, [value], now);
    }
    case 'terms': {
      const [field, values] = single(body as Record<string, unknown>, 'terms');
      if (!Array.isArray(values)) throw unsupported(undefined, 'terms lookup');
      return terms(field, values, now);
    }
    case 'exists': {
      if (!isObject(body) || typeof body.field !== 'string')
        throw parseError('[exists] must be provided with a [field]');
      const field = body.field;
      return (index) => {
        if (!index.fields.has(field)) return () => false;
        const column = index.docValues(field);
        return (document) => column[document] !== null;
      };
    }
    default:
      if (OTHER_QUERIES.has(name))
        throw unsupported(undefined, `the [${name}] query in a request filter`);
      throw parseError(`unknown query [${name}]`);
  }
}

/** The request filter as a per-index document test; no filter keeps every document. */
export function compileFilter(filter: unknown, now: number): IndexFilter | undefined {
  if (filter === undefined || filter === null) return undefined;
  return compileQuery(filter, now);
}
