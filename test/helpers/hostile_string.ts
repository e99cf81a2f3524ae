import fc from 'fast-check';

/** Strings built from the characters that break naive quoting, mixed with any unicode. */
export const hostileString = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      '\\',
      '|',
      '\n',
      '\r',
      '\t',
      '`',
      '?',
      '/',
      '*',
      ' ',
      'a',
      ')',
      '(',
      ','
    ),
  }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '"""',
    '\\"',
    '" | DROP x',
    '"""|"""',
    '\\',
    'a"\n| LIMIT 1 //',
    '\u2028"',
    '?_tstart'
  )
);
