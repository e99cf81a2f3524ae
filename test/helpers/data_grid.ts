import { act, fireEvent, screen, within } from '@testing-library/react';

/** EuiDataGrid body cells by row (as shown, top to bottom) and column id, as their text. */
export function bodyRows(grid: HTMLElement): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const element of grid.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
    const rowIndex = Number(element.getAttribute('data-gridcell-visible-row-index'));
    const columnId = element.getAttribute('data-gridcell-column-id') ?? '';
    const content = element.querySelector('[data-datagrid-cellcontent]') ?? element;
    const entry = rows.get(rowIndex) ?? {};
    entry[columnId] = content.textContent ?? '';
    rows.set(rowIndex, entry);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/** The body cell of `columnId` in the row shown at `visibleRowIndex`. */
export function cell(grid: HTMLElement, visibleRowIndex: number, columnId: string): HTMLElement {
  const found = grid.querySelector<HTMLElement>(
    `[role="gridcell"][data-gridcell-visible-row-index="${visibleRowIndex}"][data-gridcell-column-id="${columnId}"]`
  );
  if (!found) throw new Error(`no cell ${columnId} in row ${visibleRowIndex}`);
  return found;
}

/** Hovers a cell so EuiDataGrid renders its cell actions, and returns the one with `testSubj`. */
export async function openCellActions(
  grid: HTMLElement,
  visibleRowIndex: number,
  columnId: string,
  testSubj: string
): Promise<HTMLElement> {
  const target = cell(grid, visibleRowIndex, columnId);
  act(() => {
    fireEvent.mouseEnter(target);
    target.focus();
  });
  const inCell = within(target).queryByTestId(testSubj);
  if (inCell) return inCell;
  // Actions past the first few are in the cell's popover.
  fireEvent.keyDown(target, { key: 'Enter' });
  return screen.findByTestId(testSubj);
}
