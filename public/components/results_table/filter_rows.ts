/**
 * Sorting and filtering of the results, kept apart so each runs once per change of its own input:
 * a re-sort does not re-filter, a filter keystroke does not re-sort (it filters the sorted order).
 */
import type { HuntRow } from '../../../common/hunt/shape_results';
import type { ResultColumn } from './result_columns';

export interface RowEntry {
  row: HuntRow;
  /** Position in the response: the row's identity for selection. */
  index: number;
  /** Every column's text, lower-cased once, for the free-text filter. */
  text: string;
}

export interface SortColumn {
  id: string;
  direction: 'asc' | 'desc';
}

/** "Only rows where this column holds this value" (or, negated, where it does not). */
export interface ValueFilter {
  columnId: string;
  value: string;
  negate: boolean;
}

/** Separates the columns' texts so a query cannot match across two of them. */
const FIELD_SEPARATOR = '\u0000';
const WHITESPACE = /\s+/;

export function indexRows(rows: HuntRow[], columns: ResultColumn[]): RowEntry[] {
  return rows.map((row, index) => {
    const parts: string[] = [];
    for (const column of columns) {
      const values = column.values(row);
      parts.push(...values, ...values.map(column.formatValue));
      if (column.extraSearchText) parts.push(...column.extraSearchText(row));
      if (values.length === 0 && column.emptyText) parts.push(column.emptyText);
    }
    // The names the row was grouped from and the actions behind it are findable too.
    parts.push(...row.event_actions);
    return { row, index, text: parts.join(FIELD_SEPARATOR).toLowerCase() };
  });
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** A stable sort by each sort column in turn; values are read once per row, not per comparison. */
export function sortEntries(
  entries: RowEntry[],
  columns: ResultColumn[],
  sorting: SortColumn[]
): RowEntry[] {
  const keys = sorting.flatMap((sort) => {
    const column = columns.find((candidate) => candidate.id === sort.id);
    if (!column) return [];
    const values = entries.map((entry) => column.sortValue(entry.row));
    return [{ values, sign: sort.direction === 'asc' ? 1 : -1 }];
  });
  const order = entries.map((_entry, position) => position);
  order.sort((left, right) => {
    for (const key of keys) {
      const a = key.values[left];
      const b = key.values[right];
      // Empty values stay last whichever the direction.
      if (a === null || b === null) {
        const nulls = compare(a, b);
        if (nulls !== 0) return nulls;
        continue;
      }
      const result = compare(a, b) * key.sign;
      if (result !== 0) return result;
    }
    return left - right;
  });
  return order.map((position) => entries[position]);
}

/** Rows whose text holds every word of `query`, and that pass every value filter. */
export function filterEntries(
  entries: RowEntry[],
  query: string,
  valueFilters: ValueFilter[],
  columns: ResultColumn[]
): RowEntry[] {
  const words = query.trim().toLowerCase().split(WHITESPACE).filter(Boolean);
  const checks = valueFilters.flatMap((filter) => {
    const column = columns.find((candidate) => candidate.id === filter.columnId);
    return column ? [{ column, filter }] : [];
  });
  if (words.length === 0 && checks.length === 0) return entries;
  return entries.filter(
    (entry) =>
      words.every((word) => entry.text.includes(word)) &&
      checks.every(
        ({ column, filter }) => column.values(entry.row).includes(filter.value) !== filter.negate
      )
  );
}
