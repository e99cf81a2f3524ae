/**
 * ES|QL's lexer, mode by mode as Elasticsearch's grammar has it (elastic/elasticsearch:
 * x-pack/plugin/esql/src/main/antlr/lexer/Expression.g4, From.g4, Project.g4, Rename.g4): a command
 * word switches the mode, `|` returns to commands. Keywords are case-insensitive and reserved only
 * in expression mode, so `source.as.number` is a name while `first` must be quoted there.
 */
import { parsingError, unsupported, type SourcePosition } from './errors';

export type LexMode = 'command' | 'expression' | 'from' | 'project';

export type TokenKind =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'identifier'
  | 'keyword'
  | 'param'
  | 'symbol'
  | 'source'
  | 'pipe'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Decoded: a string's value, an identifier without backquotes, a keyword in lower case. */
  value: string;
  /** Whether an identifier was backquoted. */
  quoted: boolean;
  start: number;
  end: number;
  position: SourcePosition;
}

/** Expression-mode keywords (Expression.g4); everything else is an identifier. */
const EXPRESSION_KEYWORDS = new Set([
  'and',
  'asc',
  'by',
  'desc',
  'false',
  'first',
  'in',
  'is',
  'last',
  'like',
  'not',
  'null',
  'nulls',
  'or',
  'rlike',
  'true',
  'where',
]);

const SYMBOLS = [
  '::',
  '==',
  '!=',
  '<=',
  '>=',
  '=~',
  '<',
  '>',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  ':',
  '{',
  '}',
];

const STRING_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '"': '"', '\\': '\\' };
const UNQUOTED_ID = /^(?:[A-Za-z][A-Za-z0-9_]*|[_@][A-Za-z0-9_]+)/;
const PROJECT_ID = /^(?:[A-Za-z*][A-Za-z0-9_*]*|[_@][A-Za-z0-9_*]+)/;
const NUMBER = /^(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+)/;
const PARAM_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+)/;
/** From.g4 UNQUOTED_SOURCE_PART: anything but `:"=|,[]/()` and blanks; `/` when not a comment. */
const SOURCE_CHAR = /[^:"=|,[\]/() \t\r\n]/;

export class Lexer {
  private offset = 0;
  /** End of the last token handed out: where the expression being parsed stops. */
  lastEnd = 0;
  private readonly lineStarts: number[] = [0];
  mode: LexMode = 'command';
  private lookahead: Token | undefined;

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index += 1) {
      if (text[index] === '\n') this.lineStarts.push(index + 1);
    }
  }

  positionAt(offset: number): SourcePosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /** Switches mode; only between tokens, so nothing may be peeked yet. */
  setMode(mode: LexMode): void {
    this.lookahead = undefined;
    this.mode = mode;
  }

  peek(): Token {
    this.lookahead ??= this.scan();
    return this.lookahead;
  }

  next(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    this.offset = token.end;
    this.lastEnd = token.end;
    if (token.kind === 'pipe') this.mode = 'command';
    return token;
  }

  private token(
    kind: TokenKind,
    start: number,
    end: number,
    value = this.text.slice(start, end),
    quoted = false
  ): Token {
    return { kind, value, quoted, start, end, position: this.positionAt(start) };
  }

  private skipBlanks(from: number): number {
    let index = from;
    for (;;) {
      while (index < this.text.length && /\s/.test(this.text[index])) index += 1;
      if (this.text.startsWith('//', index)) {
        const newline = this.text.indexOf('\n', index);
        index = newline === -1 ? this.text.length : newline + 1;
        continue;
      }
      if (this.text.startsWith('/*', index)) {
        index = this.skipBlockComment(index);
        continue;
      }
      return index;
    }
  }

  /** Block comments nest, as in ES's MULTILINE_COMMENT rule. */
  private skipBlockComment(from: number): number {
    let depth = 0;
    let index = from;
    while (index < this.text.length) {
      if (this.text.startsWith('/*', index)) {
        depth += 1;
        index += 2;
      } else if (this.text.startsWith('*/', index)) {
        depth -= 1;
        index += 2;
        if (depth === 0) return index;
      } else {
        index += 1;
      }
    }
    throw parsingError(this.positionAt(from), "token recognition error at: '/*'");
  }

  private scan(): Token {
    const start = this.skipBlanks(this.offset);
    if (start >= this.text.length) return this.token('eof', start, start, '<EOF>');
    const char = this.text[start];
    if (char === '|') return this.token('pipe', start, start + 1);
    if (this.mode === 'from') return this.scanSource(start);
    if (char === '"') return this.scanString(start);
    if (char === '`') return this.scanQuotedIdentifier(start);
    if (this.mode === 'project') {
      const id = PROJECT_ID.exec(this.text.slice(start));
      if (id) return this.token('identifier', start, start + id[0].length);
    }
    if (char === '?') return this.scanParam(start);
    const rest = this.text.slice(start, start + 64);
    const number = this.mode === 'expression' ? NUMBER.exec(rest) : undefined;
    if (number) {
      const kind = /^\d+$/.test(number[0]) ? 'integer' : 'decimal';
      return this.token(kind, start, start + number[0].length);
    }
    const id = UNQUOTED_ID.exec(this.text.slice(start));
    if (id) {
      const word = id[0];
      const end = start + word.length;
      if (this.mode === 'expression' && EXPRESSION_KEYWORDS.has(word.toLowerCase())) {
        return this.token('keyword', start, end, word.toLowerCase());
      }
      return this.token('identifier', start, end);
    }
    const symbol = SYMBOLS.find((candidate) => this.text.startsWith(candidate, start));
    if (symbol) return this.token('symbol', start, start + symbol.length);
    throw parsingError(this.positionAt(start), `token recognition error at: '${char}'`);
  }

  private scanString(start: number): Token {
    if (this.text.startsWith('"""', start)) {
      const close = this.text.indexOf('"""', start + 3);
      const newline = this.text.indexOf('\n', start);
      if (close === -1 || (newline !== -1 && newline < close)) {
        throw parsingError(this.positionAt(start), `token recognition error at: '"""'`);
      }
      // Up to two further quotes belong to the value (Expression.g4 QUOTED_STRING).
      let end = close + 3;
      while (end < this.text.length && this.text[end] === '"' && end - close - 3 < 2) end += 1;
      return this.token('string', start, end, this.text.slice(start + 3, end - 3));
    }
    let value = '';
    let index = start + 1;
    while (index < this.text.length) {
      const char = this.text[index];
      if (char === '"') return this.token('string', start, index + 1, value);
      if (char === '\n' || char === '\r') break;
      if (char === '\\') {
        const escaped = STRING_ESCAPES[this.text[index + 1] ?? ''];
        if (escaped === undefined) {
          throw parsingError(
            this.positionAt(start),
            `token recognition error at: '${this.text.slice(start, index + 2)}'`
          );
        }
        value += escaped;
        index += 2;
        continue;
      }
      value += char;
      index += 1;
    }
    throw parsingError(
      this.positionAt(start),
      `token recognition error at: '${this.text.slice(start, index)}'`
    );
  }

  private scanQuotedIdentifier(start: number): Token {
    let value = '';
    let index = start + 1;
    while (index < this.text.length) {
      if (this.text[index] === '`') {
        if (this.text[index + 1] === '`') {
          value += '`';
          index += 2;
          continue;
        }
        if (value === '') break;
        return this.token('identifier', start, index + 1, value, true);
      }
      value += this.text[index];
      index += 1;
    }
    throw parsingError(this.positionAt(start), "token recognition error at: '`'");
  }

  private scanParam(start: number): Token {
    if (this.text[start + 1] === '?') {
      throw unsupported(this.positionAt(start), 'identifier params (`??name`)');
    }
    const name = PARAM_NAME.exec(this.text.slice(start + 1))?.[0] ?? '';
    return this.token('param', start, start + 1 + name.length, name);
  }

  private scanSource(start: number): Token {
    if (this.text[start] === '"') {
      const string = this.scanString(start);
      return { ...string, kind: 'source' };
    }
    if (this.text[start] === ',') return this.token('symbol', start, start + 1);
    let index = start;
    for (;;) {
      const char = this.text[index];
      if (char === undefined) break;
      if (char === ':' && index > start && SOURCE_CHAR.test(this.text[index + 1] ?? ' ')) {
        // `cluster:pattern`: the remote prefix is part of the pattern.
        index += 1;
        continue;
      }
      if (char === '/' && !/[*/]/.test(this.text[index + 1] ?? '*')) {
        index += 1;
        continue;
      }
      if (!SOURCE_CHAR.test(char)) break;
      index += 1;
    }
    if (index === start) {
      throw parsingError(
        this.positionAt(start),
        `mismatched input '${this.text[start]}' expecting {QUOTED_STRING, UNQUOTED_SOURCE}`
      );
    }
    return this.token('source', start, index);
  }
}
