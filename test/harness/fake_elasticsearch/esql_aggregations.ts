/**
 * The aggregate functions of STATS (functions-operators/aggregation-functions.md): each reads every
 * value of its argument, a multi-value's values one by one (COUNT(x) counts values, not rows;
 * COUNT(*) and COUNT() count rows), and skips nulls. COUNT_DISTINCT is exact here where ES is
 * approximate (HyperLogLog++, exact below its default precision threshold of 3,000); VALUES keeps
 * first-seen order, as ES promises no order.
 */
import type { NamedExpression } from './esql_ast';
import { addProblem, type Compiled, type CompileScope } from './esql_compiled';
import { compileExpression } from './esql_expressions';
import { AGGREGATE_FUNCTIONS } from './esql_functions';
import {
  compareScalars,
  isRepresentable,
  NUMERIC_TYPES,
  typeName,
  type EsqlType,
  type Scalar,
  type Value,
} from './esql_values';
import { unsupported } from './errors';

export interface AggregateState {
  /** Adds the argument's value in one row (ignored by COUNT(*)). */
  add(value: Value): void;
  result(): Value;
}

export interface Aggregator {
  type: EsqlType;
  /** The argument, evaluated once per row; none for COUNT(*). */
  argument?: Compiled;
  create(): AggregateState;
}

/**
 * A set of distinct values; most groups hold a handful, so an array serves until it grows, which
 * keeps grouping by many keys from allocating a Set per group.
 */
class DistinctValues {
  private small: Scalar[] = [];
  private large: Set<Scalar> | undefined;

  add(value: Scalar): void {
    if (this.large) {
      this.large.add(value);
      return;
    }
    if (this.small.includes(value)) return;
    this.small.push(value);
    if (this.small.length > 16) {
      this.large = new Set(this.small);
      this.small = [];
    }
  }

  get size(): number {
    return this.large ? this.large.size : this.small.length;
  }

  values(): Scalar[] {
    return this.large ? [...this.large] : this.small;
  }
}

class CountRows implements AggregateState {
  private count = 0;
  add(): void {
    this.count += 1;
  }
  result(): Value {
    return this.count;
  }
}

class CountValues implements AggregateState {
  private count = 0;
  add(value: Value): void {
    if (value !== null) this.count += Array.isArray(value) ? value.length : 1;
  }
  result(): Value {
    return this.count;
  }
}

class Distinct implements AggregateState {
  private readonly seen = new DistinctValues();
  constructor(private readonly countOnly: boolean) {}
  add(value: Value): void {
    if (value === null) return;
    if (Array.isArray(value)) for (const item of value) this.seen.add(item);
    else this.seen.add(value);
  }
  result(): Value {
    if (this.countOnly) return this.seen.size;
    const values = this.seen.values();
    return values.length === 0 ? null : values.length === 1 ? values[0] : values.slice();
  }
}

class Extreme implements AggregateState {
  private best: Scalar | null = null;
  constructor(
    private readonly type: EsqlType,
    private readonly sign: 1 | -1
  ) {}
  private visit(value: Scalar): void {
    if (this.best === null || this.sign * compareScalars(this.type, value, this.best) < 0) {
      this.best = value;
    }
  }
  add(value: Value): void {
    if (value === null) return;
    if (Array.isArray(value)) for (const item of value) this.visit(item);
    else this.visit(value);
  }
  result(): Value {
    return this.best;
  }
}

class Sum implements AggregateState {
  private sum = 0;
  private seen = false;
  add(value: Value): void {
    if (value === null) return;
    for (const item of Array.isArray(value) ? value : [value]) this.sum += Number(item);
    this.seen = true;
  }
  result(): Value {
    return this.seen ? this.sum : null;
  }
}

/** Compiles `name = AGG(expr)`; undefined after a problem (already reported). */
export function compileAggregate(
  field: NamedExpression,
  scope: CompileScope
): Aggregator | undefined {
  const node = field.expression;
  if (node.kind !== 'call' || !AGGREGATE_FUNCTIONS.has(node.name)) {
    if (node.kind === 'field') {
      addProblem(
        scope,
        node.position,
        `column [${node.name}] must appear in the STATS BY clause or be used in an aggregate function`
      );
      return undefined;
    }
    throw unsupported(node.position, 'STATS expressions other than a single aggregate function');
  }
  const name = node.name;
  if (name === 'COUNT' && (node.star || node.args.length === 0)) {
    return { type: 'long', create: () => new CountRows() };
  }
  const arity = name === 'COUNT_DISTINCT' ? [1, 2] : [1, 1];
  if (node.star || node.args.length < arity[0] || node.args.length > arity[1]) {
    addProblem(
      scope,
      node.position,
      `error building [${name.toLowerCase()}]: wrong number of arguments`
    );
    return undefined;
  }
  const argument = compileExpression(node.args[0], { ...scope, inStats: true });
  if (!argument.resolved) return undefined;
  const type = argument.type;
  const problem = (expected: string) => {
    addProblem(
      scope,
      node.position,
      `argument of [${node.text}] must be [${expected}], found value [${argument.site.text}] type [${typeName(type)}]`
    );
    return undefined;
  };
  if (!isRepresentable(type)) return problem('a column value');
  switch (name) {
    case 'COUNT':
      return { type: 'long', argument, create: () => new CountValues() };
    case 'COUNT_DISTINCT':
      return { type: 'long', argument, create: () => new Distinct(true) };
    case 'VALUES':
      return { type, argument, create: () => new Distinct(false) };
    case 'MIN':
    case 'MAX': {
      if (type === 'text' || type === 'null') return problem('representable except text');
      const sign = name === 'MIN' ? 1 : -1;
      return { type, argument, create: () => new Extreme(type, sign) };
    }
    default:
      if (!NUMERIC_TYPES.has(type)) return problem('numeric except unsigned_long or counter types');
      return { type: type === 'double' ? 'double' : 'long', argument, create: () => new Sum() };
  }
}
