/**
 * The processing commands: each is analysed against the columns it receives (so an unknown column
 * is found before anything runs) and becomes a stage over rows. Semantics follow the command
 * reference pages (elastic/elasticsearch:docs/reference/query-languages/esql/commands/*.md):
 * - WHERE keeps only rows whose condition is true (null is dropped);
 * - EVAL and STATS drop an earlier column of the same name; EVAL appends, STATS outputs its
 *   aggregates in written order and then its BY keys;
 * - STATS … BY a multi-valued key puts the row in the group of each value;
 * - SORT puts nulls last ascending and first descending, and sorts a multi-value by its lowest
 *   value ascending and its highest descending;
 * - KEEP orders columns by pattern, an exact name winning over `a*`, which wins over `*`.
 */
import type { Command, NamedExpression, NamePattern, Query } from './esql_ast';
import {
  addProblem,
  type Column,
  type Compiled,
  type CompileScope,
  type Row,
} from './esql_compiled';
import { compileExpression } from './esql_expressions';
import { AGGREGATE_FUNCTIONS } from './esql_functions';
import {
  compareScalars,
  isRepresentable,
  NUMERIC_TYPES,
  typeName,
  valuesOf,
  type EsqlType,
  type Scalar,
  type Value,
} from './esql_values';
import { didYouMean, findSimilar, parsingError, unsupported } from './errors';
import { globToRegExp } from './mappings';

export type Stage = (rows: Row[]) => Row[];

export interface Plan {
  schema: Column[];
  stages: Stage[];
  /** The query wrote a LIMIT somewhere (ES then caps at the maximum instead of the default). */
  hasLimit: boolean;
}

/** What FROM hands the pipeline: its columns and a reader of the rows. */
export interface SourceRelation {
  columns: Column[];
  scan(columns: Column[]): Row[];
}

function derived(name: string, type: EsqlType, broken = false): Column {
  return { name, type, origin: { used: false, broken } };
}

function withColumn(schema: Column[], column: Column): Column[] {
  return [...schema.filter((existing) => existing.name !== column.name), column];
}

function fieldName(field: NamedExpression): string {
  if (field.name !== undefined) return field.name;
  return field.expression.kind === 'field' ? field.expression.name : field.expression.text;
}

function compileRowExpression(field: NamedExpression, scope: CompileScope): Compiled {
  const compiled = compileExpression(field.expression, scope);
  if (compiled.resolved && compiled.span) {
    throw unsupported(field.expression.position, `a ${compiled.span.type} as a column value`);
  }
  return compiled;
}

function planEval(fields: NamedExpression[], scope: CompileScope): Stage {
  const steps: Array<{ compiled: Compiled; keep: number[] }> = [];
  for (const field of fields) {
    const compiled = compileRowExpression(field, scope);
    const name = fieldName(field);
    const keep = scope.schema.flatMap((column, index) => (column.name === name ? [] : [index]));
    scope.schema = withColumn(scope.schema, derived(name, compiled.type, !compiled.resolved));
    steps.push({ compiled, keep });
  }
  return (rows) => {
    let current = rows;
    for (const { compiled, keep } of steps) {
      current = current.map((row) => {
        const value = compiled.evaluate(row);
        const next = keep.length === row.length ? row.slice() : keep.map((index) => row[index]);
        next.push(value);
        return next;
      });
    }
    return current;
  };
}

function planWhere(command: Extract<Command, { kind: 'where' }>, scope: CompileScope): Stage {
  const condition = compileExpression(command.condition, scope);
  if (condition.resolved && condition.type !== 'boolean' && condition.type !== 'null') {
    addProblem(
      scope,
      command.condition.position,
      `Condition expression needs to be boolean, found [${typeName(condition.type).toUpperCase()}]`
    );
  }
  return (rows) => rows.filter((row) => condition.evaluate(row) === true);
}

interface Aggregator {
  type: EsqlType;
  create(): AggregateState;
}

interface AggregateState {
  add(row: Row): void;
  result(): Value;
}

function compileAggregate(field: NamedExpression, scope: CompileScope): Aggregator | undefined {
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
    return {
      type: 'long',
      create: () => {
        let count = 0;
        return { add: () => (count += 1), result: () => count };
      },
    };
  }
  const expected = name === 'COUNT_DISTINCT' ? [1, 2] : [1, 1];
  if (node.star || node.args.length < expected[0] || node.args.length > expected[1]) {
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
  if (!isRepresentable(type)) {
    addProblem(
      scope,
      node.position,
      `argument of [${node.text}] must be a column value, found [${typeName(type)}]`
    );
    return undefined;
  }
  const read = (row: Row) => valuesOf(argument.evaluate(row));
  switch (name) {
    case 'COUNT':
      return {
        type: 'long',
        create: () => {
          let count = 0;
          return { add: (row) => (count += read(row).length), result: () => count };
        },
      };
    case 'COUNT_DISTINCT':
      // Exact here; ES counts with HyperLogLog++, exact below its precision threshold (3,000).
      return {
        type: 'long',
        create: () => {
          const seen = new Set<Scalar>();
          return {
            add: (row) => read(row).forEach((value) => seen.add(value)),
            result: () => seen.size,
          };
        },
      };
    case 'VALUES':
      // ES promises no order; first-seen order here, so no caller may rely on one.
      return {
        type,
        create: () => {
          const seen = new Set<Scalar>();
          return {
            add: (row) => read(row).forEach((value) => seen.add(value)),
            result: () => {
              const values = [...seen];
              return values.length === 0 ? null : values.length === 1 ? values[0] : values;
            },
          };
        },
      };
    case 'MIN':
    case 'MAX': {
      if (type === 'text' || type === 'null') {
        addProblem(
          scope,
          node.position,
          `argument of [${node.text}] must be [representable except text], found value [${argument.site.text}] type [${typeName(type)}]`
        );
        return undefined;
      }
      const sign = name === 'MIN' ? 1 : -1;
      return {
        type,
        create: () => {
          let best: Scalar | null = null;
          return {
            add: (row) =>
              read(row).forEach((value) => {
                if (best === null || sign * compareScalars(type, value, best) < 0) best = value;
              }),
            result: () => best,
          };
        },
      };
    }
    default: {
      if (!NUMERIC_TYPES.has(type)) {
        addProblem(
          scope,
          node.position,
          `argument of [${node.text}] must be [numeric except unsigned_long or counter types], found value [${argument.site.text}] type [${typeName(type)}]`
        );
        return undefined;
      }
      return {
        type: type === 'double' ? 'double' : 'long',
        create: () => {
          let sum = 0;
          let seen = false;
          return {
            add: (row) =>
              read(row).forEach((value) => {
                sum += Number(value);
                seen = true;
              }),
            result: () => (seen ? sum : null),
          };
        },
      };
    }
  }
}

/** The cartesian product of each key's values; an empty key is the null group. */
function keyCombinations(values: Value[]): Value[][] {
  let combinations: Value[][] = [[]];
  for (const value of values) {
    const options: Value[] = value === null ? [null] : Array.isArray(value) ? value : [value];
    if (options.length === 1) {
      for (const combination of combinations) combination.push(options[0]);
      continue;
    }
    combinations = combinations.flatMap((combination) =>
      options.map((option) => [...combination, option])
    );
  }
  return combinations;
}

function planStats(command: Extract<Command, { kind: 'stats' }>, scope: CompileScope): Stage {
  const groups = command.groups.map((group) => {
    const compiled = compileRowExpression(group, scope);
    return { name: fieldName(group), compiled };
  });
  const aggregates = command.aggregates.map((aggregate) => ({
    name: fieldName(aggregate),
    aggregator: compileAggregate(aggregate, scope),
  }));
  let schema: Column[] = [];
  for (const aggregate of aggregates) {
    schema = withColumn(
      schema,
      derived(aggregate.name, aggregate.aggregator?.type ?? 'null', !aggregate.aggregator)
    );
  }
  for (const group of groups) {
    schema = withColumn(schema, derived(group.name, group.compiled.type, !group.compiled.resolved));
  }
  // Output positions after duplicates are dropped: the last column of a name wins.
  const outputs = [
    ...aggregates.map((aggregate) => aggregate.name),
    ...groups.map((group) => group.name),
  ].map((name, index, all) => (all.lastIndexOf(name) === index ? index : -1));
  scope.schema = schema;
  return (rows) => {
    const table = new Map<string, { keys: Value[]; states: AggregateState[] }>();
    const stateFor = (keys: Value[]) => {
      const id = JSON.stringify(keys);
      let entry = table.get(id);
      if (!entry) {
        entry = {
          keys,
          states: aggregates.map(
            ({ aggregator }) => aggregator?.create() ?? { add: () => undefined, result: () => null }
          ),
        };
        table.set(id, entry);
      }
      return entry;
    };
    if (groups.length === 0) stateFor([]);
    for (const row of rows) {
      const keyValues = groups.map((group) => group.compiled.evaluate(row));
      for (const keys of keyCombinations(keyValues)) {
        for (const state of stateFor(keys).states) state.add(row);
      }
    }
    return [...table.values()].map(({ keys, states }) => {
      const full = [...states.map((state) => state.result()), ...keys];
      return outputs.flatMap((position) => (position === -1 ? [] : [full[position]]));
    });
  };
}

function planSort(command: Extract<Command, { kind: 'sort' }>, scope: CompileScope): Stage {
  const keys = command.items.map((item) => {
    const compiled = compileExpression(item.expression, scope);
    if (compiled.resolved && !isRepresentable(compiled.type)) {
      addProblem(scope, item.expression.position, `cannot sort on ${typeName(compiled.type)}`);
    }
    return {
      compiled,
      descending: item.descending,
      // ES: null sorts as the largest value, so last ascending and first descending.
      nullsFirst: item.nullsFirst ?? item.descending,
    };
  });
  return (rows) => {
    const decorated = rows.map((row) => ({
      row,
      values: keys.map(({ compiled, descending }) => {
        const values = valuesOf(compiled.evaluate(row));
        if (values.length === 0) return null;
        let pick = values[0];
        for (const value of values) {
          const order = compareScalars(compiled.type, value, pick);
          if (descending ? order > 0 : order < 0) pick = value;
        }
        return pick;
      }),
    }));
    decorated.sort((a, b) => {
      for (const [index, { compiled, descending, nullsFirst }] of keys.entries()) {
        const left = a.values[index];
        const right = b.values[index];
        if (left === null && right === null) continue;
        if (left === null) return nullsFirst ? -1 : 1;
        if (right === null) return nullsFirst ? 1 : -1;
        const order = compareScalars(compiled.type, left, right);
        if (order !== 0) return descending ? -order : order;
      }
      return 0;
    });
    return decorated.map((entry) => entry.row);
  };
}

function planLimit(command: Extract<Command, { kind: 'limit' }>, scope: CompileScope): Stage {
  const compiled = compileExpression(command.count, scope);
  const count = compiled.constant;
  if (
    !compiled.foldable ||
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    compiled.type === 'double'
  ) {
    throw parsingError(
      command.count.position,
      `Invalid value for LIMIT [${command.count.text}], expecting a non negative integer`
    );
  }
  return (rows) => rows.slice(0, count);
}

function precedence(pattern: NamePattern): number {
  if (!pattern.hasWildcard) return 3;
  return pattern.pattern === '*' ? 1 : 2;
}

function unmatched(pattern: NamePattern, schema: Column[], scope: CompileScope): void {
  if (pattern.hasWildcard) {
    addProblem(scope, pattern.position, `No matches found for pattern [${pattern.pattern}]`);
    return;
  }
  const names = schema.map((column) => column.name);
  addProblem(
    scope,
    pattern.position,
    `Unknown column [${pattern.pattern}]${didYouMean(findSimilar(pattern.pattern, names))}`
  );
}

function matcherOf(pattern: NamePattern): (name: string) => boolean {
  if (!pattern.hasWildcard) return (name) => name === pattern.pattern;
  const regex = globToRegExp(pattern.pattern);
  return (name) => regex.test(name);
}

function planKeep(patterns: NamePattern[], scope: CompileScope): Stage {
  const matchers = patterns.map(matcherOf);
  const assigned = scope.schema.map((column) => {
    let best = -1;
    for (const [index, pattern] of patterns.entries()) {
      if (!matchers[index](column.name)) continue;
      // Higher precedence wins; at equal precedence the rightmost pattern wins.
      if (best === -1 || precedence(pattern) >= precedence(patterns[best])) best = index;
    }
    return best;
  });
  patterns.forEach((pattern, index) => {
    if (!scope.schema.some((column) => matchers[index](column.name)))
      unmatched(pattern, scope.schema, scope);
  });
  const order = scope.schema
    .map((_, index) => index)
    .filter((index) => assigned[index] !== -1)
    .sort((a, b) => assigned[a] - assigned[b] || a - b);
  scope.schema = order.map((index) => scope.schema[index]);
  return (rows) => rows.map((row) => order.map((index) => row[index]));
}

function planDrop(patterns: NamePattern[], scope: CompileScope): Stage {
  const matchers = patterns.map(matcherOf);
  patterns.forEach((pattern, index) => {
    if (!scope.schema.some((column) => matchers[index](column.name)))
      unmatched(pattern, scope.schema, scope);
  });
  const keep = scope.schema
    .map((_, index) => index)
    .filter((index) => !matchers.some((matches) => matches(scope.schema[index].name)));
  scope.schema = keep.map((index) => scope.schema[index]);
  return (rows) => rows.map((row) => keep.map((index) => row[index]));
}

function planRename(command: Extract<Command, { kind: 'rename' }>, scope: CompileScope): Stage {
  let positions = scope.schema.map((_, index) => index);
  for (const { from, to } of command.pairs) {
    if (from.hasWildcard || to.hasWildcard)
      throw unsupported(from.position, 'RENAME with patterns');
    const index = scope.schema.findIndex((column) => column.name === from.pattern);
    if (index === -1) {
      unmatched(from, scope.schema, scope);
      continue;
    }
    const renamed = { ...scope.schema[index], name: to.pattern };
    const keep = scope.schema
      .map((_, position) => position)
      .filter((position) => position === index || scope.schema[position].name !== to.pattern);
    scope.schema = keep.map((position) => (position === index ? renamed : scope.schema[position]));
    positions = keep.map((position) => positions[position]);
  }
  const final = positions;
  return (rows) => rows.map((row) => final.map((index) => row[index]));
}

function planMvExpand(field: NamePattern, scope: CompileScope): Stage {
  if (field.hasWildcard) throw unsupported(field.position, 'MV_EXPAND with a pattern');
  const index = scope.schema.findIndex((column) => column.name === field.pattern);
  if (index === -1) {
    unmatched(field, scope.schema, scope);
    return (rows) => rows;
  }
  scope.schema[index].origin.used = true;
  return (rows) =>
    rows.flatMap((row) => {
      const value = row[index];
      if (!Array.isArray(value)) return [row];
      return value.map((item) => {
        const copy = row.slice();
        copy[index] = item;
        return copy;
      });
    });
}

function planRow(command: Extract<Command, { kind: 'row' }>, scope: CompileScope): Stage {
  const values: Compiled[] = [];
  for (const field of command.fields) {
    const compiled = compileRowExpression(field, { ...scope, schema: [] });
    const name = fieldName(field);
    const index = scope.schema.findIndex((column) => column.name === name);
    if (index !== -1) {
      scope.schema.splice(index, 1);
      values.splice(index, 1);
    }
    scope.schema.push(derived(name, compiled.type, !compiled.resolved));
    values.push(compiled);
  }
  return () => [values.map((compiled) => compiled.evaluate([]))];
}

/**
 * Analyses every command in order against the columns each receives, collecting problems, and
 * returns the stages to run. `relation` answers FROM.
 */
export function planQuery(query: Query, scope: CompileScope, relation: SourceRelation): Plan {
  const stages: Stage[] = [];
  let hasLimit = false;
  for (const command of query.commands) {
    switch (command.kind) {
      case 'from': {
        scope.schema = relation.columns.slice();
        const columns = relation.columns;
        stages.push(() => relation.scan(columns));
        break;
      }
      case 'row':
        stages.push(planRow(command, scope));
        break;
      case 'where':
        stages.push(planWhere(command, scope));
        break;
      case 'eval':
        stages.push(planEval(command.fields, scope));
        break;
      case 'stats':
        stages.push(planStats(command, scope));
        break;
      case 'sort':
        stages.push(planSort(command, scope));
        break;
      case 'limit':
        hasLimit = true;
        stages.push(planLimit(command, scope));
        break;
      case 'keep':
        stages.push(planKeep(command.patterns, scope));
        break;
      case 'drop':
        stages.push(planDrop(command.patterns, scope));
        break;
      case 'rename':
        stages.push(planRename(command, scope));
        break;
      case 'mv_expand':
        stages.push(planMvExpand(command.field, scope));
        break;
      default:
        break;
    }
  }
  for (const column of scope.schema) column.origin.used = true;
  return { schema: scope.schema, stages, hasLimit };
}
