import { parseColumnChoice, shownColumnIds, type ColumnChoice } from './column_choice';

const DEFAULTS = ['day', 'principal', 'marks', 'action', 'ips'];

function choice(visible: string[], known: string[] = DEFAULTS): ColumnChoice {
  return { visible, known, widths: {} };
}

describe('the grid’s column choice', () => {
  it('shows every column in the default order until the analyst chooses', () => {
    expect(shownColumnIds(DEFAULTS, undefined)).toEqual(DEFAULTS);
  });

  it('keeps the chosen order and the hidden columns hidden', () => {
    expect(shownColumnIds(DEFAULTS, choice(['action', 'day', 'ips']))).toEqual([
      'action',
      'day',
      'ips',
    ]);
  });

  it('shows a column that appeared since the choice at its default place', () => {
    // Chosen while the Review column was absent (no row marked yet): it shows once a row is.
    const chosen = choice(
      ['ips', 'day', 'principal', 'action'],
      ['day', 'principal', 'action', 'ips']
    );
    expect(shownColumnIds(DEFAULTS, chosen)).toEqual([
      'ips',
      'day',
      'principal',
      'marks',
      'action',
    ]);
    // A new first column goes first.
    expect(shownColumnIds(['evidence', ...DEFAULTS], choice(DEFAULTS))).toEqual([
      'evidence',
      ...DEFAULTS,
    ]);
  });

  it('drops chosen columns the grid no longer has', () => {
    expect(shownColumnIds(['day', 'action'], choice(['gone', 'action', 'day']))).toEqual([
      'action',
      'day',
    ]);
  });

  it('reads only a choice it wrote: anything else in storage gives the defaults', () => {
    for (const stored of [
      null,
      'not json',
      '"a string"',
      'null',
      JSON.stringify({ visible: 'day', known: [] }),
      JSON.stringify({ visible: [1, 2], known: [] }),
      JSON.stringify({ visible: Array.from({ length: 500 }, (_, i) => `c${i}`), known: [] }),
      JSON.stringify({ visible: ['x'.repeat(1_000)], known: [] }),
    ]) {
      expect(parseColumnChoice(stored)).toBeUndefined();
    }
    expect(
      parseColumnChoice(
        JSON.stringify({
          visible: ['day'],
          known: ['day', 'ips'],
          widths: { day: 150, ips: 1e9, action: -4, principal: 'wide' },
        })
      )
    ).toEqual({ visible: ['day'], known: ['day', 'ips'], widths: { day: 150 } });
  });
});
