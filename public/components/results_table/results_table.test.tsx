import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { bodyRows, cell, openCellActions } from '../../../test/helpers/data_grid';
import { VISIBLE_VALUES } from './result_columns';
import { PAGE_SIZES, ResultsTable } from './results_table';

function row(overrides: Partial<HuntRow>): HuntRow {
  return huntRow({
    service_principal_name: 'Terraform',
    service_principal_ids: ['id-1'],
    ips: ['192.0.2.1', '192.0.2.2'],
    ...overrides,
  });
}

const grid = () => screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
const firstColumn = (columnId: string) => bodyRows(grid()).map((cells) => cells[columnId]);

describe('ResultsTable', () => {
  it('formats the day, counts, principal, ids and the first IPs for reading', () => {
    const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'];
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={[
          row({ ips, distinct_ips: 6, daily_action_count: 1200, service_principal_name: null }),
        ]}
      />
    );
    const [only] = bodyRows(grid());
    expect(only.day).toBe('Fri, 20 Nov 2026');
    expect(only.dailyCount).toBe('1,200');
    expect(only.principal).toBe('(no name)');
    expect(only.principalKeys).toBe('id-1');
    expect(only.ips).toBe(
      `${ips.slice(0, VISIBLE_VALUES).join(', ')} +${ips.length - VISIBLE_VALUES} more`
    );
  });

  it('lists every value of a many-valued cell in its popover, reachable by keyboard', async () => {
    const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'];
    renderWithProviders(<ResultsTable groupBy="name" rows={[row({ ips })]} />);
    const ipCell = cell(grid(), 0, 'ips');
    act(() => ipCell.focus());
    fireEvent.keyDown(ipCell, { key: 'Enter' });
    const list = await screen.findByTestId(DATA_TEST_SUBJ.valueList);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(ips);
  });

  it('keeps the columns the analyst hid hidden in the next run’s grid', async () => {
    const rows = [row({ action: 'Rare action' })];
    const { unmount } = renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    expect(Object.keys(bodyRows(grid())[0])).toContain('action');
    fireEvent.click(screen.getByTestId('dataGridColumnSelectorButton'));
    fireEvent.click(
      await screen.findByTestId('dataGridColumnSelectorToggleColumnVisibility-action')
    );
    await waitFor(() => expect(Object.keys(bodyRows(grid())[0])).not.toContain('action'));
    unmount();
    // Each run mounts a grid of its own.
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    expect(Object.keys(bodyRows(grid())[0])).not.toContain('action');
    expect(Object.keys(bodyRows(grid())[0])).toContain('principal');
  });

  it('shows the id as the principal when grouped by id, names beside it', () => {
    renderWithProviders(
      <ResultsTable
        groupBy="id"
        rows={[row({ service_principal_id: 'id-9', service_principal_names: ['A', 'B'] })]}
      />
    );
    const [only] = bodyRows(grid());
    expect(only.principal).toBe('id-9');
    expect(only.principalKeys).toBe('A, B');
  });

  it('sorts by daily count ascending by default, and by a column from its header', async () => {
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={[
          row({ service_principal_name: 'B', daily_action_count: 5 }),
          row({ service_principal_name: 'A', daily_action_count: 1 }),
          row({ service_principal_name: 'C', daily_action_count: 3 }),
        ]}
      />
    );
    expect(firstColumn('principal')).toEqual(['A', 'C', 'B']);
    fireEvent.click(screen.getByTestId('dataGridHeaderCellActionButton-dailyCount'));
    fireEvent.click(await screen.findByText('Sort High-Low'));
    await waitFor(() => expect(firstColumn('principal')).toEqual(['B', 'C', 'A']));
  });

  it('sorts by evidence once the triage answers; a header sort then replaces that order', async () => {
    const rows = [
      row({ service_principal_name: 'B', daily_action_count: 5 }),
      row({ service_principal_name: 'A', daily_action_count: 1 }),
      row({ service_principal_name: 'C', daily_action_count: 3 }),
    ];
    // The evidence order puts B between A and C: neither the rows' nor the daily counts' order.
    const evidence = ['A', 'B', 'C'];
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={rows}
        triage={{
          rowTriage: () => undefined,
          rank: (entry) => evidence.indexOf(entry.service_principal_name ?? ''),
          loading: false,
          geoMissing: false,
        }}
      />
    );
    expect(firstColumn('principal')).toEqual(['A', 'B', 'C']);
    fireEvent.click(screen.getByTestId('dataGridHeaderCellActionButton-dailyCount'));
    fireEvent.click(await screen.findByText('Sort High-Low'));
    await waitFor(() => expect(firstColumn('principal')).toEqual(['B', 'C', 'A']));
  });

  it('says what it sorts by at once, then shows the sorted rows from the first page with the header arrow', async () => {
    // Two pages of rows with tied counts, so the order is the count's and then the rows' own.
    const rows = Array.from({ length: PAGE_SIZES[0] + 5 }, (_, index) =>
      row({
        service_principal_name: `sp-${String(index).padStart(2, '0')}`,
        daily_action_count: index % 4,
      })
    );
    const byCountDescending: string[] = [];
    for (let count = 3; count >= 0; count -= 1)
      for (const entry of rows)
        if (entry.daily_action_count === count)
          byCountDescending.push(entry.service_principal_name ?? '');
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(firstColumn('principal')).toHaveLength(5));
    const secondPage = firstColumn('principal');

    fireEvent.click(screen.getByTestId('dataGridHeaderCellActionButton-dailyCount'));
    fireEvent.click(await screen.findByText('Sort High-Low'));
    // The click answers in its own frame; the header and rows follow once that has painted.
    expect(screen.getByTestId(DATA_TEST_SUBJ.resultsSorting)).toHaveTextContent(
      'Sorting by Per day…'
    );
    expect(firstColumn('principal')).toEqual(secondPage);
    // The default order already sorts by the count, rising.
    const arrow = () => screen.getByTestId('dataGridHeaderCellSortingIcon-dailyCount');
    expect(arrow()).toHaveAttribute('data-euiicon-type', 'sortUp');

    await waitFor(() =>
      expect(firstColumn('principal')).toEqual(byCountDescending.slice(0, PAGE_SIZES[0]))
    );
    expect(screen.getByTestId(DATA_TEST_SUBJ.resultsSorting)).toHaveTextContent(/^$/);
    expect(arrow()).toHaveAttribute('data-euiicon-type', 'sortDown');
    expect(screen.getByTestId('dataGridHeaderCell-dailyCount')).toHaveAttribute(
      'aria-sort',
      'descending'
    );
  });

  it('adds a second header sort after the first, and a header sort then changes its own direction', async () => {
    const rows = [
      row({ service_principal_name: 'B', daily_action_count: 2 }),
      row({ service_principal_name: 'D', daily_action_count: 1 }),
      row({ service_principal_name: 'A', daily_action_count: 2 }),
      row({ service_principal_name: 'C', daily_action_count: 1 }),
    ];
    const sortFromHeader = async (columnId: string, label: string) => {
      fireEvent.click(screen.getByTestId(`dataGridHeaderCellActionButton-${columnId}`));
      fireEvent.click(await screen.findByText(label));
      await waitFor(() =>
        expect(screen.getByTestId(DATA_TEST_SUBJ.resultsSorting)).toHaveTextContent(/^$/)
      );
    };
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    await sortFromHeader('dailyCount', 'Sort High-Low');
    // Ties keep the rows' own order until a second sort breaks them.
    expect(firstColumn('principal')).toEqual(['B', 'A', 'D', 'C']);
    await sortFromHeader('principal', 'Sort A-Z');
    expect(firstColumn('principal')).toEqual(['A', 'B', 'C', 'D']);
    await sortFromHeader('dailyCount', 'Sort Low-High');
    expect(firstColumn('principal')).toEqual(['C', 'D', 'A', 'B']);
  });

  it('renders one page of a 10,000-row result and pages through it', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) =>
      row({ service_principal_name: `sp-${index}`, daily_action_count: 1 })
    );
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    expect(firstColumn('principal')).toEqual(
      rows.slice(0, PAGE_SIZES[0]).map((entry) => entry.service_principal_name)
    );
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() =>
      expect(firstColumn('principal')).toEqual(
        rows.slice(PAGE_SIZES[0], 2 * PAGE_SIZES[0]).map((entry) => entry.service_principal_name)
      )
    );
  });

  it.each([
    ['an IP', '198.51.100.7', ['Legacy']],
    ['an id', 'ID-LEGACY', ['Legacy']],
    ['a data source id', 'signinlogs', ['Terraform', 'Legacy']],
    ['a data source title', 'graph activity', ['Backup']],
    ['an action', 'consent', ['Backup']],
    ['two words, both needed', 'terraform 192.0.2.2', ['Terraform']],
  ])(
    'filters by %s in any column, saying how many rows are shown',
    async (_what, text, expected) => {
      const rows = [
        row({ service_principal_name: 'Terraform', datasets: ['azure.signinlogs'] }),
        row({
          service_principal_name: 'Legacy',
          service_principal_ids: ['id-legacy'],
          ips: ['198.51.100.7'],
          datasets: ['azure.signinlogs'],
          daily_action_count: 2,
        }),
        row({
          service_principal_name: 'Backup',
          action: 'Consent to application',
          ips: ['203.0.113.9'],
          datasets: ['azure.graphactivitylogs'],
          daily_action_count: 3,
        }),
      ];
      renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
      fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.resultsFilter), {
        target: { value: text },
      });
      // The field shows the text at once; the rows follow once that has painted.
      expect(screen.getByTestId(DATA_TEST_SUBJ.resultsFilter)).toHaveValue(text);
      await waitFor(() => expect(firstColumn('principal')).toEqual(expected));
      expect(screen.getByTestId(DATA_TEST_SUBJ.resultsShown)).toHaveTextContent(
        `${expected.length} of 3 rows`
      );
    }
  );

  it('keeps or drops the rows with a value from its cell actions, and removes the filter', async () => {
    const rows = [
      row({ service_principal_name: 'A', action: 'Sign-in', daily_action_count: 1 }),
      row({ service_principal_name: 'B', action: 'Consent', daily_action_count: 2 }),
      row({ service_principal_name: 'C', action: 'Sign-in', daily_action_count: 3 }),
    ];
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    fireEvent.click(await openCellActions(grid(), 0, 'action', DATA_TEST_SUBJ.valueFilterIn));
    await waitFor(() => expect(firstColumn('principal')).toEqual(['A', 'C']));
    fireEvent.click(await openCellActions(grid(), 1, 'principal', DATA_TEST_SUBJ.valueFilterOut));
    await waitFor(() => expect(firstColumn('principal')).toEqual(['A']));
    const badges = screen.getByTestId(DATA_TEST_SUBJ.valueFilters);
    expect(badges).toHaveTextContent('Action: Sign-in');
    expect(badges).toHaveTextContent('NOT Service principal: C');
    fireEvent.click(within(badges).getByLabelText('Remove the filter Action: Sign-in'));
    await waitFor(() => expect(firstColumn('principal')).toEqual(['A', 'B']));
  });

  it('selects rows for a case, and the row actions stay usable while rows are selected', async () => {
    const onSelectionChange = jest.fn();
    const onInspectRow = jest.fn();
    const rows = [
      row({ service_principal_name: 'A', daily_action_count: 1 }),
      row({ service_principal_name: 'B', daily_action_count: 2 }),
    ];
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={rows}
        onSelectionChange={onSelectionChange}
        onInspectRow={onInspectRow}
      />
    );
    const checkboxes = screen.getAllByTestId(DATA_TEST_SUBJ.selectRow);
    fireEvent.click(checkboxes[1]);
    expect(onSelectionChange).toHaveBeenLastCalledWith([rows[1]]);
    const inspect = screen.getAllByTestId(DATA_TEST_SUBJ.inspectRow);
    expect(inspect[0]).toBeEnabled();
    fireEvent.click(inspect[0]);
    expect(onInspectRow).toHaveBeenCalledWith(rows[0]);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.selectAllRows));
    expect(onSelectionChange).toHaveBeenLastCalledWith(rows);
  });
});
