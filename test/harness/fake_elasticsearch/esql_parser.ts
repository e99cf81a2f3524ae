/**
 * A recursive-descent parser for the ES|QL subset the plugin sends, following the precedence of
 * Elasticsearch's grammar (elastic/elasticsearch:x-pack/plugin/esql/src/main/antlr/parser/
 * Expression.g4, EsqlBaseParser.g4): NOT over a comparison, AND over OR, comparisons not chained,
 * `::` casts on primaries. A command ES has but the fake does not run is refused by name.
 */
import type {
  Command,
  Expression,
  LiteralType,
  NamedExpression,
  NamePattern,
  Query,
  SortItem,
  SourcePattern,
} from './esql_ast';
import { parsingError, unsupported, type SourcePosition } from './errors';
import { Lexer, type Token } from './esql_lexer';

const SOURCE_COMMANDS = ['from', 'row'];
const PROCESSING_COMMANDS = [
  'where',
  'eval',
  'stats',
  'sort',
  'limit',
  'keep',
  'drop',
  'rename',
  'mv_expand',
];
/** Commands Elasticsearch runs that this fake does not: refused by name, never misread. */
const KNOWN_UNSUPPORTED_COMMANDS = new Set([
  'change_point',
  'completion',
  'dissect',
  'enrich',
  'explain',
  'fork',
  'fuse',
  'grok',
  'inline',
  'inlinestats',
  'insist',
  'lookup',
  'metrics',
  'rerank',
  'rrf',
  'sample',
  'set',
  'show',
  'ts',
]);
/** An expression before its position and text are attached. */
type ExpressionBody = Expression extends infer Node
  ? Node extends Expression
    ? Omit<Node, 'position' | 'text' | 'offset'>
    : never
  : never;

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const INT_MAX = 2_147_483_647;

function describe(token: Token): string {
  return token.kind === 'eof' ? '<EOF>' : `'${token.value}'`;
}

class Parser {
  private readonly lexer: Lexer;
  private anonymousParams = 0;

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text);
  }

  parse(): Query {
    const commands: Command[] = [this.command(SOURCE_COMMANDS)];
    for (;;) {
      const token = this.lexer.next();
      if (token.kind === 'eof') break;
      if (token.kind !== 'pipe') {
        throw parsingError(
          token.position,
          `mismatched input ${describe(token)} expecting {<EOF>, '|'}`
        );
      }
      commands.push(this.command(PROCESSING_COMMANDS));
    }
    return { commands };
  }

  private command(allowed: string[]): Command {
    this.lexer.setMode('command');
    const token = this.lexer.next();
    const word = token.kind === 'identifier' && !token.quoted ? token.value.toLowerCase() : '';
    const position = token.position;
    if (KNOWN_UNSUPPORTED_COMMANDS.has(word)) {
      throw unsupported(position, `the ${word.toUpperCase()} command`);
    }
    if (!allowed.includes(word)) {
      const expected = allowed.map((name) => `'${name}'`).join(', ');
      throw parsingError(position, `mismatched input ${describe(token)} expecting {${expected}}`);
    }
    switch (word) {
      case 'from':
        this.lexer.setMode('from');
        return { kind: 'from', position, sources: this.sources() };
      case 'row':
        this.lexer.setMode('expression');
        return { kind: 'row', position, fields: this.fields() };
      case 'where':
        this.lexer.setMode('expression');
        return { kind: 'where', position, condition: this.booleanExpression() };
      case 'eval':
        this.lexer.setMode('expression');
        return { kind: 'eval', position, fields: this.fields() };
      case 'stats':
        this.lexer.setMode('expression');
        return this.stats(position);
      case 'sort':
        this.lexer.setMode('expression');
        return { kind: 'sort', position, items: this.sortItems() };
      case 'limit':
        this.lexer.setMode('expression');
        return { kind: 'limit', position, count: this.unary() };
      case 'keep':
      case 'drop':
        this.lexer.setMode('project');
        return { kind: word, position, patterns: this.namePatterns() };
      case 'rename':
        this.lexer.setMode('project');
        return { kind: 'rename', position, pairs: this.renames() };
      case 'mv_expand':
        this.lexer.setMode('project');
        return { kind: 'mv_expand', position, field: this.namePattern() };
      default:
        throw parsingError(position, `mismatched input ${describe(token)}`);
    }
  }

  private sources(): SourcePattern[] {
    const sources: SourcePattern[] = [];
    for (;;) {
      const token = this.lexer.next();
      if (token.kind !== 'source') {
        throw parsingError(
          token.position,
          `mismatched input ${describe(token)} expecting {QUOTED_STRING, UNQUOTED_SOURCE}`
        );
      }
      sources.push({ pattern: token.value, position: token.position });
      const after = this.lexer.peek();
      if (after.kind === 'symbol' && after.value === ',') {
        this.lexer.next();
        continue;
      }
      if (after.kind === 'source' && after.value.toLowerCase() === 'metadata') {
        throw unsupported(after.position, 'FROM … METADATA');
      }
      if (after.kind === 'symbol' && after.value === '(') {
        throw unsupported(after.position, 'FROM subqueries');
      }
      return sources;
    }
  }

  private isSymbol(value: string): boolean {
    const token = this.lexer.peek();
    return token.kind === 'symbol' && token.value === value;
  }

  private isKeyword(value: string): boolean {
    const token = this.lexer.peek();
    return token.kind === 'keyword' && token.value === value;
  }

  private expectSymbol(value: string): Token {
    const token = this.lexer.next();
    if (token.kind !== 'symbol' || token.value !== value) {
      throw parsingError(
        token.position,
        `mismatched input ${describe(token)} expecting '${value}'`
      );
    }
    return token;
  }

  private fields(): NamedExpression[] {
    const fields = [this.field()];
    while (this.isSymbol(',')) {
      this.lexer.next();
      fields.push(this.field());
    }
    return fields;
  }

  /** `name = expression` or a bare expression (named after its text). */
  private field(): NamedExpression {
    const expression = this.booleanExpression();
    if (this.isSymbol('=')) {
      if (expression.kind !== 'field') {
        throw parsingError(this.lexer.peek().position, "mismatched input '=' expecting <EOF>");
      }
      this.lexer.next();
      return { name: expression.name, expression: this.booleanExpression() };
    }
    return { expression };
  }

  private stats(position: SourcePosition): Command {
    const aggregates = this.isKeyword('by') || this.atCommandEnd() ? [] : this.fields();
    if (this.isKeyword('where')) throw unsupported(this.lexer.peek().position, 'STATS … WHERE');
    let groups: NamedExpression[] = [];
    if (this.isKeyword('by')) {
      this.lexer.next();
      groups = this.fields();
    }
    if (aggregates.length === 0 && groups.length === 0) {
      throw parsingError(
        position,
        'At least one aggregation or grouping expression required in [STATS]'
      );
    }
    return { kind: 'stats', position, aggregates, groups };
  }

  private atCommandEnd(): boolean {
    const token = this.lexer.peek();
    return token.kind === 'pipe' || token.kind === 'eof';
  }

  private sortItems(): SortItem[] {
    const items: SortItem[] = [];
    for (;;) {
      const expression = this.booleanExpression();
      let descending = false;
      let nullsFirst: boolean | undefined;
      if (this.isKeyword('asc') || this.isKeyword('desc')) {
        descending = this.lexer.next().value === 'desc';
      }
      if (this.isKeyword('nulls')) {
        this.lexer.next();
        const which = this.lexer.next();
        if (which.kind !== 'keyword' || (which.value !== 'first' && which.value !== 'last')) {
          throw parsingError(
            which.position,
            `mismatched input ${describe(which)} expecting {'first', 'last'}`
          );
        }
        nullsFirst = which.value === 'first';
      }
      items.push({ expression, descending, nullsFirst });
      if (!this.isSymbol(',')) return items;
      this.lexer.next();
    }
  }

  /** A name or pattern in project mode: adjacent name parts, dots and `*` make one pattern. */
  private namePattern(): NamePattern {
    const first = this.lexer.next();
    if (first.kind !== 'identifier' && !(first.kind === 'symbol' && first.value === '*')) {
      throw parsingError(
        first.position,
        `mismatched input ${describe(first)} expecting ID_PATTERN`
      );
    }
    let pattern = first.value;
    let end = first.end;
    let hasWildcard = !first.quoted && first.value.includes('*');
    for (;;) {
      const token = this.lexer.peek();
      const joins =
        token.start === end &&
        (token.kind === 'identifier' ||
          (token.kind === 'symbol' && ['.', '*'].includes(token.value)));
      if (!joins) break;
      this.lexer.next();
      pattern += token.value;
      end = token.end;
      if (!token.quoted && token.value.includes('*')) hasWildcard = true;
    }
    return { pattern, hasWildcard, position: first.position };
  }

  private namePatterns(): NamePattern[] {
    const patterns = [this.namePattern()];
    while (this.isSymbol(',')) {
      this.lexer.next();
      patterns.push(this.namePattern());
    }
    return patterns;
  }

  /** `old AS new` and the newer `new = old`. */
  private renames(): Array<{ from: NamePattern; to: NamePattern }> {
    const pairs: Array<{ from: NamePattern; to: NamePattern }> = [];
    for (;;) {
      const left = this.namePattern();
      const token = this.lexer.peek();
      if (token.kind === 'identifier' && !token.quoted && token.value.toLowerCase() === 'as') {
        this.lexer.next();
        pairs.push({ from: left, to: this.namePattern() });
      } else if (this.isSymbol('=')) {
        this.lexer.next();
        pairs.push({ from: this.namePattern(), to: left });
      } else {
        throw parsingError(
          token.position,
          `mismatched input ${describe(token)} expecting {'=', AS}`
        );
      }
      if (!this.isSymbol(',')) return pairs;
      this.lexer.next();
    }
  }

  private located(start: Token, node: ExpressionBody): Expression {
    return {
      ...node,
      position: start.position,
      offset: start.start,
      text: this.text.slice(start.start, this.lexer.lastEnd),
    } as Expression;
  }

  booleanExpression(): Expression {
    let left = this.andExpression();
    while (this.isKeyword('or')) {
      const start = left;
      this.lexer.next();
      const right = this.andExpression();
      left = this.spanning(start, { kind: 'logical', op: 'or', left: start, right });
    }
    return left;
  }

  private andExpression(): Expression {
    let left = this.notExpression();
    while (this.isKeyword('and')) {
      const start = left;
      this.lexer.next();
      const right = this.notExpression();
      left = this.spanning(start, { kind: 'logical', op: 'and', left: start, right });
    }
    return left;
  }

  /** A node that starts where `first` starts and ends at the last token read. */
  private spanning(first: Expression, node: ExpressionBody): Expression {
    return {
      ...node,
      position: first.position,
      offset: first.offset,
      text: this.text.slice(first.offset, this.lexer.lastEnd),
    } as Expression;
  }

  private notExpression(): Expression {
    if (this.isKeyword('not')) {
      const start = this.lexer.next();
      const operand = this.notExpression();
      return this.located(start, { kind: 'not', operand });
    }
    const value = this.valueExpression();
    if (this.isKeyword('is')) {
      this.lexer.next();
      const negated = this.isKeyword('not');
      if (negated) this.lexer.next();
      const nullToken = this.lexer.next();
      if (nullToken.kind !== 'keyword' || nullToken.value !== 'null') {
        throw parsingError(
          nullToken.position,
          `mismatched input ${describe(nullToken)} expecting 'null'`
        );
      }
      return this.spanning(value, { kind: 'isNull', operand: value, negated });
    }
    let negatedIn = false;
    if (this.isKeyword('not')) {
      this.lexer.next();
      negatedIn = true;
      if (!this.isKeyword('in') && !this.isKeyword('like') && !this.isKeyword('rlike')) {
        const token = this.lexer.peek();
        throw parsingError(
          token.position,
          `mismatched input ${describe(token)} expecting {'in', 'like', 'rlike'}`
        );
      }
    }
    if (this.isKeyword('like') || this.isKeyword('rlike')) {
      throw unsupported(this.lexer.peek().position, `${this.lexer.peek().value.toUpperCase()}`);
    }
    if (this.isKeyword('in')) {
      this.lexer.next();
      this.expectSymbol('(');
      const list = [this.valueExpression()];
      while (this.isSymbol(',')) {
        this.lexer.next();
        list.push(this.valueExpression());
      }
      this.expectSymbol(')');
      return this.spanning(value, { kind: 'in', operand: value, list, negated: negatedIn });
    }
    return value;
  }

  private valueExpression(): Expression {
    const left = this.additive();
    const token = this.lexer.peek();
    if (token.kind === 'symbol' && token.value === '=~') {
      throw unsupported(token.position, 'the case-insensitive `=~` comparison');
    }
    if (token.kind === 'symbol' && COMPARISONS.has(token.value)) {
      this.lexer.next();
      const right = this.additive();
      return this.spanning(left, {
        kind: 'compare',
        op: token.value as '==' | '!=' | '<' | '<=' | '>' | '>=',
        left,
        right,
      });
    }
    return left;
  }

  private additive(): Expression {
    let left = this.multiplicative();
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'symbol' || (token.value !== '+' && token.value !== '-')) return left;
      this.lexer.next();
      const right = this.multiplicative();
      left = this.spanning(left, { kind: 'arithmetic', op: token.value, left, right });
    }
  }

  private multiplicative(): Expression {
    let left = this.unary();
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'symbol' || !['*', '/', '%'].includes(token.value)) return left;
      this.lexer.next();
      const right = this.unary();
      left = this.spanning(left, {
        kind: 'arithmetic',
        op: token.value as '*' | '/' | '%',
        left,
        right,
      });
    }
  }

  private unary(): Expression {
    const token = this.lexer.peek();
    if (token.kind === 'symbol' && (token.value === '-' || token.value === '+')) {
      this.lexer.next();
      const next = this.lexer.peek();
      if (next.kind === 'integer' || next.kind === 'decimal') {
        // A signed number is a constant (integerValue / decimalValue in the grammar).
        const constant = this.primary();
        if (
          token.value === '+' ||
          constant.kind !== 'literal' ||
          typeof constant.value !== 'number'
        ) {
          return constant;
        }
        return this.located(token, { ...constant, value: -constant.value });
      }
      const operand = this.unary();
      return token.value === '-' ? this.located(token, { kind: 'negate', operand }) : operand;
    }
    return this.postfix();
  }

  private postfix(): Expression {
    let expression = this.primary();
    while (this.isSymbol('::')) {
      this.lexer.next();
      const type = this.lexer.next();
      if (type.kind !== 'identifier') {
        throw parsingError(
          type.position,
          `mismatched input ${describe(type)} expecting {UNQUOTED_IDENTIFIER}`
        );
      }
      expression = this.spanning(expression, {
        kind: 'cast',
        operand: expression,
        target: type.value.toLowerCase(),
      });
    }
    return expression;
  }

  private primary(): Expression {
    const token = this.lexer.next();
    switch (token.kind) {
      case 'integer':
      case 'decimal':
        return this.number(token);
      case 'string':
        return this.located(token, { kind: 'literal', type: 'keyword', value: token.value });
      case 'param':
        return this.located(token, { kind: 'param', name: token.value || this.nextAnonymous() });
      case 'keyword':
        if (token.value === 'null')
          return this.located(token, { kind: 'literal', type: 'null', value: null });
        if (token.value === 'true' || token.value === 'false') {
          return this.located(token, {
            kind: 'literal',
            type: 'boolean',
            value: token.value === 'true',
          });
        }
        break;
      case 'identifier':
        if (this.isSymbol('(')) return this.call(token);
        return this.qualifiedName(token);
      case 'symbol':
        if (token.value === '(') {
          const inner = this.booleanExpression();
          this.expectSymbol(')');
          return { ...inner, text: inner.text };
        }
        if (token.value === '[') return this.list(token);
        if (token.value === '{') throw unsupported(token.position, 'map expressions (`{…}`)');
        break;
      default:
        break;
    }
    throw parsingError(
      token.position,
      `mismatched input ${describe(token)} expecting an expression`
    );
  }

  private nextAnonymous(): string {
    this.anonymousParams += 1;
    return String(this.anonymousParams);
  }

  private number(token: Token): Expression {
    const next = this.lexer.peek();
    if (token.kind === 'integer' && next.kind === 'identifier' && !next.quoted) {
      // `30 day`: a time span (qualifiedIntegerLiteral).
      this.lexer.next();
      return this.located(token, {
        kind: 'span',
        amount: Number(token.value),
        unit: next.value.toLowerCase(),
      });
    }
    const value = Number(token.value);
    let type: LiteralType = 'double';
    if (token.kind === 'integer') {
      type = value <= INT_MAX ? 'integer' : Number.isSafeInteger(value) ? 'long' : 'double';
    }
    return this.located(token, { kind: 'literal', type, value });
  }

  private qualifiedName(first: Token): Expression {
    let name = first.value;
    while (this.isSymbol('.')) {
      this.lexer.next();
      const part = this.lexer.next();
      if (part.kind !== 'identifier' && part.kind !== 'keyword') {
        throw parsingError(
          part.position,
          `mismatched input ${describe(part)} expecting {UNQUOTED_IDENTIFIER, QUOTED_IDENTIFIER}`
        );
      }
      if (part.kind === 'keyword') {
        throw parsingError(
          part.position,
          `mismatched input ${describe(part)} expecting {UNQUOTED_IDENTIFIER, QUOTED_IDENTIFIER}`
        );
      }
      name += `.${part.value}`;
    }
    return this.located(first, { kind: 'field', name });
  }

  private call(nameToken: Token): Expression {
    this.expectSymbol('(');
    const args: Expression[] = [];
    let star = false;
    if (this.isSymbol('*')) {
      this.lexer.next();
      star = true;
    } else if (!this.isSymbol(')')) {
      args.push(this.booleanExpression());
      while (this.isSymbol(',')) {
        this.lexer.next();
        if (this.isSymbol('{'))
          throw unsupported(this.lexer.peek().position, 'function options (`{…}`)');
        args.push(this.booleanExpression());
      }
    }
    this.expectSymbol(')');
    return this.located(nameToken, {
      kind: 'call',
      name: nameToken.value.toUpperCase(),
      args,
      star,
    });
  }

  private list(open: Token): Expression {
    const items: Expression[] = [];
    if (!this.isSymbol(']')) {
      items.push(this.unary());
      while (this.isSymbol(',')) {
        this.lexer.next();
        items.push(this.unary());
      }
    }
    this.expectSymbol(']');
    return this.located(open, { kind: 'list', items });
  }
}

/** Parses a query; a syntax error is a 400 `parsing_exception` with ES's `line L:C:` prefix. */
export function parseEsql(text: string): Query {
  return new Parser(text).parse();
}
