import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  copyToClipboard,
  EuiBadge,
  EuiButtonIcon,
  EuiCheckbox,
  EuiDataGrid,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiScreenReaderLive,
  EuiSpacer,
  EuiTablePagination,
  EuiText,
  type EuiDataGridCellPopoverElementProps,
  type EuiDataGridCellValueElementProps,
  type EuiDataGridColumn,
  type EuiDataGridControlColumn,
  type EuiDataGridSorting,
  type EuiDataGridStyle,
  type EuiDataGridToolBarVisibilityOptions,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { FormattedMessage } from '@kbn/i18n-react';
import type { GroupBy } from '../../../common/hunt/hunt_params';
import { rowPrincipal, type HuntRow } from '../../../common/hunt/shape_results';
import type { UsePivotsValue } from '../../hooks/use_pivots';
import { formatCount, formatDay } from '../../format';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import {
  createRowTextIndex,
  filterEntries,
  indexWhileIdle,
  rowEntries,
  sortEntries,
  type RowEntry,
  type SortColumn,
  type ValueFilter,
} from './filter_rows';
import { cellText, resultColumns, type ResultColumn, type TriageLookup } from './result_columns';
import { cellActionsFor, ValueList, type ValueActionContext } from './value_actions';
import { useColumnChoice } from './column_choice';

export const PAGE_SIZES = [25, 50, 100];
/**
 * By evidence once the triage has answered (new addresses, countries, networks, unshared
 * addresses: see compareByEvidence), and until then, or for ties, the rarest first as the hunt
 * reads: fewest actions a day.
 */
const DEFAULT_SORT: SortColumn[] = [
  { id: 'evidence', direction: 'asc' },
  { id: 'dailyCount', direction: 'asc' },
];
/** Cell actions shown on hover or focus; the rest are in the cell's popover. */
const VISIBLE_CELL_ACTIONS = 3;
const SELECT_COLUMN_WIDTH = 36;
const ROW_ACTIONS_COLUMN_WIDTH = 80;

export interface ResultsTableProps {
  rows: HuntRow[];
  groupBy: GroupBy;
  pivots?: UsePivotsValue;
  onInspectRow?: (row: HuntRow) => void;
  onSelectionChange?: (rows: HuntRow[]) => void;
  /** The id of the heading that names the grid. */
  labelledBy?: string;
  /** Changes when the selected rows went somewhere (a case): the selection clears. */
  selectionResetKey?: number;
  /** Where from, how common, how new: the triage's reading of each row. */
  triage?: TriageLookup;
  /** Offers "mark benign" on names, ids and IPs; absent when the user may not write entries. */
  onMarkBenign?: ValueActionContext['onMarkBenign'];
}

/** What control-column cells read; a new value re-renders them (a sort moves rows under them). */
interface GridRowsContextValue {
  /** Every row that passes the filters, in sort order (what "select all" selects). */
  visible: RowEntry[];
  /** The rows of the page on screen: the grid's rows, by their index. */
  pageRows: RowEntry[];
  selected: ReadonlySet<number>;
  toggle(index: number): void;
  toggleAll(): void;
  pivots?: UsePivotsValue;
  groupBy: GroupBy;
  onInspectRow?: (row: HuntRow) => void;
  columnsById: ReadonlyMap<string, ResultColumn>;
  actionContext: React.MutableRefObject<ValueActionContext>;
}

const GridRowsContext = createContext<GridRowsContextValue | undefined>(undefined);

function useGridRows(): GridRowsContextValue {
  const value = useContext(GridRowsContext);
  if (!value) throw new Error('grid cells must render inside ResultsTable');
  return value;
}

/**
 * Runs `update` once the browser has painted the next frame (a task queued from that frame's
 * animation callback runs after its paint); returns the cancel function.
 */
function afterNextPaint(update: () => void): () => void {
  let timer: number | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(update, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/**
 * `value` as it was when the browser last painted: a new value is returned once the frame that
 * shows the change's own feedback (the key typed, the sort arrow, the page number) has painted.
 * Re-sorting, filtering or paging re-renders every cell of the page, which takes longer than a
 * frame; this way the control answers first and the rows follow in the next task, as
 * startTransition would arrange in a concurrent root. Kibana mounts apps with the legacy
 * ReactDOM.render, where startTransition and useDeferredValue render at once. Values set faster
 * than a frame are applied once, the last one.
 */
function useValueAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(
    () => (Object.is(painted, value) ? undefined : afterNextPaint(() => setPainted(value))),
    [painted, value]
  );
  return painted;
}

/** The same sorts, perhaps in another order (a reorder changes only how ties break). */
function sameSorts(a: SortColumn[], b: SortColumn[]): boolean {
  return (
    a.length === b.length &&
    a.every((sort) => b.some((other) => other.id === sort.id && other.direction === sort.direction))
  );
}

function rowName(row: HuntRow, groupBy: GroupBy): string {
  const principal = rowPrincipal(row, groupBy) ?? '—';
  return `${principal} · ${row.action ?? '—'} · ${formatDay(row.day)}`;
}

function SelectAllHeader() {
  const { visible, selected, toggleAll } = useGridRows();
  const count = visible.filter((entry) => selected.has(entry.index)).length;
  return (
    <EuiCheckbox
      id="entraSpHuntSelectAll"
      checked={visible.length > 0 && count === visible.length}
      indeterminate={count > 0 && count < visible.length}
      onChange={toggleAll}
      aria-label={i18n.translate('entraSpHunt.results.selectAllAriaLabel', {
        defaultMessage: 'Select all {count} shown rows',
        values: { count: visible.length },
      })}
      data-test-subj={DATA_TEST_SUBJ.selectAllRows}
    />
  );
}

function SelectRowCell({ rowIndex }: EuiDataGridCellValueElementProps) {
  const { pageRows, selected, toggle, groupBy } = useGridRows();
  const entry = pageRows[rowIndex];
  if (!entry) return null;
  return (
    <EuiCheckbox
      id={`entraSpHuntSelectRow${entry.index}`}
      checked={selected.has(entry.index)}
      onChange={() => toggle(entry.index)}
      aria-label={i18n.translate('entraSpHunt.results.selectRowAriaLabel', {
        defaultMessage: 'Select {row}',
        values: { row: rowName(entry.row, groupBy) },
      })}
      data-test-subj={DATA_TEST_SUBJ.selectRow}
    />
  );
}

/**
 * Stands in for a row's Discover link until the link is about to be used: an anchor needs an href
 * to be a link at all (focusable, opened in a new tab, its address copied).
 */
const UNBUILT_HREF = '#';

/**
 * A row's Discover link. Building it compresses the row's query into a redirect link, as Kibana's
 * locators do, which costs about a millisecond a row: built on every sort, page and keystroke for
 * every row on screen it was a fifth of each interaction. It is built when the link is about to be
 * used instead: pointed at, focused, pressed (any button) or its context menu opened, always from
 * the row the cell shows now, so rows moved under a resting pointer never open the wrong events.
 */
function RowDiscoverLink({
  row,
  name,
  pivots,
}: {
  row: HuntRow;
  name: string;
  pivots: UsePivotsValue;
}) {
  const build = (event: React.SyntheticEvent<HTMLAnchorElement>) => {
    const url = pivots.discoverUrl(pivots.rowPivot(row));
    if (url) event.currentTarget.href = url;
    else event.preventDefault();
  };
  return (
    <EuiButtonIcon
      iconType="discoverApp"
      size="xs"
      href={UNBUILT_HREF}
      target="_blank"
      rel="noopener noreferrer"
      onPointerEnter={build}
      onFocus={build}
      onMouseDown={build}
      onContextMenu={build}
      onClick={build}
      aria-label={i18n.translate('entraSpHunt.results.discoverActionAriaLabel', {
        defaultMessage: 'Open the events of {row} in Discover',
        values: { row: name },
      })}
      title={i18n.translate('entraSpHunt.results.discoverActionLabel', {
        defaultMessage: 'Open events in Discover',
      })}
      data-test-subj={DATA_TEST_SUBJ.rowDiscover}
    />
  );
}

/**
 * Inspect the row's events here, or open them in Discover; usable whatever is selected. Discover
 * is a real link opening in a new tab (the analyst keeps this page and its rows).
 */
function RowActionsCell({ rowIndex }: EuiDataGridCellValueElementProps) {
  const { pageRows, pivots, onInspectRow, groupBy } = useGridRows();
  const entry = pageRows[rowIndex];
  if (!entry) return null;
  const name = rowName(entry.row, groupBy);
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false} alignItems="center">
      {onInspectRow && (
        <EuiFlexItem grow={false}>
          <EuiButtonIcon
            iconType="inspect"
            size="xs"
            onClick={() => onInspectRow(entry.row)}
            aria-label={i18n.translate('entraSpHunt.results.inspectActionAriaLabel', {
              defaultMessage: 'Inspect the events of {row}',
              values: { row: name },
            })}
            title={i18n.translate('entraSpHunt.results.inspectActionLabel', {
              defaultMessage: 'Inspect events',
            })}
            data-test-subj={DATA_TEST_SUBJ.inspectRow}
          />
        </EuiFlexItem>
      )}
      {pivots?.canOpenDiscover && entry.row.day && (
        <EuiFlexItem grow={false}>
          <RowDiscoverLink row={entry.row} name={name} pivots={pivots} />
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}

/**
 * A value cell. EuiDataGrid renders `renderCellValue` as a component and re-renders a cell only
 * when its props change (EuiDataGridCell's shouldComponentUpdate compares renderCellValue among
 * them), so this stays the same function and reads the page's rows from context: a sort, a page
 * or a filter keystroke re-renders the cells' text, not every cell's wrapper and actions.
 */
function ResultCellValue({ rowIndex, columnId }: EuiDataGridCellValueElementProps) {
  const { pageRows, columnsById } = useGridRows();
  const entry = pageRows[rowIndex];
  const column = columnsById.get(columnId);
  if (!entry || !column) return null;
  if (column.badge && column.values(entry.row).length > 0) {
    const mark = cellText(column, entry.row);
    return (
      <EuiBadge color="primary" title={mark}>
        {mark}
      </EuiBadge>
    );
  }
  return <>{cellText(column, entry.row)}</>;
}

/** A multi-valued cell's popover lists each value with its actions; others read as EUI's. */
function ResultCellPopover(props: EuiDataGridCellPopoverElementProps) {
  const { pageRows, columnsById, actionContext } = useGridRows();
  const { DefaultCellPopover, rowIndex, columnId } = props;
  const column = columnsById.get(columnId);
  const row = pageRows[rowIndex]?.row;
  if (!column?.multiValued || !row || column.values(row).length <= 1)
    return <DefaultCellPopover {...props} />;
  return <ValueList column={column} row={row} context={actionContext.current} />;
}

function RowActionsHeader() {
  return <FormattedMessage id="entraSpHunt.results.actionsColumnLabel" defaultMessage="Events" />;
}

const SELECT_COLUMN: EuiDataGridControlColumn = {
  id: 'select',
  width: SELECT_COLUMN_WIDTH,
  headerCellRender: SelectAllHeader,
  rowCellRender: SelectRowCell,
};
const ROW_ACTIONS_COLUMN: EuiDataGridControlColumn = {
  id: 'rowActions',
  width: ROW_ACTIONS_COLUMN_WIDTH,
  headerCellRender: RowActionsHeader,
  rowCellRender: RowActionsCell,
};
/**
 * Selection and the row's actions lead the row: with the triage's columns the grid is wider than
 * the page, and a trailing column would sit past the scroll (EuiDataGrid keeps columns out of
 * view out of the DOM), so inspecting a row would first mean scrolling to its end.
 */
const LEADING_WITH_SELECTION: EuiDataGridControlColumn[] = [SELECT_COLUMN, ROW_ACTIONS_COLUMN];
const LEADING_WITHOUT_SELECTION: EuiDataGridControlColumn[] = [ROW_ACTIONS_COLUMN];
/**
 * EuiDataGrid is memoised: with the same props it does not render again, and a page or a filter
 * keystroke then re-renders only the cells (which read the rows from context). Its object props
 * are therefore constants, not literals made anew on each render.
 */
const GRID_STYLE: EuiDataGridStyle = {
  border: 'horizontal',
  header: 'underline',
  fontSize: 's',
  cellPadding: 'm',
};
const TOOLBAR_VISIBILITY: EuiDataGridToolBarVisibilityOptions = {
  showColumnSelector: true,
  showSortSelector: true,
  showDisplaySelector: true,
  showFullScreenSelector: true,
};

function ValueFilterBadges({
  filters,
  columns,
  onRemove,
}: {
  filters: ValueFilter[];
  columns: ResultColumn[];
  onRemove: (filter: ValueFilter) => void;
}) {
  if (filters.length === 0) return null;
  return (
    <EuiFlexGroup
      gutterSize="xs"
      wrap
      responsive={false}
      data-test-subj={DATA_TEST_SUBJ.valueFilters}
    >
      {filters.map((filter) => {
        const column = columns.find((candidate) => candidate.id === filter.columnId);
        const text = `${filter.negate ? 'NOT ' : ''}${column?.label ?? filter.columnId}: ${
          column ? column.formatValue(filter.value) : filter.value
        }`;
        return (
          <EuiFlexItem grow={false} key={`${filter.columnId}|${filter.value}|${filter.negate}`}>
            <EuiBadge
              color={filter.negate ? 'danger' : 'hollow'}
              iconType="cross"
              iconSide="right"
              iconOnClick={() => onRemove(filter)}
              iconOnClickAriaLabel={i18n.translate('entraSpHunt.results.removeFilterAriaLabel', {
                defaultMessage: 'Remove the filter {filter}',
                values: { filter: text },
              })}
            >
              {text}
            </EuiBadge>
          </EuiFlexItem>
        );
      })}
    </EuiFlexGroup>
  );
}

/**
 * The results as an EuiDataGrid. Sorting, filtering and paging are controlled here and memoised
 * apart (a sort runs once per sort change, a filter once per keystroke over the sorted rows), and
 * only the page's cells render. Cells are plain text; per-value actions are EuiDataGrid cell
 * actions, built for the one cell an analyst hovers, focuses or opens.
 */
export function ResultsTable({
  rows,
  groupBy,
  pivots,
  onInspectRow,
  onSelectionChange,
  labelledBy,
  selectionResetKey,
  triage,
  onMarkBenign,
}: ResultsTableProps) {
  const columns = useMemo(() => resultColumns(groupBy, triage), [groupBy, triage]);
  const columnsById = useMemo(
    () => new Map(columns.map((column) => [column.id, column])),
    [columns]
  );
  const entries = useMemo(() => rowEntries(rows), [rows]);
  // The filter's text index follows the columns (the triage's answer changes them) but is built
  // while the browser is idle, not before the rows can paint.
  const texts = useMemo(() => createRowTextIndex(rows, columns), [rows, columns]);
  useEffect(() => indexWhileIdle(texts), [texts]);

  // What the controls say changes at once: the header's sort arrow, the filter field, the page
  // number. The rows follow once that has painted (see useValueAfterPaint).
  const [sorting, setSorting] = useState<SortColumn[]>(DEFAULT_SORT);
  const [query, setQuery] = useState('');
  const [valueFilters, setValueFilters] = useState<ValueFilter[]>([]);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: PAGE_SIZES[0] });
  const view = useMemo(
    () => ({ sorting, query, valueFilters, pagination }),
    [sorting, query, valueFilters, pagination]
  );
  const shown = useValueAfterPaint(view);

  const sorted = useMemo(
    () => sortEntries(entries, columns, shown.sorting),
    [entries, columns, shown.sorting]
  );
  const visible = useMemo(
    () => filterEntries(sorted, shown.query, shown.valueFilters, columns, texts),
    [sorted, shown.query, shown.valueFilters, columns, texts]
  );

  const { pageSize } = shown.pagination;
  const pageCount = Math.max(1, Math.ceil(visible.length / pageSize));
  const pageIndex = Math.min(shown.pagination.pageIndex, pageCount - 1);
  // The grid is given one page of rows and paged here: EuiDataGrid keys its rows by index, so
  // paging inside it would mount every cell of the new page anew.
  const pageRows = useMemo(
    () => visible.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize),
    [pageIndex, pageSize, visible]
  );

  const columnIds = useMemo(() => columns.map((column) => column.id), [columns]);
  const { visibleColumns, setVisibleColumns, widths, onColumnResize } = useColumnChoice(columnIds);
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    onSelectionChange?.(rows.filter((_row, index) => selected.has(index)));
  }, [onSelectionChange, rows, selected]);
  useEffect(() => {
    if (selectionResetKey) setSelected(new Set());
  }, [selectionResetKey]);

  const onFilter = useCallback((columnId: string, value: string, negate: boolean) => {
    setValueFilters((current) => [
      ...current.filter((filter) => filter.columnId !== columnId || filter.value !== value),
      { columnId, value, negate },
    ]);
    setPagination((current) => ({ ...current, pageIndex: 0 }));
  }, []);
  const onCopy = useCallback((value: string) => {
    const copied = copyToClipboard(value);
    setAnnouncement(
      copied
        ? i18n.translate('entraSpHunt.results.copiedDescription', {
            defaultMessage: 'Copied {value}',
            values: { value },
          })
        : i18n.translate('entraSpHunt.results.copyFailedDescription', {
            defaultMessage: 'Could not copy {value}',
            values: { value },
          })
    );
  }, []);

  // Cell actions read the current rows and page context through these, so the column objects
  // (and the grid's headers) stay the same across sorts, filters and pages.
  const rowAt = useRef<(rowIndex: number) => HuntRow | undefined>(() => undefined);
  rowAt.current = (rowIndex) => pageRows[rowIndex]?.row;
  const actionContext = useRef<ValueActionContext>({ pivots, onFilter, onCopy, onMarkBenign });
  actionContext.current = { pivots, onFilter, onCopy, onMarkBenign };

  const cellActions = useMemo(
    () =>
      new Map(columns.map((column) => [column.id, cellActionsFor(column, rowAt, actionContext)])),
    [columns]
  );
  const gridColumns = useMemo<EuiDataGridColumn[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        displayAsText: column.label,
        initialWidth: widths[column.id] ?? column.initialWidth,
        schema: column.schema,
        isSortable: true,
        cellActions: cellActions.get(column.id),
        visibleCellActions: VISIBLE_CELL_ACTIONS,
      })),
    [cellActions, columns, widths]
  );

  const toggle = useCallback((index: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);
  const toggleAll = useCallback(() => {
    setSelected((current) => {
      const all = visible.every((entry) => current.has(entry.index));
      const next = new Set(current);
      for (const entry of visible) {
        if (all) next.delete(entry.index);
        else next.add(entry.index);
      }
      return next;
    });
  }, [visible]);
  const gridRows = useMemo<GridRowsContextValue>(
    () => ({
      visible,
      pageRows,
      selected,
      toggle,
      toggleAll,
      pivots,
      groupBy,
      onInspectRow,
      columnsById,
      actionContext,
    }),
    [visible, pageRows, selected, toggle, toggleAll, pivots, groupBy, onInspectRow, columnsById]
  );

  // The grid is handed the sort the rows are in, not the one just chosen: a new sort re-renders
  // EuiDataGrid's toolbar and headers, and (its sorting context changing) every cell wrapper,
  // then again once its effects have compared the sort, with a forced layout each time. In the
  // frame of the click that was most of a re-sort's cost; now the column menu closes and focus
  // returns in that frame, with "Sorting by …" beside the row count, and the header's sort arrow
  // comes with the rows in the next. A reorder of the same sorts (dragged in the toolbar's sort
  // list) is handed over at once, or the dragged list would jump back for a frame.
  const gridSortColumns = sameSorts(sorting, shown.sorting) ? sorting : shown.sorting;
  const sortPending = gridSortColumns !== sorting;
  const gridSorting = useMemo<EuiDataGridSorting>(
    () => ({
      columns: gridSortColumns,
      onSort: (next) => {
        const chosen = next.map(({ id, direction }) => ({ id, direction }));
        // EuiDataGrid adds a header's sort after the current ones. Behind the evidence order (one
        // place per row) a sort added second would change nothing, so while the order is still
        // the default, the analyst's choice replaces it.
        const added = chosen.filter(
          (sort) =>
            !DEFAULT_SORT.some(
              (fallback) => fallback.id === sort.id && fallback.direction === sort.direction
            )
        );
        setSorting((current) => (current === DEFAULT_SORT && added.length > 0 ? added : chosen));
        setPagination((current) => ({ ...current, pageIndex: 0 }));
      },
    }),
    [gridSortColumns]
  );
  const columnVisibility = useMemo(
    () => ({ visibleColumns, setVisibleColumns }),
    [setVisibleColumns, visibleColumns]
  );

  return (
    <GridRowsContext.Provider value={gridRows}>
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem grow={false} style={{ minWidth: 440 }}>
          <EuiFieldSearch
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPagination((current) => ({ ...current, pageIndex: 0 }));
            }}
            placeholder={i18n.translate('entraSpHunt.results.searchPlaceholder', {
              defaultMessage: 'Filter rows: principal, id, action, IP, data source, day',
            })}
            aria-label={i18n.translate('entraSpHunt.results.searchAriaLabel', {
              defaultMessage: 'Filter the result rows by any of their values',
            })}
            compressed
            fullWidth
            data-test-subj={DATA_TEST_SUBJ.resultsFilter}
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText
            size="s"
            color="subdued"
            role="status"
            data-test-subj={DATA_TEST_SUBJ.resultsShown}
          >
            <FormattedMessage
              id="entraSpHunt.results.shownDescription"
              defaultMessage="{shown} of {total} rows"
              values={{ shown: formatCount(visible.length), total: formatCount(rows.length) }}
            />
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          {/* Always mounted, so a screen reader hears the text put into it. */}
          <EuiText
            size="s"
            color="subdued"
            role="status"
            data-test-subj={DATA_TEST_SUBJ.resultsSorting}
          >
            {sortPending &&
              (sorting.length > 0 ? (
                <FormattedMessage
                  id="entraSpHunt.results.sortingDescription"
                  defaultMessage="Sorting by {columns}…"
                  values={{
                    columns: sorting
                      .map((sort) => columnsById.get(sort.id)?.label ?? sort.id)
                      .join(', '),
                  }}
                />
              ) : (
                <FormattedMessage
                  id="entraSpHunt.results.unsortingDescription"
                  defaultMessage="Putting the rows back in the order they came…"
                />
              ))}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      {valueFilters.length > 0 && <EuiSpacer size="s" />}
      <ValueFilterBadges
        filters={valueFilters}
        columns={columns}
        onRemove={(removed) =>
          setValueFilters((current) => current.filter((filter) => filter !== removed))
        }
      />
      <EuiScreenReaderLive>{announcement}</EuiScreenReaderLive>
      <EuiSpacer size="s" />
      <EuiDataGrid
        {...(labelledBy
          ? { 'aria-labelledby': labelledBy }
          : {
              'aria-label': i18n.translate('entraSpHunt.results.tableDescription', {
                defaultMessage: 'Rare service principal actions from several IPs',
              }),
            })}
        columns={gridColumns}
        columnVisibility={columnVisibility}
        leadingControlColumns={
          onSelectionChange ? LEADING_WITH_SELECTION : LEADING_WITHOUT_SELECTION
        }
        rowCount={pageRows.length}
        renderCellValue={ResultCellValue}
        renderCellPopover={ResultCellPopover}
        sorting={gridSorting}
        onColumnResize={onColumnResize}
        gridStyle={GRID_STYLE}
        toolbarVisibility={TOOLBAR_VISIBILITY}
        data-test-subj={DATA_TEST_SUBJ.resultsTable}
      />
      <EuiTablePagination
        activePage={Math.min(pagination.pageIndex, pageCount - 1)}
        pageCount={pageCount}
        itemsPerPage={pagination.pageSize}
        itemsPerPageOptions={PAGE_SIZES}
        onChangePage={(next) => setPagination((current) => ({ ...current, pageIndex: next }))}
        onChangeItemsPerPage={(size) => setPagination({ pageIndex: 0, pageSize: size })}
        aria-label={i18n.translate('entraSpHunt.results.paginationAriaLabel', {
          defaultMessage: 'Pages of result rows',
        })}
      />
    </GridRowsContext.Provider>
  );
}
