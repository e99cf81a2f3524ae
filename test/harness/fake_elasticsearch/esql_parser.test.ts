/**
 * Reading the query text as ES|QL's lexer and parser do (elastic/elasticsearch:x-pack/plugin/esql/
 * src/main/antlr/lexer/Expression.g4, From.g4, Project.g4, parser/Expression.g4): comments, quoting,
 * per-command modes and positions counted in the text as sent.
 */
import { parseEsql } from './esql_parser';
import { EsError, UNSUPPORTED_TYPE } from './errors';
import { runEsql } from './esql_engine';

function reason(query: string): string {
  try {
    parseEsql(query);
  } catch (error) {
    if (error instanceof EsError) return `${error.type}: ${error.reason}`;
    throw error;
  }
  return 'parsed';
}

describe('the ES|QL lexer and parser', () => {
  it('skips line and (nested) block comments, and counts positions across lines', () => {
    const query = parseEsql(
      '// hunt\nFROM logs-* /* a /* nested */ comment */\n| WHERE `o365`.audit.UserId IS NULL'
    );
    expect(query.commands.map((command) => command.kind)).toEqual(['from', 'where']);
    const where = query.commands[1];
    if (where.kind !== 'where' || where.condition.kind !== 'isNull') throw new Error('not parsed');
    expect(where.condition.operand).toMatchObject({
      kind: 'field',
      name: 'o365.audit.UserId',
      position: { line: 3, column: 9 },
    });
  });

  it('reads FROM sources in their own mode: patterns, remote prefixes, quoted names', () => {
    const [from] = parseEsql(
      'FROM logs-azure.*, remote:logs-o365.audit-*, "my-index", -logs-x*'
    ).commands;
    if (from.kind !== 'from') throw new Error('not FROM');
    expect(from.sources.map((source) => source.pattern)).toEqual([
      'logs-azure.*',
      'remote:logs-o365.audit-*',
      'my-index',
      '-logs-x*',
    ]);
  });

  it('reads KEEP and DROP patterns in their own mode, where keywords are names', () => {
    const [, keep] = parseEsql('FROM x | KEEP first, source.*, `a b`').commands;
    if (keep.kind !== 'keep') throw new Error('not KEEP');
    expect(keep.patterns.map((pattern) => [pattern.pattern, pattern.hasWildcard])).toEqual([
      ['first', false],
      ['source.*', true],
      ['a b', false],
    ]);
  });

  it('refuses what the grammar refuses, with its position', () => {
    expect(reason('ROW a = """x\ny"""')).toBe(
      'parsing_exception: line 1:9: token recognition error at: \'"""\''
    );
    expect(reason('ROW a = "bad \\x"')).toMatch(
      /^parsing_exception: line 1:9: token recognition error/
    );
    expect(reason('WHERE a > 1')).toMatch(/^parsing_exception: line 1:1: mismatched input 'WHERE'/);
    expect(reason('FROM x | WHERE a == b == c')).toMatch(
      /^parsing_exception: line 1:23: mismatched input '=='/
    );
    expect(reason('ROW a = 1 day')).toBe('parsed');
  });

  it('refuses a time span unit ES does not know, a negative LIMIT, and date math in index names (not modelled)', () => {
    const failure = (query: string) => {
      try {
        runEsql([], { query });
      } catch (error) {
        if (error instanceof EsError) return error;
      }
      throw new Error('no error');
    };
    expect(failure('ROW a = 1 fortnight')).toMatchObject({
      type: 'parsing_exception',
      reason: "line 1:9: Unexpected temporal unit: 'fortnight'",
    });
    expect(failure('FROM <logs-{now/d}>').type).toBe(UNSUPPORTED_TYPE);
    expect(failure('ROW a = 1 | LIMIT -1')).toMatchObject({
      type: 'parsing_exception',
      reason: 'line 1:19: Invalid value for LIMIT [-1], expecting a non negative integer',
    });
  });
});
