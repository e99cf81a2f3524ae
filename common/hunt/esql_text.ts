/**
 * The one place where values become ES|QL text. Both renderings of every query (the parameterised
 * text the server sends and the inlined text an analyst reads or opens in Discover) go through
 * these functions, so what is shown is what runs.
 */

/** ES|QL's QUOTED_STRING allows neither a raw line break nor an unescaped `"` or `\`. */
const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const CHARS_TO_ESCAPE = /[\\"\n\r\t]/g;

/** Renders any string as a double-quoted ES|QL literal that cannot end early. */
export function escapeEsqlString(value: string): string {
  return `"${value.replace(CHARS_TO_ESCAPE, (char) => STRING_ESCAPES[char] ?? char)}"`;
}

/** A name segment of only letters, `_` or `@` needs no quoting (the seed quotes `o365`). */
const PLAIN_SEGMENT = /^[A-Za-z_@][A-Za-z_@]*$/;

/** Renders a dotted field name as an ES|QL column reference, quoting segments that need it. */
export function esqlField(field: string): string {
  return field
    .split('.')
    .map((segment) =>
      PLAIN_SEGMENT.test(segment) ? segment : `\`${segment.replace(/`/g, '``')}\``
    )
    .join('.');
}

export type EsqlParamValue = string | number | boolean | null;
/** ES|QL named params: one single-key object per entry, `?name` in the query text. */
export type EsqlNamedParams = Array<Record<string, EsqlParamValue>>;

/** Renders a param value as the literal that means the same thing in the query text. */
export function esqlLiteral(value: EsqlParamValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return escapeEsqlString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('ES|QL has no literal for a non-finite number');
    return String(value);
  }
  return value ? 'true' : 'false';
}

export type EsqlTokenKind = 'string' | 'identifier' | 'param' | 'comment' | 'word' | 'symbol';
export interface EsqlToken {
  kind: EsqlTokenKind;
  text: string;
  /** Offset of the token's first character in the scanned text. */
  start: number;
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const WORD = /^[A-Za-z0-9_.@*:-]+/;
const OPERATOR = /^[=<>!~]+/;

function readQuoted(text: string, start: number): number {
  if (text.startsWith('"""', start)) {
    const end = text.indexOf('"""', start + 3);
    return end === -1 ? text.length : end + 3;
  }
  let index = start + 1;
  while (index < text.length && text[index] !== '"') {
    index += text[index] === '\\' ? 2 : 1;
  }
  return Math.min(index + 1, text.length);
}

function readBackticked(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const close = text.indexOf('`', index);
    if (close === -1) return text.length;
    if (text[close + 1] === '`') {
      index = close + 2;
      continue;
    }
    return close + 1;
  }
}

/**
 * A small ES|QL scanner: enough to tell strings, quoted identifiers, comments and params apart
 * from the rest. It is how inlining finds params and how tests prove a value stayed inside its
 * literal.
 */
export function scanEsql(text: string): EsqlToken[] {
  const tokens: EsqlToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    let end: number;
    let kind: EsqlTokenKind;
    if (char === '"') {
      end = readQuoted(text, index);
      kind = 'string';
    } else if (char === '`') {
      end = readBackticked(text, index);
      kind = 'identifier';
    } else if (text.startsWith('//', index)) {
      const newline = text.indexOf('\n', index);
      end = newline === -1 ? text.length : newline;
      kind = 'comment';
    } else if (text.startsWith('/*', index)) {
      const close = text.indexOf('*/', index + 2);
      end = close === -1 ? text.length : close + 2;
      kind = 'comment';
    } else if (char === '?') {
      const name = PARAM_NAME.exec(text.slice(index + 1))?.[0] ?? '';
      end = index + 1 + name.length;
      kind = 'param';
    } else {
      const rest = text.slice(index);
      const word = WORD.exec(rest)?.[0];
      end = index + (word ?? OPERATOR.exec(rest)?.[0] ?? char).length;
      kind = word ? 'word' : 'symbol';
    }
    tokens.push({ kind, text: text.slice(index, end), start: index });
    index = end;
  }
  return tokens;
}

/** Decodes a double-quoted ES|QL literal back to its value (the inverse of escapeEsqlString). */
export function decodeEsqlString(literal: string): string {
  if (literal.startsWith('"""')) return literal.slice(3, -3);
  const inner = literal.slice(1, -1);
  const decoded: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
  return inner.replace(/\\(.)/gs, (_match, char: string) => decoded[char] ?? char);
}

/**
 * Replaces every `?name` outside strings, identifiers and comments by a literal. `overrides`
 * lets a param render as an expression (a relative time reads better as `now() - 30 day`).
 */
export function inlineEsqlParams(
  query: string,
  params: EsqlNamedParams,
  overrides: Readonly<Record<string, string>> = {}
): string {
  const values = new Map<string, EsqlParamValue>();
  for (const entry of params) {
    for (const [name, value] of Object.entries(entry)) values.set(name, value);
  }
  let output = '';
  let index = 0;
  for (const token of scanEsql(query)) {
    if (token.kind !== 'param') continue;
    const name = token.text.slice(1);
    const override = overrides[name];
    if (override === undefined && !values.has(name)) {
      throw new Error(`The query names the param ?${name}, which has no value`);
    }
    output += query.slice(index, token.start);
    output += override ?? esqlLiteral(values.get(name) ?? null);
    index = token.start + token.text.length;
  }
  return output + query.slice(index);
}

/** Whitespace and comments carry no meaning; this is the form two queries are compared in. */
export function normaliseEsql(query: string): string {
  return scanEsql(query)
    .filter((token) => token.kind !== 'comment')
    .map((token) => token.text)
    .join(' ');
}
