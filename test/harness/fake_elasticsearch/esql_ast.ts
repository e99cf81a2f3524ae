/** The parsed form of the ES|QL subset the fake runs: commands and expressions with positions. */
import type { SourcePosition } from './errors';

export interface Located {
  position: SourcePosition;
  /** Offset of the first character in the query text. */
  offset: number;
  /** The expression's text as written: ES names unnamed columns and warnings after it. */
  text: string;
}

export type LiteralType = 'integer' | 'long' | 'double' | 'keyword' | 'boolean' | 'null';

export type Expression = Located &
  (
    | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
    | { kind: 'list'; items: Expression[] }
    | { kind: 'param'; name: string }
    | { kind: 'field'; name: string }
    | { kind: 'span'; amount: number; unit: string }
    | { kind: 'call'; name: string; args: Expression[]; star: boolean }
    | { kind: 'arithmetic'; op: '+' | '-' | '*' | '/' | '%'; left: Expression; right: Expression }
    | { kind: 'negate'; operand: Expression }
    | {
        kind: 'compare';
        op: '==' | '!=' | '<' | '<=' | '>' | '>=';
        left: Expression;
        right: Expression;
      }
    | { kind: 'logical'; op: 'and' | 'or'; left: Expression; right: Expression }
    | { kind: 'not'; operand: Expression }
    | { kind: 'isNull'; operand: Expression; negated: boolean }
    | { kind: 'in'; operand: Expression; list: Expression[]; negated: boolean }
    | { kind: 'cast'; operand: Expression; target: string }
  );

export interface NamedExpression {
  /** `name = expr`; without a name ES uses the expression's text. */
  name?: string;
  expression: Expression;
}

export interface SourcePattern {
  pattern: string;
  position: SourcePosition;
}

export interface NamePattern {
  /** The name or pattern with quoting removed; `*` marks a wildcard. */
  pattern: string;
  hasWildcard: boolean;
  position: SourcePosition;
}

export interface SortItem {
  expression: Expression;
  descending: boolean;
  /** Undefined: ES's default (nulls last ascending, first descending). */
  nullsFirst?: boolean;
}

export type Command = { position: SourcePosition } & (
  | { kind: 'from'; sources: SourcePattern[] }
  | { kind: 'row'; fields: NamedExpression[] }
  | { kind: 'where'; condition: Expression }
  | { kind: 'eval'; fields: NamedExpression[] }
  | { kind: 'stats'; aggregates: NamedExpression[]; groups: NamedExpression[] }
  | { kind: 'sort'; items: SortItem[] }
  | { kind: 'limit'; count: Expression }
  | { kind: 'keep'; patterns: NamePattern[] }
  | { kind: 'drop'; patterns: NamePattern[] }
  | { kind: 'rename'; pairs: Array<{ from: NamePattern; to: NamePattern }> }
  | { kind: 'mv_expand'; field: NamePattern }
);

export interface Query {
  commands: Command[];
}
