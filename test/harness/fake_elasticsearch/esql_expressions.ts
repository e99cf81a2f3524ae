/**
 * Compiles ES|QL expressions against the columns in scope: name resolution (an unknown column is a
 * verification problem), types, implicit casting of string constants, and evaluation with ES|QL's
 * null and multi-value rules:
 * - comparisons, arithmetic and NOT take single values: a multi-valued input gives null and a
 *   `Warning` (ES|QL docs, "ES|QL multivalued fields", "Functions");
 * - AND and OR follow three-valued logic (`null AND false` is false, `null OR true` is true);
 * - `x IN (…)` is null when x is null, or when no item matched and one of them was null;
 * - `IS NULL` is false for a multi-value.
 */
import type { Expression } from './esql_ast';
import {
  addProblem,
  finish,
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
import { castConstant, compileCall } from './esql_functions';
import {
  compareScalars,
  NUMERIC_TYPES,
  STRING_TYPES,
  typeName,
  type EsqlType,
  type Scalar,
  type Value,
} from './esql_values';
import { addMonths } from './dates';
import { parsingError, unsupported } from './errors';

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const DAY_MS = 86_400_000;

/** Time span units (ES EsqlDataTypeConverter's temporal units). */
const SPAN_UNITS: Record<
  string,
  { type: TemporalAmount['type']; months?: number; days?: number; millis?: number }
> = {
  millisecond: { type: 'time_duration', millis: 1 },
  milliseconds: { type: 'time_duration', millis: 1 },
  ms: { type: 'time_duration', millis: 1 },
  second: { type: 'time_duration', millis: 1_000 },
  seconds: { type: 'time_duration', millis: 1_000 },
  sec: { type: 'time_duration', millis: 1_000 },
  s: { type: 'time_duration', millis: 1_000 },
  minute: { type: 'time_duration', millis: 60_000 },
  minutes: { type: 'time_duration', millis: 60_000 },
  min: { type: 'time_duration', millis: 60_000 },
  hour: { type: 'time_duration', millis: 3_600_000 },
  hours: { type: 'time_duration', millis: 3_600_000 },
  h: { type: 'time_duration', millis: 3_600_000 },
  day: { type: 'date_period', days: 1 },
  days: { type: 'date_period', days: 1 },
  d: { type: 'date_period', days: 1 },
  week: { type: 'date_period', days: 7 },
  weeks: { type: 'date_period', days: 7 },
  w: { type: 'date_period', days: 7 },
  month: { type: 'date_period', months: 1 },
  months: { type: 'date_period', months: 1 },
  mo: { type: 'date_period', months: 1 },
  quarter: { type: 'date_period', months: 3 },
  quarters: { type: 'date_period', months: 3 },
  q: { type: 'date_period', months: 3 },
  year: { type: 'date_period', months: 12 },
  years: { type: 'date_period', months: 12 },
  yr: { type: 'date_period', months: 12 },
  y: { type: 'date_period', months: 12 },
};

export function parseSpan(amount: number, unit: string): TemporalAmount | undefined {
  const definition = SPAN_UNITS[unit.toLowerCase()];
  if (!definition) return undefined;
  return {
    type: definition.type,
    months: (definition.months ?? 0) * amount,
    days: (definition.days ?? 0) * amount,
    millis: (definition.millis ?? 0) * amount,
  };
}

function spanCompiled(node: Expression, span: TemporalAmount): Compiled {
  return {
    type: span.type,
    site: siteOf(node),
    resolved: true,
    foldable: true,
    fromFunction: false,
    span,
    evaluate: () => null,
  };
}

function constant(node: Expression, type: EsqlType, value: Value): Compiled {
  return {
    type,
    site: siteOf(node),
    resolved: true,
    foldable: true,
    fromFunction: false,
    constant: value,
    evaluate: () => value,
  };
}

export function addSpan(epochMs: number, span: TemporalAmount, sign: 1 | -1): number {
  const withMonths = span.months ? addMonths(epochMs, sign * span.months) : epochMs;
  return withMonths + sign * (span.days * DAY_MS + span.millis);
}

/** Types that can be compared with each other (ES|QL EsqlBinaryComparison's compatibility). */
function comparable(left: EsqlType, right: EsqlType): boolean {
  if (left === 'null' || right === 'null') return true;
  if (NUMERIC_TYPES.has(left)) return NUMERIC_TYPES.has(right);
  if (STRING_TYPES.has(left)) return STRING_TYPES.has(right);
  return left === right;
}

/** ES casts a string constant to the other side's type for these (Analyzer.ImplicitCasting). */
const IMPLICIT_STRING_TARGETS: ReadonlySet<EsqlType> = new Set(['date', 'ip', 'boolean']);

function castable(from: Compiled, to: EsqlType): boolean {
  return (
    from.type === 'keyword' &&
    from.foldable &&
    !from.fromFunction &&
    IMPLICIT_STRING_TARGETS.has(to)
  );
}

/** Casts a plain string constant to `to`, or reports ES's "Cannot convert string" problem. */
function implicitCast(compiled: Compiled, to: EsqlType, scope: CompileScope): Compiled {
  const cast = castConstant(compiled.constant ?? null, to);
  if (cast.ok) return { ...compiled, type: to, constant: cast.value, evaluate: () => cast.value };
  addProblem(
    scope,
    compiled.site.position,
    `Cannot convert string [${String(compiled.constant)}] to [${to === 'date' ? 'DATETIME' : to.toUpperCase()}], error [${cast.reason}]`
  );
  return { ...compiled, resolved: false };
}

function compileComparison(
  node: Extract<Expression, { kind: 'compare' }>,
  scope: CompileScope
): Compiled {
  let left = compileExpression(node.left, scope);
  let right = compileExpression(node.right, scope);
  if (!left.resolved || !right.resolved) return unresolved(node);
  if (castable(left, right.type)) left = implicitCast(left, right.type, scope);
  else if (castable(right, left.type)) right = implicitCast(right, left.type, scope);
  if (!left.resolved || !right.resolved) return unresolved(node);
  if (!comparable(left.type, right.type)) {
    addProblem(
      scope,
      node.position,
      `first argument of [${node.text}] is [${typeName(left.type)}] so second argument must also be [${typeName(left.type)}] but was [${typeName(right.type)}]`
    );
    return unresolved(node);
  }
  if (!isOrderable(left.type) && node.op !== '==' && node.op !== '!=') {
    addProblem(
      scope,
      node.position,
      `first argument of [${node.text}] must be a comparable type, found [${typeName(left.type)}]`
    );
    return unresolved(node);
  }
  const type = left.type === 'null' ? right.type : left.type;
  const site = siteOf(node);
  const test = COMPARE[node.op];
  const { warnings } = scope;
  return finish(node, 'boolean', [left, right], (row) => {
    const leftValue = left.evaluate(row);
    const rightValue = right.evaluate(row);
    const a = single(leftValue, site, warnings);
    if (a === undefined) return null;
    const b = single(rightValue, site, warnings);
    if (b === undefined) return null;
    return test(compareScalars(type, a, b));
  });
}

function isOrderable(type: EsqlType): boolean {
  return type !== 'boolean';
}

const COMPARE: Record<string, (order: number) => boolean> = {
  '==': (order) => order === 0,
  '!=': (order) => order !== 0,
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

function numericResultType(left: EsqlType, right: EsqlType): EsqlType {
  if (left === 'double' || right === 'double') return 'double';
  if (left === 'long' || right === 'long') return 'long';
  return 'integer';
}

function overflowCheck(type: EsqlType, value: number): number | undefined {
  if (type === 'integer') return value < INT_MIN || value > INT_MAX ? undefined : value;
  if (type === 'long') return Number.isSafeInteger(value) ? value : undefined;
  return value;
}

function compileArithmetic(
  node: Extract<Expression, { kind: 'arithmetic' }>,
  scope: CompileScope
): Compiled {
  const left = compileExpression(node.left, scope);
  const right = compileExpression(node.right, scope);
  if (!left.resolved || !right.resolved) return unresolved(node);
  const site = siteOf(node);
  // Date ± time span (`now() - 30 day`); a span may also come first for `+`.
  const dateSide = left.type === 'date' ? left : right.type === 'date' ? right : undefined;
  const spanSide = left.span ? left : right.span ? right : undefined;
  if (dateSide && spanSide?.span && (node.op === '+' || (node.op === '-' && left === dateSide))) {
    const span = spanSide.span;
    const sign = node.op === '+' ? 1 : -1;
    return finish(node, 'date', [dateSide], (row) => {
      const value = single(dateSide.evaluate(row), site, scope.warnings);
      return value === undefined ? null : addSpan(Number(value), span, sign);
    });
  }
  if (
    left.span &&
    right.span &&
    left.span.type === right.span.type &&
    (node.op === '+' || node.op === '-')
  ) {
    const sign = node.op === '+' ? 1 : -1;
    const a = left.span;
    const b = right.span;
    return spanCompiled(node, {
      type: a.type,
      months: a.months + sign * b.months,
      days: a.days + sign * b.days,
      millis: a.millis + sign * b.millis,
    });
  }
  const numeric = (type: EsqlType) => NUMERIC_TYPES.has(type) || type === 'null';
  if (!numeric(left.type) || !numeric(right.type)) {
    const bad = numeric(left.type) ? right : left;
    const which = bad === left ? 'first' : 'second';
    addProblem(
      scope,
      node.position,
      `${which} argument of [${node.text}] must be [numeric], found value [${bad.site.text}] type [${typeName(bad.type)}]`
    );
    return unresolved(node);
  }
  const type = numericResultType(left.type, right.type);
  const op = node.op;
  return finish(node, type, [left, right], (row) => {
    const values = singleValues([left.evaluate(row), right.evaluate(row)], site, scope.warnings);
    if (!values) return null;
    const [a, b] = values as number[];
    if ((op === '/' || op === '%') && b === 0) {
      scope.warnings.failed(site, 'java.lang.ArithmeticException: / by zero');
      return null;
    }
    let result: number;
    if (op === '+') result = a + b;
    else if (op === '-') result = a - b;
    else if (op === '*') result = a * b;
    else if (op === '/') result = type === 'double' ? a / b : Math.trunc(a / b);
    else result = a % b;
    const checked = overflowCheck(type, result);
    if (checked === undefined) {
      scope.warnings.failed(site, `java.lang.ArithmeticException: ${type} overflow`);
      return null;
    }
    return checked;
  });
}

function compileLogical(
  node: Extract<Expression, { kind: 'logical' }>,
  scope: CompileScope
): Compiled {
  const left = compileExpression(node.left, scope);
  const right = compileExpression(node.right, scope);
  if (!left.resolved || !right.resolved) return unresolved(node);
  for (const [index, side] of [left, right].entries()) {
    if (side.type !== 'boolean' && side.type !== 'null') {
      addProblem(
        scope,
        node.position,
        `${index === 0 ? 'first' : 'second'} argument of [${node.text}] must be [boolean], found value [${side.site.text}] type [${typeName(side.type)}]`
      );
      return unresolved(node);
    }
  }
  const site = siteOf(node);
  const and = node.op === 'and';
  const truth = (value: Value): boolean | null => {
    if (Array.isArray(value)) {
      scope.warnings.failed(
        site,
        'java.lang.IllegalArgumentException: single-value function encountered multi-value'
      );
      return null;
    }
    return value === null ? null : Boolean(value);
  };
  return finish(node, 'boolean', [left, right], (row) => {
    const a = truth(left.evaluate(row));
    const b = truth(right.evaluate(row));
    if (and) {
      if (a === false || b === false) return false;
      return a === null || b === null ? null : true;
    }
    if (a === true || b === true) return true;
    return a === null || b === null ? null : false;
  });
}

function compileNot(node: Extract<Expression, { kind: 'not' }>, scope: CompileScope): Compiled {
  const operand = compileExpression(node.operand, scope);
  if (!operand.resolved) return unresolved(node);
  if (operand.type !== 'boolean' && operand.type !== 'null') {
    addProblem(
      scope,
      node.position,
      `argument of [${node.text}] must be [boolean], found value [${operand.site.text}] type [${typeName(operand.type)}]`
    );
    return unresolved(node);
  }
  const site = siteOf(node);
  return finish(node, 'boolean', [operand], (row) => {
    const value = single(operand.evaluate(row), site, scope.warnings);
    return value === undefined ? null : !value;
  });
}

function compileIn(node: Extract<Expression, { kind: 'in' }>, scope: CompileScope): Compiled {
  const operand = compileExpression(node.operand, scope);
  let items = node.list.map((item) => compileExpression(item, scope));
  if (!operand.resolved || items.some((item) => !item.resolved)) return unresolved(node);
  items = items.map((item) =>
    castable(item, operand.type) ? implicitCast(item, operand.type, scope) : item
  );
  if (items.some((item) => !item.resolved)) return unresolved(node);
  for (const [index, item] of items.entries()) {
    if (!comparable(operand.type, item.type)) {
      addProblem(
        scope,
        item.site.position,
        `${index === 0 ? 'second' : `argument ${index + 2}`} of [${node.text}] must be [${typeName(operand.type)}], found value [${item.site.text}] type [${typeName(item.type)}]`
      );
      return unresolved(node);
    }
  }
  const site = siteOf(node);
  const type = operand.type;
  const negated = node.negated;
  return finish(node, 'boolean', [operand, ...items], (row) => {
    const value = single(operand.evaluate(row), site, scope.warnings);
    if (value === undefined) return null;
    let sawNull = false;
    let found = false;
    for (const item of items) {
      const candidate = item.evaluate(row);
      if (candidate === null || Array.isArray(candidate)) {
        sawNull = true;
        continue;
      }
      if (compareScalars(type, value, candidate) === 0) {
        found = true;
        break;
      }
    }
    const result = found ? true : sawNull ? null : false;
    return result === null ? null : negated ? !result : result;
  });
}

function compileField(node: Extract<Expression, { kind: 'field' }>, scope: CompileScope): Compiled {
  let index = -1;
  for (let candidate = scope.schema.length - 1; candidate >= 0; candidate -= 1) {
    if (scope.schema[candidate].name === node.name) {
      index = candidate;
      break;
    }
  }
  if (index === -1) {
    const names = scope.schema
      .filter((column) => !column.origin.refusal)
      .map((column) => column.name);
    addProblem(
      scope,
      node.position,
      `Unknown column [${node.name}]${suggestion(scope, node.name, names)}`
    );
    return unresolved(node);
  }
  const column = scope.schema[index];
  if (column.origin.broken) return unresolved(node);
  const refusal = column.origin.refusal;
  if (refusal?.kind === 'unmodelled') {
    throw unsupported(
      node.position,
      `fields of type [${refusal.esType}] (column [${column.name}])`
    );
  }
  if (refusal?.kind === 'conflict') {
    addProblem(scope, node.position, refusal.message);
    return unresolved(node);
  }
  column.origin.used = true;
  return {
    type: column.type,
    site: siteOf(node),
    resolved: true,
    foldable: false,
    fromFunction: false,
    evaluate: (row: Row) => row[index] ?? null,
  };
}

export function compileExpression(node: Expression, scope: CompileScope): Compiled {
  switch (node.kind) {
    case 'literal':
      return constant(node, node.type, node.value);
    case 'list': {
      const items = node.items.map((item) => compileExpression(item, scope));
      const values = items.flatMap((item) =>
        item.constant === undefined || item.constant === null ? [] : [item.constant as Scalar]
      );
      const types = new Set(items.map((item) => item.type).filter((type) => type !== 'null'));
      const type = types.has('double')
        ? 'double'
        : types.has('long')
          ? 'long'
          : ([...types][0] ?? 'null');
      return constant(
        node,
        type,
        values.length === 0 ? null : values.length === 1 ? values[0] : values
      );
    }
    case 'param': {
      const param = scope.params.get(node.name);
      if (!param) throw parsingError(node.position, `Unknown query parameter [${node.name}]`);
      return constant(node, param.type, param.value);
    }
    case 'field':
      return compileField(node, scope);
    case 'span': {
      const span = parseSpan(node.amount, node.unit);
      if (!span) throw parsingError(node.position, `Unexpected temporal unit: '${node.unit}'`);
      return spanCompiled(node, span);
    }
    case 'call':
      return compileCall(node, scope, compileExpression, parseSpan);
    case 'arithmetic':
      return compileArithmetic(node, scope);
    case 'negate': {
      const operand = compileExpression(node.operand, scope);
      if (!operand.resolved) return unresolved(node);
      if (operand.span) {
        const span = operand.span;
        return spanCompiled(node, {
          ...span,
          months: -span.months,
          days: -span.days,
          millis: -span.millis,
        });
      }
      if (!NUMERIC_TYPES.has(operand.type)) {
        addProblem(
          scope,
          node.position,
          `argument of [${node.text}] must be [numeric, date_period or time_duration], found value [${operand.site.text}] type [${typeName(operand.type)}]`
        );
        return unresolved(node);
      }
      const site = siteOf(node);
      return finish(node, operand.type, [operand], (row) => {
        const value = single(operand.evaluate(row), site, scope.warnings);
        return value === undefined ? null : -Number(value);
      });
    }
    case 'compare':
      return compileComparison(node, scope);
    case 'logical':
      return compileLogical(node, scope);
    case 'not':
      return compileNot(node, scope);
    case 'isNull': {
      const operand = compileExpression(node.operand, scope);
      if (!operand.resolved) return unresolved(node);
      const negated = node.negated;
      return finish(
        node,
        'boolean',
        [operand],
        (row) => (operand.evaluate(row) === null) !== negated
      );
    }
    case 'in':
      return compileIn(node, scope);
    case 'cast':
      return compileCall(
        {
          kind: 'call',
          name: castFunction(node),
          args: [node.operand],
          star: false,
          position: node.position,
          offset: node.offset,
          text: node.text,
        },
        scope,
        compileExpression,
        parseSpan
      );
    default:
      return unresolved(node);
  }
}

const CAST_FUNCTIONS: Record<string, string> = {
  keyword: 'TO_STRING',
  string: 'TO_STRING',
  text: 'TO_STRING',
  ip: 'TO_IP',
  datetime: 'TO_DATETIME',
  date: 'TO_DATETIME',
  long: 'TO_LONG',
  integer: 'TO_INTEGER',
  int: 'TO_INTEGER',
  double: 'TO_DOUBLE',
  boolean: 'TO_BOOLEAN',
  bool: 'TO_BOOLEAN',
};

function castFunction(node: Extract<Expression, { kind: 'cast' }>): string {
  const name = CAST_FUNCTIONS[node.target];
  if (!name) throw unsupported(node.position, `casts to [${node.target}]`);
  return name;
}
