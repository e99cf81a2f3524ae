import fc from 'fast-check';
import { hostileString } from '../../test/helpers/hostile_string';
import {
  decodeEsqlString,
  escapeEsqlString,
  esqlField,
  esqlLiteral,
  inlineEsqlParams,
  normaliseEsql,
  scanEsql,
} from './esql_text';

function kinds(text: string): string[] {
  return scanEsql(text).map((token) =>
    token.kind === 'string' ? 'string' : `${token.kind}:${token.text}`
  );
}

describe('escapeEsqlString', () => {
  it('keeps any string inside one literal that decodes back to it', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const query = `ROW x = ${escapeEsqlString(value)} | LIMIT 1`;
        const tokens = scanEsql(query);
        expect(kinds(query)).toEqual([
          'word:ROW',
          'word:x',
          'symbol:=',
          'string',
          'symbol:|',
          'word:LIMIT',
          'word:1',
        ]);
        expect(decodeEsqlString(tokens[3].text)).toBe(value);
      }),
      { numRuns: 2000 }
    );
  });

  it('escapes the characters ES|QL forbids raw inside a quoted string', () => {
    expect(escapeEsqlString('a"b\\c\nd\re\tf')).toBe('"a\\"b\\\\c\\nd\\re\\tf"');
  });
});

describe('esqlField', () => {
  it('quotes segments that are not plain words, as the seed does for o365', () => {
    expect(esqlField('o365.audit.UserId')).toBe('`o365`.audit.UserId');
    expect(esqlField('@timestamp')).toBe('@timestamp');
    expect(esqlField('a`b.c')).toBe('`a``b`.c');
  });
});

describe('inlineEsqlParams', () => {
  it('replaces params outside strings, identifiers and comments only', () => {
    const query = 'FROM x | WHERE a == ?v AND b == "?v" AND `?v` == 1 // ?v\n| LIMIT 1';
    expect(inlineEsqlParams(query, [{ v: 'q"' }])).toBe(
      'FROM x | WHERE a == "q\\"" AND b == "?v" AND `?v` == 1 // ?v\n| LIMIT 1'
    );
  });

  it('renders numbers, booleans and null as literals, and honours overrides', () => {
    expect(
      inlineEsqlParams('?a ?b ?c ?d', [{ a: 5 }, { b: true }, { c: null }, { d: 'x' }], {
        d: 'now()',
      })
    ).toBe('5 true null now()');
  });

  it('refuses a param without a value instead of sending a broken query', () => {
    expect(() => inlineEsqlParams('WHERE a == ?missing', [])).toThrow('?missing');
  });

  it('refuses non-finite numbers', () => {
    expect(() => esqlLiteral(Number.NaN)).toThrow(RangeError);
  });
});

describe('normaliseEsql', () => {
  it('ignores whitespace and comments but not string contents', () => {
    expect(normaliseEsql('FROM a\n  | WHERE b == "x  y" // note')).toBe(
      'FROM a | WHERE b == "x  y"'
    );
    expect(normaliseEsql('WHERE b == "x y"')).not.toBe(normaliseEsql('WHERE b == "x  y"'));
  });
});
