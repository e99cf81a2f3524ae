/**
 * What the analyzer turns an expression into: its type, whether it folds to a constant, and a
 * function of a row. Problems found on the way (unknown columns, type mismatches) are collected and
 * reported together, as ES's Verifier does.
 */
import type { Expression } from './esql_ast';
import { at, didYouMean, findSimilar, type SourcePosition } from './errors';
import type { EsqlType, Scalar, Value } from './esql_values';
import { MULTI_VALUE_FAILURE, type FailureSite, type Warnings } from './esql_warnings';

/** Why ES|QL cannot read a column even though some index maps it. */
export type ColumnRefusal =
  { kind: 'conflict'; message: string } | { kind: 'unmodelled'; esType: string };

/** Where a column comes from: a FROM field (tracked so only needed fields are read) or elsewhere. */
export interface ColumnOrigin {
  field?: string;
  used: boolean;
  refusal?: ColumnRefusal;
  /** Computed from an expression that did not resolve: its problem is already reported. */
  broken?: boolean;
}

export interface Column {
  name: string;
  type: EsqlType;
  origin: ColumnOrigin;
}

export type Row = Value[];

/** A date_period or time_duration constant (`30 day`, `1 hour`). */
export interface TemporalAmount {
  type: 'date_period' | 'time_duration';
  months: number;
  days: number;
  millis: number;
}

export interface ParamValue {
  value: Value;
  type: EsqlType;
}

export interface CompileScope {
  schema: Column[];
  params: ReadonlyMap<string, ParamValue>;
  /** NOW() for the whole query. */
  now: number;
  warnings: Warnings;
  problems: string[];
  /** Inside STATS, aggregate functions are allowed (and compiled by the STATS command). */
  inStats?: boolean;
  /**
   * Off for an attempt whose problems are discarded (the filtered resolution ES retries): close
   * names are costly to find and would not be shown.
   */
  suggest?: boolean;
}

export interface Compiled {
  type: EsqlType;
  site: FailureSite;
  /** False after an unknown column or another problem: parents stay quiet about it. */
  resolved: boolean;
  /** A constant: literals, params, NOW() and functions of constants. */
  foldable: boolean;
  /** Produced by a scalar function (ES casts only plain string literals implicitly). */
  fromFunction: boolean;
  constant?: Value;
  span?: TemporalAmount;
  evaluate(row: Row): Value;
}

export function siteOf(node: Expression): FailureSite {
  return { position: node.position, text: node.text };
}

export function addProblem(scope: CompileScope, position: SourcePosition, message: string): void {
  scope.problems.push(`${at(position)}${message}`);
}

/** A stand-in for an expression that failed to resolve; evaluation never reaches it. */
export function unresolved(node: Expression): Compiled {
  return {
    type: 'null',
    site: siteOf(node),
    resolved: false,
    foldable: false,
    fromFunction: false,
    evaluate: () => null,
  };
}

/**
 * Wraps a row function; when every input is a constant the result is folded once, as ES folds
 * constant expressions during planning (warnings from folding are kept).
 */
export function finish(
  node: Expression,
  type: EsqlType,
  inputs: Compiled[],
  evaluate: (row: Row) => Value,
  { fromFunction = false }: { fromFunction?: boolean } = {}
): Compiled {
  const site = siteOf(node);
  if (inputs.every((input) => input.foldable)) {
    const constant = evaluate([]);
    return {
      type,
      site,
      resolved: true,
      foldable: true,
      fromFunction,
      constant,
      evaluate: () => constant,
    };
  }
  return { type, site, resolved: true, foldable: false, fromFunction, evaluate };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

export function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/**
 * Single-valued inputs of a function: the first null input makes the result null, the first
 * multi-valued one too, with a warning (the generated evaluators' order: nulls, then value count).
 */
export function singleValues(
  values: Value[],
  site: FailureSite,
  warnings: Warnings
): Scalar[] | undefined {
  const out: Scalar[] = [];
  for (const value of values) {
    if (value === null) return undefined;
    if (Array.isArray(value)) {
      warnings.failed(site, MULTI_VALUE_FAILURE);
      return undefined;
    }
    out.push(value);
  }
  return out;
}

/** One single-valued input: undefined for null, and for a multi-value (with its warning). */
export function single(value: Value, site: FailureSite, warnings: Warnings): Scalar | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    warnings.failed(site, MULTI_VALUE_FAILURE);
    return undefined;
  }
  return value;
}

/** ", did you mean [x]?" for a name not found among `names`, when the scope reports it. */
export function suggestion(scope: CompileScope, name: string, names: Iterable<string>): string {
  return scope.suggest === false ? '' : didYouMean(findSimilar(name, names));
}
