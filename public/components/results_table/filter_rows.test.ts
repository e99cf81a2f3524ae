import { huntRow } from '../../../test/helpers/hunt_rows';
import { createRowTextIndex, filterEntries, indexWhileIdle, rowEntries } from './filter_rows';
import { resultColumns } from './result_columns';

const columns = resultColumns('name');
const rows = Array.from({ length: 1_200 }, (_unused, n) =>
  huntRow({
    service_principal_name: `Principal ${n}`,
    daily_action_count: n % 7,
    ips: [`198.51.${n % 250}.${n % 200}`],
  })
);

/** What a row's text must hold: every value of every column, as stored and as shown. */
function expectedParts(row: (typeof rows)[number]): string[] {
  const parts: string[] = [];
  for (const column of columns) {
    for (const value of column.values(row)) parts.push(value, column.formatValue(value));
  }
  return parts.map((part) => part.toLowerCase());
}

describe('row text index', () => {
  it('holds every column value of a row, as stored and as shown, in whatever order rows are asked for', () => {
    const index = createRowTextIndex(rows, columns);
    // Asked out of order: the rows before are indexed on the way.
    for (const position of [1_150, 3, 600, 0, 1_199]) {
      const text = index.textOf(position);
      for (const part of expectedParts(rows[position])) expect(text).toContain(part);
      expect(text).not.toContain(`principal ${position + 1}\u0000`);
    }
  });

  it('indexes in slices and says when it is done', () => {
    const index = createRowTextIndex(rows, columns);
    expect(index.indexMore(1_000)).toBe(true);
    expect(index.indexMore(1_000)).toBe(false);
  });

  it('filters with the index as the rows read', () => {
    const index = createRowTextIndex(rows, columns);
    const kept = filterEntries(rowEntries(rows), '198.51.12.', [], columns, index);
    const expected = rows.filter((row) => row.ips.some((ip) => ip.includes('198.51.12.')));
    expect(kept.map((entry) => entry.row)).toEqual(expected);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('builds the rest of the index while idle, a slice at a time, until cancelled', () => {
    jest.useFakeTimers();
    try {
      const index = createRowTextIndex(rows, columns);
      const indexMore = jest.spyOn(index, 'indexMore');
      const cancel = indexWhileIdle(index);
      // Nothing is indexed before the browser is idle.
      expect(indexMore).not.toHaveBeenCalled();
      jest.runOnlyPendingTimers();
      expect(indexMore).toHaveBeenCalledTimes(1);
      cancel();
      jest.runAllTimers();
      expect(indexMore).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
