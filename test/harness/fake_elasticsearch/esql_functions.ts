/**
 * The scalar functions the plugin uses, with the semantics of Elasticsearch's implementations
 * (elastic/elasticsearch:x-pack/plugin/esql/src/main/java/org/elasticsearch/xpack/esql/expression/
 * function/scalar/…): single-value functions give null and a warning on a multi-value; conversion
 * functions convert every value of a multi-value; COALESCE and CASE pass a multi-value through;
 * MV_* functions read all values. Any other function Elasticsearch has is refused by name.
 */
import type { Expression } from './esql_ast';
import {
  addProblem,
  finish,
  ordinal,
  siteOf,
  single,
  singleValues,
  unresolved,
  type Compiled,
  type CompileScope,
  type Row,
  type TemporalAmount,
  suggestion,
} from './esql_compiled';
import { formatDate, parseStrictDateOptionalTime, roundDown } from './dates';
import {
  compareScalars,
  formatDouble,
  fromValues,
  isRepresentable,
  NUMERIC_TYPES,
  STRING_TYPES,
  typeName,
  valuesOf,
  type EsqlType,
  type Scalar,
  type Value,
} from './esql_values';
import { canonicalIp, inCidr, parseCidr, type CidrBlock } from './ip';
import { unsupported } from './errors';
import { MULTI_VALUE_FAILURE } from './esql_warnings';

type CallNode = Extract<Expression, { kind: 'call' }>;
type Compile = (node: Expression, scope: CompileScope) => Compiled;

export const AGGREGATE_FUNCTIONS = new Set([
  'COUNT',
  'COUNT_DISTINCT',
  'VALUES',
  'MIN',
  'MAX',
  'SUM',
]);

/** Functions Elasticsearch 9.3 has (EsqlFunctionRegistry) that the fake does not run. */
const OTHER_ES_FUNCTIONS = [
  'ABS',
  'ACOS',
  'ASIN',
  'ATAN',
  'ATAN2',
  'AVG',
  'BIT_LENGTH',
  'BUCKET',
  'BYTE_LENGTH',
  'CATEGORIZE',
  'CBRT',
  'CEIL',
  'CONCAT',
  'COPY_SIGN',
  'COS',
  'COSH',
  'DATE_DIFF',
  'DATE_EXTRACT',
  'DATE_FORMAT',
  'DATE_PARSE',
  'DAY_NAME',
  'E',
  'ENDS_WITH',
  'EXP',
  'FLOOR',
  'FROM_BASE64',
  'GREATEST',
  'HASH',
  'HYPOT',
  'IP_PREFIX',
  'KQL',
  'LEAST',
  'LEFT',
  'LENGTH',
  'LOCATE',
  'LOG',
  'LOG10',
  'LTRIM',
  'MATCH',
  'MATCH_PHRASE',
  'MD5',
  'MEDIAN',
  'MEDIAN_ABSOLUTE_DEVIATION',
  'MONTH_NAME',
  'MULTI_MATCH',
  'MV_APPEND',
  'MV_AVG',
  'MV_CONCAT',
  'MV_DEDUPE',
  'MV_MEDIAN',
  'MV_MEDIAN_ABSOLUTE_DEVIATION',
  'MV_PERCENTILE',
  'MV_PSERIES_WEIGHTED_SUM',
  'MV_SORT',
  'MV_SUM',
  'MV_ZIP',
  'PERCENTILE',
  'PI',
  'POW',
  'QSTR',
  'REPEAT',
  'REPLACE',
  'REVERSE',
  'RIGHT',
  'ROUND',
  'ROUND_TO',
  'RTRIM',
  'SAMPLE',
  'SCALB',
  'SHA1',
  'SHA256',
  'SIGNUM',
  'SIN',
  'SINH',
  'SPACE',
  'SPLIT',
  'SQRT',
  'STARTS_WITH',
  'STD_DEV',
  'SUBSTRING',
  'TAN',
  'TANH',
  'TAU',
  'TO_BASE64',
  'TO_CARTESIANPOINT',
  'TO_CARTESIANSHAPE',
  'TO_DATEPERIOD',
  'TO_DATE_NANOS',
  'TO_DEGREES',
  'TO_GEOPOINT',
  'TO_GEOSHAPE',
  'TO_LOWER',
  'TO_RADIANS',
  'TO_TIMEDURATION',
  'TO_UNSIGNED_LONG',
  'TO_UPPER',
  'TO_VERSION',
  'TOP',
  'TRIM',
  'WEIGHTED_AVG',
];
const MODELLED = [
  'COALESCE',
  'DATE_TRUNC',
  'CIDR_MATCH',
  'TO_IP',
  'TO_DATETIME',
  'TO_DT',
  'TO_STRING',
  'TO_STR',
  'TO_LONG',
  'TO_INTEGER',
  'TO_INT',
  'TO_DOUBLE',
  'TO_DBL',
  'TO_BOOLEAN',
  'TO_BOOL',
  'NOW',
  'MV_COUNT',
  'MV_FIRST',
  'MV_LAST',
  'MV_MIN',
  'MV_MAX',
  'MV_CONTAINS',
  'MV_SLICE',
  'CASE',
];

export type Conversion = { ok: true; value: Scalar } | { ok: false; failure: string };

const ILLEGAL_ARGUMENT = 'java.lang.IllegalArgumentException';
const INVALID_ARGUMENT = 'org.elasticsearch.xpack.esql.core.InvalidArgumentException';

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** One value converted as ES's TO_* functions do; `failure` is the Java exception's text. */
export function convertScalar(value: Scalar, from: EsqlType, to: EsqlType): Conversion {
  const text = String(value);
  switch (to) {
    case 'keyword':
    case 'text':
      if (from === 'date') return { ok: true, value: formatDate(Number(value)) };
      if (from === 'double') return { ok: true, value: formatDouble(Number(value)) };
      return { ok: true, value: text };
    case 'ip': {
      const ip = from === 'ip' || STRING_TYPES.has(from) ? canonicalIp(text) : null;
      return ip === null
        ? { ok: false, failure: `${ILLEGAL_ARGUMENT}: '${text}' is not an IP string literal.` }
        : { ok: true, value: ip };
    }
    case 'date': {
      if (from === 'date' || NUMERIC_TYPES.has(from))
        return { ok: true, value: Math.trunc(Number(value)) };
      const epoch = parseStrictDateOptionalTime(text);
      return epoch === undefined
        ? {
            ok: false,
            failure: `${ILLEGAL_ARGUMENT}: failed to parse date field [${text}] with format [strict_date_optional_time]`,
          }
        : { ok: true, value: epoch };
    }
    case 'long':
    case 'integer': {
      const number =
        typeof value === 'boolean'
          ? Number(value)
          : STRING_TYPES.has(from)
            ? parseNumber(text)
            : Number(value);
      if (number === undefined)
        return { ok: false, failure: `${INVALID_ARGUMENT}: Cannot parse number [${text}]` };
      const truncated = Math.trunc(number);
      const inRange =
        to === 'integer' ? Math.abs(truncated) <= 2_147_483_647 : Number.isSafeInteger(truncated);
      return inRange
        ? { ok: true, value: truncated }
        : { ok: false, failure: `${INVALID_ARGUMENT}: [${text}] out of [${to}] range` };
    }
    case 'double': {
      const number = STRING_TYPES.has(from) ? parseNumber(text) : Number(value);
      return number === undefined
        ? { ok: false, failure: `${INVALID_ARGUMENT}: Cannot parse number [${text}]` }
        : { ok: true, value: number };
    }
    case 'boolean':
      if (STRING_TYPES.has(from)) return { ok: true, value: text.toLowerCase() === 'true' };
      return { ok: true, value: typeof value === 'boolean' ? value : Number(value) !== 0 };
    default:
      return { ok: false, failure: `${ILLEGAL_ARGUMENT}: cannot convert to [${to}]` };
  }
}

/** A keyword constant cast to `to` (implicit casting of string literals in comparisons, IN, args). */
export function castConstant(
  value: Value,
  to: EsqlType
): { ok: true; value: Value } | { ok: false; reason: string } {
  const out: Scalar[] = [];
  for (const item of valuesOf(value)) {
    const converted = convertScalar(item, 'keyword', to);
    if (!converted.ok) return { ok: false, reason: converted.failure.replace(/^[\w.]+: /, '') };
    out.push(converted.value);
  }
  return { ok: true, value: fromValues(out) };
}

const CONVERSIONS: Record<string, { to: EsqlType; from: EsqlType[] }> = {
  TO_IP: { to: 'ip', from: ['ip', 'keyword', 'text'] },
  TO_DATETIME: { to: 'date', from: ['date', 'keyword', 'text', 'long', 'integer', 'double'] },
  TO_STRING: {
    to: 'keyword',
    from: ['keyword', 'text', 'ip', 'date', 'long', 'integer', 'double', 'boolean'],
  },
  TO_LONG: {
    to: 'long',
    from: ['long', 'integer', 'double', 'keyword', 'text', 'date', 'boolean'],
  },
  TO_INTEGER: {
    to: 'integer',
    from: ['long', 'integer', 'double', 'keyword', 'text', 'date', 'boolean'],
  },
  TO_DOUBLE: {
    to: 'double',
    from: ['long', 'integer', 'double', 'keyword', 'text', 'date', 'boolean'],
  },
  TO_BOOLEAN: { to: 'boolean', from: ['boolean', 'keyword', 'text', 'long', 'integer', 'double'] },
};
const ALIASES: Record<string, string> = {
  TO_DT: 'TO_DATETIME',
  TO_STR: 'TO_STRING',
  TO_INT: 'TO_INTEGER',
  TO_DBL: 'TO_DOUBLE',
  TO_BOOL: 'TO_BOOLEAN',
};

const ARITY_WORDS = ['no', 'exactly one', 'two', 'three'];

function arityProblem(node: CallNode, scope: CompileScope, expected: string): Compiled {
  addProblem(
    scope,
    node.position,
    `error building [${node.name.toLowerCase()}]: expects ${expected}`
  );
  return unresolved(node);
}

function typeProblem(
  node: CallNode,
  scope: CompileScope,
  arg: Compiled,
  index: number,
  expected: string
): Compiled {
  const which = node.args.length === 1 ? 'argument' : `${ordinal(index)} argument`;
  addProblem(
    scope,
    node.position,
    `${which} of [${node.text}] must be [${expected}], found value [${arg.site.text}] type [${typeName(arg.type)}]`
  );
  return unresolved(node);
}

function compileConversion(
  node: CallNode,
  name: string,
  args: Compiled[],
  scope: CompileScope
): Compiled {
  const { to, from } = CONVERSIONS[name];
  if (args.length !== 1) return arityProblem(node, scope, 'exactly one argument');
  const [arg] = args;
  if (arg.type !== 'null' && !from.includes(arg.type)) {
    return typeProblem(node, scope, arg, 0, from.join(' or '));
  }
  const site = siteOf(node);
  const source = arg.type;
  return finish(
    node,
    to,
    args,
    (row) => {
      const values = valuesOf(arg.evaluate(row));
      const out: Scalar[] = [];
      for (const value of values) {
        const converted = convertScalar(value, source, to);
        if (!converted.ok) {
          scope.warnings.failed(site, converted.failure);
          return null;
        }
        out.push(converted.value);
      }
      return fromValues(out);
    },
    { fromFunction: true }
  );
}

/** DATE_TRUNC's rounding (esql DateTrunc.createRounding): calendar units or fixed intervals. */
function truncator(span: TemporalAmount, node: CallNode): (epochMs: number) => number {
  if (span.type === 'time_duration') {
    const interval = span.millis;
    if (interval <= 0)
      throw unsupported(node.position, 'DATE_TRUNC with a zero or negative interval');
    return (epochMs) => Math.floor(epochMs / interval) * interval;
  }
  if (span.months === 0 && span.days === 1) return (epochMs) => roundDown(epochMs, 'd');
  if (span.months === 0 && span.days === 7) return (epochMs) => roundDown(epochMs, 'w');
  if (span.months === 0 && span.days > 1) {
    const interval = span.days * 86_400_000;
    return (epochMs) => Math.floor(epochMs / interval) * interval;
  }
  if (span.days === 0 && span.months === 1) return (epochMs) => roundDown(epochMs, 'M');
  if (span.days === 0 && span.months === 12) return (epochMs) => roundDown(epochMs, 'y');
  if (span.days === 0 && span.months === 3) {
    return (epochMs) => {
      const date = new Date(epochMs);
      return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1);
    };
  }
  throw unsupported(node.position, `DATE_TRUNC with the interval [${node.args[0]?.text ?? ''}]`);
}

const SPAN_TEXT = /^\s*(\d+)\s*([A-Za-z]+)\s*$/;

function compileDateTrunc(
  node: CallNode,
  args: Compiled[],
  scope: CompileScope,
  parseSpan: (amount: number, unit: string) => TemporalAmount | undefined
): Compiled {
  if (args.length !== 2) return arityProblem(node, scope, 'two arguments');
  const [interval, date] = args;
  let span = interval.span;
  if (
    !span &&
    interval.type === 'keyword' &&
    interval.foldable &&
    typeof interval.constant === 'string'
  ) {
    // A string interval is cast implicitly ("1 day").
    const match = SPAN_TEXT.exec(interval.constant);
    span = match ? parseSpan(Number(match[1]), match[2]) : undefined;
  }
  if (!span) return typeProblem(node, scope, interval, 0, 'date_period or time_duration');
  if (date.type !== 'date' && date.type !== 'null')
    return typeProblem(node, scope, date, 1, 'date_nanos or datetime');
  const round = truncator(span, node);
  const site = siteOf(node);
  return finish(
    node,
    'date',
    [date],
    (row) => {
      const value = single(date.evaluate(row), site, scope.warnings);
      return value === undefined ? null : round(Number(value));
    },
    { fromFunction: true }
  );
}

function compileCidrMatch(node: CallNode, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length < 2) return arityProblem(node, scope, 'at least two arguments');
  let [ip] = args;
  const blocks = args.slice(1);
  if (ip.type === 'keyword' && ip.foldable && !ip.fromFunction) {
    const cast = castConstant(ip.constant ?? null, 'ip');
    if (cast.ok) ip = { ...ip, type: 'ip', constant: cast.value, evaluate: () => cast.value };
  }
  if (ip.type !== 'ip' && ip.type !== 'null') return typeProblem(node, scope, ip, 0, 'ip');
  for (const [index, block] of blocks.entries()) {
    if (!STRING_TYPES.has(block.type) && block.type !== 'null') {
      return typeProblem(node, scope, block, index + 1, 'keyword or text');
    }
  }
  const site = siteOf(node);
  const parsed = new Map<string, CidrBlock | undefined>();
  return finish(
    node,
    'boolean',
    args,
    (row) => {
      const values = singleValues(
        [ip.evaluate(row), ...blocks.map((block) => block.evaluate(row))],
        site,
        scope.warnings
      );
      if (!values) return null;
      const address = String(values[0]);
      for (const text of values.slice(1).map(String)) {
        if (!parsed.has(text)) parsed.set(text, parseCidr(text));
        const block = parsed.get(text);
        if (!block) {
          scope.warnings.failed(
            site,
            `${ILLEGAL_ARGUMENT}: Expected [ip/prefix] but was [${text}]`
          );
          return null;
        }
        if (inCidr(address, block)) return true;
      }
      return false;
    },
    { fromFunction: true }
  );
}

function compileCoalesce(node: CallNode, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length === 0) return arityProblem(node, scope, 'at least one argument');
  const typed = args.filter((arg) => arg.type !== 'null');
  const first = typed[0]?.type ?? 'null';
  const family = (type: EsqlType) => (STRING_TYPES.has(type) ? 'keyword' : type);
  for (const [index, arg] of args.entries()) {
    if (arg.type !== 'null' && family(arg.type) !== family(first)) {
      return typeProblem(node, scope, arg, index, typeName(family(first)));
    }
  }
  return finish(
    node,
    family(first),
    args,
    (row: Row) => {
      for (const arg of args) {
        const value = arg.evaluate(row);
        if (value !== null) return value;
      }
      return null;
    },
    { fromFunction: true }
  );
}

function compileMv(node: CallNode, name: string, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length !== 1) return arityProblem(node, scope, 'exactly one argument');
  const [arg] = args;
  if (!isRepresentable(arg.type))
    return typeProblem(node, scope, arg, 0, 'any type except counter types');
  const type = arg.type;
  switch (name) {
    case 'MV_COUNT':
      return finish(
        node,
        'integer',
        args,
        (row) => {
          const value = arg.evaluate(row);
          return value === null ? null : valuesOf(value).length;
        },
        { fromFunction: true }
      );
    case 'MV_FIRST':
    case 'MV_LAST':
      return finish(
        node,
        type,
        args,
        (row) => {
          const values = valuesOf(arg.evaluate(row));
          if (values.length === 0) return null;
          return name === 'MV_FIRST' ? values[0] : values[values.length - 1];
        },
        { fromFunction: true }
      );
    default: {
      const sign = name === 'MV_MIN' ? 1 : -1;
      return finish(
        node,
        type,
        args,
        (row) => {
          const values = valuesOf(arg.evaluate(row));
          if (values.length === 0) return null;
          return values.reduce((best, value) =>
            sign * compareScalars(type, value, best) < 0 ? value : best
          );
        },
        { fromFunction: true }
      );
    }
  }
}

/**
 * MV_CONTAINS(superset, subset), technical preview since 9.2.0: true when every value of the
 * subset is in the superset; a null subset is the empty set (true), a null superset contains
 * nothing. An empty keyword counts as null on both sides, as MvContains' BytesRef extractor
 * has it (elastic/elasticsearch:…/scalar/multivalue/MvContains.java), so MV_CONTAINS(x, "") is
 * true for every row.
 */
function compileMvContains(node: CallNode, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length !== 2) return arityProblem(node, scope, 'two arguments');
  const [superset, subset] = args;
  const family = (type: EsqlType) => (STRING_TYPES.has(type) ? 'keyword' : type);
  if (!isRepresentable(superset.type)) return typeProblem(node, scope, superset, 0, 'any type');
  if (
    superset.type !== 'null' &&
    subset.type !== 'null' &&
    family(superset.type) !== family(subset.type)
  ) {
    return typeProblem(node, scope, subset, 1, typeName(family(superset.type)));
  }
  const type = superset.type;
  const bytesLike = STRING_TYPES.has(type);
  const present = (value: Scalar) => !(bytesLike && value === '');
  return finish(
    node,
    'boolean',
    args,
    (row) => {
      const wanted = valuesOf(subset.evaluate(row)).filter(present);
      const have = valuesOf(superset.evaluate(row)).filter(present);
      return wanted.every((value) =>
        have.some((candidate) => compareScalars(type, candidate, value) === 0)
      );
    },
    { fromFunction: true }
  );
}

const INTEGER_TYPES = new Set<EsqlType>(['integer']);

/**
 * MV_SLICE(field, start[, end]): the values from position `start` to `end` (inclusive, 0-based;
 * negative counts from the end; `end` defaults to `start`). A range outside the values gives null,
 * a range reaching past them is cut; start after end, or a negative start with a non-negative end,
 * fails the row with a warning (elastic/elasticsearch:…/scalar/multivalue/MvSlice.java,
 * `adjustIndex`, `checkStartEnd`).
 */
function compileMvSlice(node: CallNode, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length !== 2 && args.length !== 3)
    return arityProblem(node, scope, 'two or three arguments');
  const [field, start, end = start] = args;
  if (!isRepresentable(field.type)) return typeProblem(node, scope, field, 0, 'representable');
  for (const [index, bound] of [start, end].entries()) {
    if (bound.type !== 'null' && !INTEGER_TYPES.has(bound.type)) {
      return typeProblem(node, scope, bound, index + 1, 'integer');
    }
  }
  const site = siteOf(node);
  return finish(
    node,
    field.type,
    args,
    (row) => {
      const from = single(start.evaluate(row), site, scope.warnings);
      const to = single(end.evaluate(row), site, scope.warnings);
      const values = valuesOf(field.evaluate(row));
      if (from === undefined || to === undefined || values.length === 0) return null;
      const first = Number(from);
      const last = Number(to);
      if (first > last) {
        scope.warnings.failed(site, `${INVALID_ARGUMENT}: Start offset is greater than end offset`);
        return null;
      }
      if (first < 0 && last >= 0) {
        scope.warnings.failed(
          site,
          `${INVALID_ARGUMENT}: Start and end offset have different signs`
        );
        return null;
      }
      const adjust = (offset: number) => (offset < 0 ? offset + values.length : offset);
      const lower = Math.max(0, adjust(first));
      const upper = Math.min(values.length - 1, adjust(last));
      if (lower >= values.length || upper < 0 || lower > upper) return null;
      return fromValues(values.slice(lower, upper + 1));
    },
    { fromFunction: true }
  );
}

/**
 * CASE(condition, value, …[, else]): the value of the first condition that is true; an odd count
 * of arguments ends with the default, an even count defaults to null. A null condition is not
 * true, and neither is a multi-valued one, which also warns (elastic/elasticsearch:…/scalar/
 * conditional/Case.java). Every value must have one type; a value may be multi-valued.
 */
function compileCase(node: CallNode, args: Compiled[], scope: CompileScope): Compiled {
  if (args.length < 2) {
    addProblem(
      scope,
      node.position,
      `expected at least two arguments in [${node.text}] but got ${args.length}`
    );
    return unresolved(node);
  }
  const pairs = Math.floor(args.length / 2);
  const fallback = args.length % 2 === 1 ? args[args.length - 1] : undefined;
  const family = (type: EsqlType) => (STRING_TYPES.has(type) ? 'keyword' : type);
  let type: EsqlType = 'null';
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const isCondition = index % 2 === 0 && index < pairs * 2;
    if (isCondition) {
      if (arg.type !== 'boolean' && arg.type !== 'null') {
        return typeProblem(node, scope, arg, index, 'boolean');
      }
      continue;
    }
    if (arg.type === 'null') continue;
    if (type === 'null') type = family(arg.type);
    else if (family(arg.type) !== type) return typeProblem(node, scope, arg, index, typeName(type));
  }
  const site = siteOf(node);
  return finish(
    node,
    type,
    args,
    (row) => {
      for (let pair = 0; pair < pairs; pair += 1) {
        const condition = args[pair * 2].evaluate(row);
        if (Array.isArray(condition)) {
          scope.warnings.failed(site, MULTI_VALUE_FAILURE, 'false');
          continue;
        }
        if (condition === true) return args[pair * 2 + 1].evaluate(row);
      }
      return fallback ? fallback.evaluate(row) : null;
    },
    { fromFunction: true }
  );
}

export function compileCall(
  node: CallNode,
  scope: CompileScope,
  compile: Compile,
  parseSpan: (amount: number, unit: string) => TemporalAmount | undefined = () => undefined
): Compiled {
  const name = ALIASES[node.name] ?? node.name;
  if (AGGREGATE_FUNCTIONS.has(name)) {
    if (scope.inStats)
      throw unsupported(node.position, 'expressions around or inside aggregate functions');
    addProblem(
      scope,
      node.position,
      `aggregate function [${node.text}] not allowed outside STATS command`
    );
    return unresolved(node);
  }
  if (OTHER_ES_FUNCTIONS.includes(name)) throw unsupported(node.position, `the function ${name}`);
  if (!MODELLED.includes(name)) {
    const known = [...MODELLED, ...OTHER_ES_FUNCTIONS, ...AGGREGATE_FUNCTIONS].map((entry) =>
      entry.toLowerCase()
    );
    addProblem(
      scope,
      node.position,
      `Unknown function [${node.name.toLowerCase()}]${suggestion(scope, node.name.toLowerCase(), known)}`
    );
    return unresolved(node);
  }
  if (node.star) throw unsupportedStar(node);
  const args = node.args.map((arg) => compile(arg, scope));
  if (args.some((arg) => !arg.resolved)) return unresolved(node);
  if (CONVERSIONS[name]) return compileConversion(node, name, args, scope);
  switch (name) {
    case 'NOW':
      if (args.length !== 0) return arityProblem(node, scope, ARITY_WORDS[0] + ' arguments');
      return finish(node, 'date', [], () => scope.now, { fromFunction: true });
    case 'COALESCE':
      return compileCoalesce(node, args, scope);
    case 'DATE_TRUNC':
      return compileDateTrunc(node, args, scope, parseSpan);
    case 'CIDR_MATCH':
      return compileCidrMatch(node, args, scope);
    case 'MV_CONTAINS':
      return compileMvContains(node, args, scope);
    case 'MV_SLICE':
      return compileMvSlice(node, args, scope);
    case 'CASE':
      return compileCase(node, args, scope);
    default:
      return compileMv(node, name, args, scope);
  }
}

function unsupportedStar(node: CallNode) {
  return unsupported(node.position, `[*] as an argument of ${node.name}`);
}
