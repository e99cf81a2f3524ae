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
  suggestion,
} from './esql_compiled';
import { compileExpression } from './esql_expressions';
import { compileAggregate, type AggregateState } from './esql_aggregations';
import {
  compareScalars,
  isRepresentable,
  typeName,
  valuesOf,
  type EsqlType,
  type Value,
} from './esql_values';
import { parsingError, unsupported } from './errors';
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
  return (rows) =>
    rows.map((row) => {
      let current = row;
      for (const { compiled, keep } of steps) {
        const value = compiled.evaluate(current);
        // Each row array belongs to one place in the pipeline, so it can grow in place.
        if (keep.length !== current.length) current = keep.map((index) => current[index]);
        current.push(value);
      }
      return current;
    });
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

/** Stands for a null key in the grouping maps. */
const NO_STATE: AggregateState = { add: () => undefined, result: () => null };

const NULL_KEY = Symbol('null');

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
  const createStates = () => aggregates.map(({ aggregator }) => aggregator?.create() ?? NO_STATE);
  const arguments_ = aggregates.map(({ aggregator }) => aggregator?.argument);
  return (rows) => {
    // Groups in a tree of maps, one level per key: values keep their type (1 is not "1").
    const root = new Map<unknown, unknown>();
    const groupsFound: Array<{ keys: Value[]; states: AggregateState[] }> = [];
    const stateFor = (keys: Value[]) => {
      let node = root;
      for (let level = 0; level < keys.length - 1; level += 1) {
        const key = keys[level] ?? NULL_KEY;
        let next = node.get(key) as Map<unknown, unknown> | undefined;
        if (!next) {
          next = new Map();
          node.set(key, next);
        }
        node = next;
      }
      const last = keys.length > 0 ? (keys[keys.length - 1] ?? NULL_KEY) : NULL_KEY;
      let entry = node.get(last) as { keys: Value[]; states: AggregateState[] } | undefined;
      if (!entry) {
        entry = { keys: keys.slice(), states: createStates() };
        node.set(last, entry);
        groupsFound.push(entry);
      }
      return entry;
    };
    if (groups.length === 0) stateFor([]);
    const keyValues: Value[] = new Array(groups.length);
    const argumentValues: Value[] = new Array(aggregates.length);
    for (const row of rows) {
      let multiValued = false;
      for (let index = 0; index < groups.length; index += 1) {
        keyValues[index] = groups[index].compiled.evaluate(row);
        if (Array.isArray(keyValues[index])) multiValued = true;
      }
      // Each argument once per row, whatever the number of groups the row falls in.
      for (let index = 0; index < aggregates.length; index += 1) {
        argumentValues[index] = arguments_[index]?.evaluate(row) ?? null;
      }
      if (!multiValued) {
        const { states } = stateFor(keyValues);
        for (let index = 0; index < states.length; index += 1)
          states[index].add(argumentValues[index]);
        continue;
      }
      for (const keys of keyCombinations(keyValues)) {
        const { states } = stateFor(keys);
        for (let index = 0; index < states.length; index += 1)
          states[index].add(argumentValues[index]);
      }
    }
    return groupsFound.map(({ keys, states }) => {
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
  const names = schema.filter((column) => !column.origin.refusal).map((column) => column.name);
  addProblem(
    scope,
    pattern.position,
    `Unknown column [${pattern.pattern}]${suggestion(scope, pattern.pattern, names)}`
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
