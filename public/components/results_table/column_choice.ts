/**
 * Which result columns show, in what order and how wide: the grid's defaults until the analyst
 * changes them, then their choice, kept in the browser's local storage so the next run (the grid is
 * mounted afresh for each) and the next visit keep it. A column that appears later, or that a newer
 * version adds, shows at its default place; one the analyst hid stays hidden.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';

export const COLUMN_CHOICE_STORAGE_KEY = 'entraSpHunt.results.columns';
/** Widths outside this are not the analyst's (a hand-edited or foreign value): ignored. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 2_000;
/** More ids than any version of the grid has: a stored value past this is not ours. */
const MAX_IDS = 100;
const MAX_ID_LENGTH = 64;

export interface ColumnChoice {
  /** The columns shown, in order. */
  visible: string[];
  /** Every column the grid had when the choice was made: the others are new since. */
  known: string[];
  widths: Record<string, number>;
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length <= MAX_IDS &&
  value.every((id) => typeof id === 'string' && id.length <= MAX_ID_LENGTH);

/** The stored choice, or undefined when there is none or it is not one (never throws). */
export function parseColumnChoice(text: string | null): ColumnChoice | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { visible, known, widths } = value as Record<string, unknown>;
  if (!isIdList(visible) || !isIdList(known)) return undefined;
  const kept: Record<string, number> = {};
  if (typeof widths === 'object' && widths !== null) {
    for (const [id, width] of Object.entries(widths).slice(0, MAX_IDS)) {
      if (typeof width === 'number' && width >= MIN_WIDTH && width <= MAX_WIDTH) kept[id] = width;
    }
  }
  return { visible, known, widths: kept };
}

/**
 * The ids to show: all, in the default order, without a choice; else the chosen ones that still
 * exist, in the chosen order, with each column new since the choice placed after the column that
 * precedes it by default.
 */
export function shownColumnIds(defaults: string[], choice: ColumnChoice | undefined): string[] {
  if (!choice) return defaults;
  const exists = new Set(defaults);
  const known = new Set(choice.known);
  const shown = choice.visible.filter((id) => exists.has(id));
  defaults.forEach((id, index) => {
    if (known.has(id) || shown.includes(id)) return;
    const before = defaults
      .slice(0, index)
      .reverse()
      .find((previous) => shown.includes(previous));
    shown.splice(before === undefined ? 0 : shown.indexOf(before) + 1, 0, id);
  });
  return shown;
}

function readChoice(): ColumnChoice | undefined {
  try {
    return parseColumnChoice(window.localStorage.getItem(COLUMN_CHOICE_STORAGE_KEY));
  } catch {
    // Storage can be refused (a locked-down browser): the defaults serve.
    return undefined;
  }
}

function writeChoice(choice: ColumnChoice): void {
  try {
    window.localStorage.setItem(COLUMN_CHOICE_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Not kept past this page; the grid still shows the choice.
  }
}

/** The choice after a change: every column shown so far is known. */
function nextChoice(
  defaults: string[],
  current: ColumnChoice | undefined,
  change: Partial<Pick<ColumnChoice, 'visible' | 'widths'>>
): ColumnChoice {
  return {
    visible: change.visible ?? shownColumnIds(defaults, current),
    known: [...new Set([...(current?.known ?? []), ...defaults])],
    widths: { ...(current?.widths ?? {}), ...change.widths },
  };
}

/** The grid's column visibility and widths, as the analyst last left them. */
export function useColumnChoice(defaults: string[]) {
  const [choice, setChoice] = useState<ColumnChoice | undefined>(readChoice);
  const visibleColumns = useMemo(() => shownColumnIds(defaults, choice), [choice, defaults]);
  useEffect(() => {
    if (choice) writeChoice(choice);
  }, [choice]);
  const setVisibleColumns = useCallback(
    (visible: string[]) => setChoice((current) => nextChoice(defaults, current, { visible })),
    [defaults]
  );
  const onColumnResize = useCallback(
    ({ columnId, width }: { columnId: string; width: number }) =>
      setChoice((current) => nextChoice(defaults, current, { widths: { [columnId]: width } })),
    [defaults]
  );
  return { visibleColumns, setVisibleColumns, widths: choice?.widths ?? NO_WIDTHS, onColumnResize };
}

const NO_WIDTHS: Record<string, number> = {};
