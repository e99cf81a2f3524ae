/**
 * `POST /_query` over the fake cluster: the request body as Elasticsearch reads it (query, named or
 * positional params, filter, columnar), index resolution, analysis, execution and the response
 * (`took`, `is_partial`, `columns`, `values`, with `drop_null_columns` and `all_columns`).
 * Row limits follow ES: without a LIMIT anywhere the result stops at 1,000 rows and a warning says
 * so; with one, at most 10,000 rows come back (Analyzer.AddImplicitLimit;
 * `esql.query.result_truncation_default_size` and `…_max_size`).
 */
import { performance } from 'perf_hooks';
import type { Command, Expression, Query } from './esql_ast';
import { planQuery, type SourceRelation } from './esql_commands';
import type { Column, CompileScope, ParamValue, Row } from './esql_compiled';
import { parseEsql } from './esql_parser';
import { outputTypeName, outputValue, type EsqlType, type Value } from './esql_values';
import { Warnings } from './esql_warnings';
import {
  at,
  didYouMean,
  EsError,
  findSimilar,
  parsingError,
  unsupported,
  verificationError,
} from './errors';
import { resolveIndexPatterns, type FakeIndex } from './indices';
import { esqlTypeOf } from './mappings';
import { compileFilter, type IndexFilter } from './query_dsl';

export const DEFAULT_RESULT_ROWS = 1_000;
export const MAX_RESULT_ROWS = 10_000;

/**
 * What a query whose every FROM pattern is a wildcard matching nothing gets. Elasticsearch PR
 * #139181 ("ESQL: allow empty results", merged December 2025, in the 9.3 line) made it an empty
 * result with no columns; before, it was `Unknown index [pattern]`. 'empty' is the default here;
 * 'unknown_index' keeps the older answer for tests of clusters from before that change.
 */
export type EmptyPatternAnswer = 'empty' | 'unknown_index';

export interface EsqlOptions {
  /** NOW() and `now` in the filter's date math; defaults to the real clock. */
  now?: number;
  dropNullColumns?: boolean;
  emptyPatternAnswer?: EmptyPatternAnswer;
}

export interface EsqlAnswer {
  body: Record<string, unknown>;
  /** `Warning` header values, formatted as Elasticsearch sends them. */
  warnings: string[];
  /** The warning texts alone, for tests. */
  warningTexts: string[];
}

/** Body fields `POST /_query` reads (RequestXContent); the async API's own are taken off first. */
const BODY_FIELDS = new Set([
  'query',
  'params',
  'filter',
  'columnar',
  'locale',
  'profile',
  'include_ccs_metadata',
  'include_execution_metadata',
  'time_zone',
  'tables',
  'pragma',
  'accept_pragma_risks',
]);
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INT_MAX = 2_147_483_647;

function xContentError(reason: string): EsError {
  return new EsError(400, 'x_content_parse_exception', reason);
}

function paramScalarType(value: unknown): EsqlType | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'keyword';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return Math.abs(value) <= INT_MAX ? 'integer' : 'long';
  }
  return undefined;
}

function paramValue(raw: unknown, label: string): ParamValue {
  let value = raw;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const keys = Object.keys(raw);
    if (keys.includes('identifier') || keys.includes('pattern')) {
      throw unsupported(undefined, 'identifier and pattern params');
    }
    if (keys.length !== 1 || !keys.includes('value')) {
      throw xContentError(
        `Failed to parse params: [${label}] must have exactly one of [value, identifier, pattern]`
      );
    }
    value = (raw as { value: unknown }).value;
  }
  if (Array.isArray(value)) {
    const types = new Set(value.map(paramScalarType));
    if (types.has(undefined))
      throw xContentError(`Failed to parse params: [${label}] is not supported as a parameter`);
    const type = types.has('double')
      ? 'double'
      : types.has('long')
        ? 'long'
        : ([...types][0] ?? 'null');
    const items = value as Array<string | number | boolean>;
    return {
      value: items.length === 0 ? null : items.length === 1 ? items[0] : items,
      type: type as EsqlType,
    };
  }
  const type = paramScalarType(value);
  if (!type)
    throw xContentError(
      `Failed to parse params: [${label}] ${typeof value} is not supported as a parameter`
    );
  return { value: value as Value, type };
}

/** `params`: `[{ "name": value }, …]` (named) or `[value, …]` (positional), never both. */
export function parseParams(raw: unknown): Map<string, ParamValue> {
  const params = new Map<string, ParamValue>();
  if (raw === undefined || raw === null) return params;
  if (!Array.isArray(raw)) {
    throw xContentError(
      "Failed to parse params: Unexpected token, expected START_ARRAY. Please check documentation for the correct format of the 'params' field."
    );
  }
  const named: string[] = [];
  const unnamed: string[] = [];
  const errors: string[] = [];
  raw.forEach((entry, index) => {
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const keys = Object.keys(entry);
      if (keys.length !== 1) {
        errors.push('Cannot parse more than one key:value pair as parameter');
        return;
      }
      const [name] = keys;
      if (!PARAM_NAME.test(name)) {
        errors.push(
          `[${name}] is not a valid parameter name, a valid parameter name starts with a letter or underscore, and contains letters, digits and underscores only`
        );
        return;
      }
      named.push(`{${name}:${JSON.stringify((entry as Record<string, unknown>)[name])}}`);
      params.set(name, paramValue((entry as Record<string, unknown>)[name], name));
      return;
    }
    unnamed.push(`{${JSON.stringify(entry)}}`);
    params.set(String(index + 1), paramValue(entry, String(index + 1)));
  });
  if (named.length > 0 && unnamed.length > 0) {
    errors.push(
      `Params cannot contain both named and unnamed parameters; got [${named.join(', ')}] and [${unnamed.join(', ')}]`
    );
  }
  if (errors.length > 0) throw xContentError(`Failed to parse params: ${errors.join('; ')}`);
  return params;
}

function walkExpression(node: Expression, visit: (node: Expression) => void): void {
  visit(node);
  switch (node.kind) {
    case 'list':
      node.items.forEach((item) => walkExpression(item, visit));
      break;
    case 'call':
      node.args.forEach((arg) => walkExpression(arg, visit));
      break;
    case 'arithmetic':
    case 'compare':
    case 'logical':
      walkExpression(node.left, visit);
      walkExpression(node.right, visit);
      break;
    case 'negate':
    case 'not':
    case 'isNull':
    case 'cast':
      walkExpression(node.operand, visit);
      break;
    case 'in':
      walkExpression(node.operand, visit);
      node.list.forEach((item) => walkExpression(item, visit));
      break;
    default:
      break;
  }
}

function commandExpressions(command: Command): Expression[] {
  switch (command.kind) {
    case 'row':
    case 'eval':
      return command.fields.map((field) => field.expression);
    case 'where':
      return [command.condition];
    case 'stats':
      return [...command.aggregates, ...command.groups].map((field) => field.expression);
    case 'sort':
      return command.items.map((item) => item.expression);
    case 'limit':
      return [command.count];
    default:
      return [];
  }
}

/**
 * Every `?param` must have a value: a missing one is a parsing_exception naming it, with close
 * names suggested (ExpressionBuilder.visitInputNamedOrPositionalParam). Params the query does not
 * use are accepted, as Elasticsearch checks only the ones referenced.
 */
function checkParams(query: Query, params: ReadonlyMap<string, ParamValue>): void {
  for (const command of query.commands) {
    for (const expression of commandExpressions(command)) {
      walkExpression(expression, (node) => {
        if (node.kind !== 'param' || params.has(node.name)) return;
        if (/^\d+$/.test(node.name)) {
          throw parsingError(
            node.position,
            `No parameter is defined for position ${node.name}, did you mean any position between 1 and ${params.size}?`
          );
        }
        const names = [...params.keys()].filter((name) => !/^\d+$/.test(name));
        throw parsingError(
          node.position,
          `Unknown query parameter [${node.name}]${didYouMean(findSimilar(node.name, names))}`
        );
      });
    }
  }
}

interface Resolution {
  indices: FakeIndex[];
}

/** Columns of the matched indices: the union of their mappings, conflicts and unmodelled types marked. */
function relationOf(resolution: Resolution, filter: IndexFilter | undefined): SourceRelation {
  const byName = new Map<string, Map<string, string[]>>();
  const esTypes = new Map<string, string>();
  for (const index of resolution.indices) {
    for (const [field, mapping] of index.fields) {
      const type = esqlTypeOf(mapping);
      if (!type) esTypes.set(field, mapping.type);
      const key = type ?? `unmodelled:${mapping.type}`;
      const types = byName.get(field) ?? new Map<string, string[]>();
      types.set(key, [...(types.get(key) ?? []), index.concreteName]);
      byName.set(field, types);
    }
  }
  const columns: Column[] = [...byName.keys()].sort().map((name) => {
    const types = byName.get(name) ?? new Map<string, string[]>();
    if (types.size > 1) {
      const described = [...types.entries()].map(
        ([type, indices]) => `[${type.replace('unmodelled:', '')}] in [${indices.join(', ')}]`
      );
      const last = described.pop();
      return {
        name,
        type: 'unsupported',
        origin: {
          field: name,
          used: false,
          refusal: {
            kind: 'conflict',
            message: `Cannot use field [${name}] due to ambiguities being mapped as [${types.size}] incompatible types: ${described.join(', ')} and ${last}`,
          },
        },
      };
    }
    const [type] = [...types.keys()];
    if (type.startsWith('unmodelled:')) {
      return {
        name,
        type: 'unsupported',
        origin: {
          field: name,
          used: false,
          refusal: { kind: 'unmodelled', esType: esTypes.get(name) ?? type },
        },
      };
    }
    return { name, type: type as EsqlType, origin: { field: name, used: false } };
  });
  return {
    columns,
    scan: (wanted) => {
      const rows: Row[] = [];
      for (const index of resolution.indices) {
        const readers = wanted.map((column) =>
          column.origin.field && index.fields.has(column.origin.field) && !column.origin.refusal
            ? index.docValues(column.origin.field)
            : undefined
        );
        const keep = filter?.(index);
        const count = index.documents.length;
        for (let document = 0; document < count; document += 1) {
          if (keep && !keep(document)) continue;
          const row: Row = new Array(readers.length);
          for (let column = 0; column < readers.length; column += 1) {
            row[column] = readers[column]?.[document] ?? null;
          }
          rows.push(row);
        }
      }
      return rows;
    },
  };
}

function indexHasMatch(index: FakeIndex, filter: IndexFilter): boolean {
  const test = filter(index);
  for (let document = 0; document < index.documents.length; document += 1) {
    if (test(document)) return true;
  }
  return false;
}

interface Analysed {
  schema: Column[];
  rows: Row[];
  hasLimit: boolean;
}

function analyse(
  query: Query,
  params: ReadonlyMap<string, ParamValue>,
  now: number,
  warnings: Warnings,
  relation: SourceRelation,
  suggest = true
): { plan: ReturnType<typeof planQuery>; problems: string[]; relation: SourceRelation } {
  const scope: CompileScope = { schema: [], params, now, warnings, problems: [], suggest };
  const plan = planQuery(query, scope, relation);
  return { plan, problems: scope.problems, relation };
}

function execute(
  query: Query,
  params: ReadonlyMap<string, ParamValue>,
  now: number,
  warnings: Warnings,
  candidates: Resolution[],
  filter: IndexFilter | undefined
): Analysed {
  // ES resolves indices with the request filter first and, if the query then fails to verify,
  // again without it (EsqlSession, elastic/elasticsearch#116755).
  let lastProblems: string[] = [];
  for (const [attempt, resolution] of candidates.entries()) {
    const relation = relationOf(resolution, filter);
    const last = attempt === candidates.length - 1;
    const first = analyse(query, params, now, new Warnings(), relation, last);
    if (first.problems.length > 0) {
      lastProblems = first.problems;
      continue;
    }
    // Read only the FROM fields the query uses or returns, as ES loads only those.
    const needed = relation.columns.filter((column) => column.origin.used);
    const narrowed: SourceRelation = {
      columns: needed.map((column) => ({ ...column, origin: { ...column.origin, used: false } })),
      scan: relation.scan,
    };
    const { plan } = analyse(query, params, now, warnings, narrowed);
    let rows: Row[] = [];
    for (const stage of plan.stages) rows = stage(rows);
    return { schema: plan.schema, rows, hasLimit: plan.hasLimit };
  }
  throw verificationError(lastProblems);
}

function sourceCommand(query: Query): Extract<Command, { kind: 'from' }> | undefined {
  const first = query.commands[0];
  return first?.kind === 'from' ? first : undefined;
}

/** Runs one `POST /_query` body against the indices; Elasticsearch errors are thrown as EsError. */
export function runEsql(
  indices: readonly FakeIndex[],
  body: unknown,
  options: EsqlOptions = {}
): EsqlAnswer {
  const started = performance.now();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw xContentError('request body is required');
  }
  const request = body as Record<string, unknown>;
  for (const key of Object.keys(request)) {
    if (!BODY_FIELDS.has(key)) throw xContentError(`[1:2] [esql/query] unknown field [${key}]`);
  }
  if (typeof request.query !== 'string' || request.query.trim() === '') {
    throw new EsError(
      400,
      'action_request_validation_exception',
      'Validation Failed: 1: [query] is required;'
    );
  }
  if (request.tables !== undefined) throw unsupported(undefined, 'the `tables` request field');
  if (request.pragma !== undefined) throw unsupported(undefined, 'pragmas');
  if (request.profile === true) throw unsupported(undefined, 'profiling');
  if (
    request.time_zone !== undefined &&
    !['Z', 'UTC', '+00:00'].includes(String(request.time_zone))
  ) {
    throw unsupported(undefined, `the time_zone [${String(request.time_zone)}]`);
  }
  const now = options.now ?? Date.now();
  const params = parseParams(request.params);
  const query = parseEsql(request.query);
  checkParams(query, params);
  const filter = compileFilter(request.filter, now);
  const warnings = new Warnings();

  const from = sourceCommand(query);
  let candidates: Resolution[] = [{ indices: [] }];
  if (from) {
    const dateMath = from.sources.find((source) => source.pattern.startsWith('<'));
    if (dateMath) throw unsupported(dateMath.position, 'date math in index names');
    const resolved = resolveIndexPatterns(
      indices,
      from.sources.map((source) => source.pattern)
    );
    if (resolved.missing.length > 0) {
      throw verificationError([
        `${at(from.position)}Unknown index [${resolved.missing.join(',')}]`,
      ]);
    }
    if (resolved.indices.length === 0) {
      if (options.emptyPatternAnswer === 'unknown_index') {
        const patterns = from.sources.map((source) => source.pattern).join(',');
        throw verificationError([`${at(from.position)}Unknown index [${patterns}]`]);
      }
      return respond({ schema: [], rows: [], hasLimit: true }, warnings, started, options, request);
    }
    const matching = filter
      ? resolved.indices.filter((index) => indexHasMatch(index, filter))
      : resolved.indices;
    candidates =
      filter && matching.length > 0 && matching.length < resolved.indices.length
        ? [{ indices: matching }, { indices: resolved.indices }]
        : [{ indices: resolved.indices }];
  }
  const result = execute(query, params, now, warnings, candidates, filter);
  return respond(result, warnings, started, options, request);
}

function respond(
  result: Analysed,
  warnings: Warnings,
  started: number,
  options: EsqlOptions,
  request: Record<string, unknown>
): EsqlAnswer {
  const limit = result.hasLimit ? MAX_RESULT_ROWS : DEFAULT_RESULT_ROWS;
  if (!result.hasLimit)
    warnings.note(`No limit defined, adding default limit of [${DEFAULT_RESULT_ROWS}]`);
  const unmodelled = result.schema.find((column) => column.origin.refusal?.kind === 'unmodelled');
  if (unmodelled?.origin.refusal?.kind === 'unmodelled') {
    throw unsupported(
      undefined,
      `returning fields of type [${unmodelled.origin.refusal.esType}] (column [${unmodelled.name}])`
    );
  }
  const columns = result.schema.map((column) => ({
    name: column.name,
    type: outputTypeName(column.type),
  }));
  let values = result.rows
    .slice(0, limit)
    .map((row) => row.map((value, index) => outputValue(result.schema[index].type, value)));
  const body: Record<string, unknown> = {
    took: Math.round(performance.now() - started),
    is_partial: false,
  };
  if (options.dropNullColumns) {
    const keep = columns.map((_, index) => values.some((row) => row[index] !== null));
    body.all_columns = columns;
    body.columns = columns.filter((_, index) => keep[index]);
    values = values.map((row) => row.filter((_, index) => keep[index]));
  } else {
    body.columns = columns;
  }
  body.values = values;
  return {
    body: request.columnar === true ? toColumnar(body) : body,
    warnings: warnings.headers(),
    warningTexts: warnings.texts(),
  };
}

/** `columnar: true` answers one array per column instead of one per row. */
export function toColumnar(body: Record<string, unknown>): Record<string, unknown> {
  const values = (body.values as unknown[][]) ?? [];
  const columns = (body.columns as unknown[]) ?? [];
  return { ...body, values: columns.map((_, index) => values.map((row) => row[index])) };
}
