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

export function rowEntries(rows: HuntRow[]): RowEntry[] {
  return rows.map((row, index) => ({ row, index }));
}

/** Rows indexed per slice while the browser is idle: small enough to leave a frame free. */
const INDEX_SLICE_ROWS = 500;

/**
 * Every column's text of each row, lower-cased, for the free-text filter. Built lazily: a run or
 * the triage's answer (which changes the columns) costs nothing here until the analyst filters
 * or the browser is idle (`indexWhileIdle`), since indexing 10,000 rows takes longer than a frame.
 */
export interface RowTextIndex {
  /** The text of the row at `index` in the response; indexes what is still missing first. */
  textOf(index: number): string;
  /** Indexes up to `count` more rows; false once every row is indexed. */
  indexMore(count: number): boolean;
}

export function createRowTextIndex(rows: HuntRow[], columns: ResultColumn[]): RowTextIndex {
  const texts: string[] = [];
  // Many rows share a value (a day, a count): each is formatted once per column.
  const formatters = columns.map((column) => {
    const formatted = new Map<string, string>();
    return (value: string) => {
      let text = formatted.get(value);
      if (text === undefined) {
        text = column.formatValue(value);
        formatted.set(value, text);
      }
      return text;
    };
  });
  const indexRow = (row: HuntRow) => {
    const parts: string[] = [];
    columns.forEach((column, position) => {
      const values = column.values(row);
      parts.push(...values, ...values.map(formatters[position]));
      if (column.extraSearchText) parts.push(...column.extraSearchText(row));
      if (values.length === 0 && column.emptyText) parts.push(column.emptyText);
    });
    // The names the row was grouped from and the actions behind it are findable too.
    parts.push(...row.event_actions);
    return parts.join(FIELD_SEPARATOR).toLowerCase();
  };
  const indexMore = (count: number) => {
    const end = Math.min(rows.length, texts.length + count);
    while (texts.length < end) texts.push(indexRow(rows[texts.length]));
    return texts.length < rows.length;
  };
  return {
    textOf(index) {
      if (index >= texts.length) indexMore(index + 1 - texts.length);
      return texts[index];
    },
    indexMore,
  };
}

/**
 * Indexes the rest of `index` a slice at a time while the browser is idle (a timer where it has
 * no idle callbacks); returns the cancel function.
 */
export function indexWhileIdle(index: RowTextIndex): () => void {
  let cancelled = false;
  let cancelPending = () => {};
  const step = () => {
    if (cancelled || !index.indexMore(INDEX_SLICE_ROWS)) return;
    schedule();
  };
  const schedule = () => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(step);
      cancelPending = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(step, 0);
      cancelPending = () => window.clearTimeout(handle);
    }
  };
  schedule();
  return () => {
    cancelled = true;
    cancelPending();
  };
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
  columns: ResultColumn[],
  texts: RowTextIndex
): RowEntry[] {
  const words = query.trim().toLowerCase().split(WHITESPACE).filter(Boolean);
  const checks = valueFilters.flatMap((filter) => {
    const column = columns.find((candidate) => candidate.id === filter.columnId);
    return column ? [{ column, filter }] : [];
  });
  if (words.length === 0 && checks.length === 0) return entries;
  return entries.filter(
    (entry) =>
      (words.length === 0 || words.every((word) => texts.textOf(entry.index).includes(word))) &&
      checks.every(
        ({ column, filter }) => column.values(entry.row).includes(filter.value) !== filter.negate
      )
  );
}
