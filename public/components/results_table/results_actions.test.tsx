import React from 'react';
import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { decodeRedirectParams } from '@kbn/share-plugin/public/mocks';
import { huntParamsSchema } from '../../../common/hunt/hunt_params';
import { COVERAGE_FIELDS } from '../../../common/hunt/data_sources';
import { usePivots } from '../../hooks/use_pivots';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { bodyRows, cell, openCellActions } from '../../../test/helpers/data_grid';
import { ResultsTable } from './results_table';

const row = huntRow({
  action: 'Sign-in activity',
  service_principal_name: 'x" | DROP',
  service_principal_names: ['x" | DROP'],
  ips: ['192.0.2.1', '192.0.2.2'],
});
const params = huntParamsSchema.parse({});

/** The run's window: every pivot pins it. */
const runWindow = { start: '2026-10-28T09:15:00.000Z', end: '2026-11-27T09:15:00.000Z' };

function renderTable(options?: Parameters<typeof createPivotServices>[1]) {
  const { services } = createPivotServices(async () => ({}), options);
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  );
  const { result } = renderHook(() => usePivots(params, COVERAGE_FIELDS, runWindow), { wrapper });
  renderWithProviders(
    <ServicesProvider services={services}>
      <ResultsTable rows={[row]} groupBy="name" pivots={result.current} onInspectRow={jest.fn()} />
    </ServicesProvider>
  );
}

function decoded(href: string | null): {
  query: { esql: string };
  timeRange: { from: string; to: string };
} {
  return (decodeRedirectParams(href ?? '') ?? {}) as ReturnType<typeof decoded>;
}

describe('result actions', () => {
  it('links a row to Discover in a new tab, with its pivot query and its day', () => {
    renderTable();
    const link = within(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).getByTestId(
      DATA_TEST_SUBJ.rowDiscover
    );
    // A real link: it opens in a new tab (and the browser's own middle-click and copy work).
    expect(link.tagName).toBe('A');
    expect(link).toHaveAttribute('target', '_blank');
    // Its address is built when the link is about to be used: pointed at, focused or pressed.
    fireEvent.focus(link);
    const linkParams = decoded(link.getAttribute('href'));
    expect(linkParams.query.esql).toContain(
      '| WHERE MV_CONTAINS(service_principal_name, "x\\" | DROP")'
    );
    expect(linkParams.timeRange).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
  });

  it('builds a row link from the row shown when it is pressed, also after the rows moved under it', async () => {
    const { services } = createPivotServices(async () => ({}));
    const wrapper = ({ children }: { children: React.ReactNode }) => (
      <ServicesProvider services={services}>{children}</ServicesProvider>
    );
    const { result } = renderHook(() => usePivots(params, COVERAGE_FIELDS, runWindow), { wrapper });
    const rows = [
      huntRow({ action: 'Rare action', daily_action_count: 1 }),
      huntRow({ action: 'Busy action', daily_action_count: 9 }),
    ];
    renderWithProviders(
      <ServicesProvider services={services}>
        <ResultsTable rows={rows} groupBy="name" pivots={result.current} onInspectRow={jest.fn()} />
      </ServicesProvider>
    );
    const grid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    const firstLink = () =>
      within(cell(grid, 0, 'rowActions')).getByTestId(DATA_TEST_SUBJ.rowDiscover);
    const esql = () => decoded(firstLink().getAttribute('href')).query.esql;
    // Pointed at while the rarest row leads: its events.
    fireEvent.pointerEnter(firstLink());
    expect(esql()).toContain('| WHERE MV_CONTAINS(event.action, "Rare action")');
    // The busiest row now leads, under a pointer that did not move: the press opens its events.
    fireEvent.click(screen.getByTestId('dataGridHeaderCellActionButton-dailyCount'));
    fireEvent.click(await screen.findByText('Sort High-Low'));
    await waitFor(() => expect(bodyRows(grid)[0].action).toBe('Busy action'));
    fireEvent.click(firstLink());
    expect(esql()).toContain('| WHERE MV_CONTAINS(event.action, "Busy action")');
    expect(esql()).not.toContain('Rare action');
  });

  it('links each value (principal, its id, action, each IP) to its events over the hunt window', async () => {
    renderTable();
    const grid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    const single = [];
    for (const columnId of ['principal', 'principalKeys', 'action']) {
      const link = await openCellActions(grid, 0, columnId, DATA_TEST_SUBJ.valuePivot);
      single.push(decoded(link.getAttribute('href')));
    }
    // The IP cell holds two values: its popover offers each its own link.
    const ipCell = cell(grid, 0, 'ips');
    act(() => ipCell.focus());
    fireEvent.keyDown(ipCell, { key: 'Enter' });
    const list = await screen.findByTestId(DATA_TEST_SUBJ.valueList);
    const ips = within(list)
      .getAllByTestId(DATA_TEST_SUBJ.valuePivot)
      .map((link) => decoded(link.getAttribute('href')));
    const wheres = [...single, ...ips].map((entry) =>
      entry.query.esql
        .split('\n')
        .filter((line) => line.startsWith('| WHERE'))
        .pop()
    );
    expect(wheres).toEqual([
      '| WHERE MV_CONTAINS(service_principal_name, "x\\" | DROP")',
      '| WHERE MV_CONTAINS(service_principal_id, "b981")',
      '| WHERE MV_CONTAINS(event.action, "Sign-in activity")',
      '| WHERE MV_CONTAINS(source.ip, TO_IP("192.0.2.1"))',
      '| WHERE MV_CONTAINS(source.ip, TO_IP("192.0.2.2"))',
    ]);
    // Pinned: the run's instants, never `now-30d`, so the link shows these events next month too.
    for (const entry of [...single, ...ips])
      expect(entry.timeRange).toEqual({ from: runWindow.start, to: runWindow.end });
    expect(
      screen
        .getAllByTestId(DATA_TEST_SUBJ.valuePivot)
        .every((link) => link.getAttribute('target') === '_blank')
    ).toBe(true);
  });

  it('marks a name, an id or one IP of a row benign, when the user may write entries', async () => {
    const onMarkBenign = jest.fn();
    const { services } = createPivotServices(async () => ({}));
    renderWithProviders(
      <ServicesProvider services={services}>
        <ResultsTable rows={[row]} groupBy="name" onMarkBenign={onMarkBenign} />
      </ServicesProvider>
    );
    const grid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    fireEvent.click(await openCellActions(grid, 0, 'principal', DATA_TEST_SUBJ.valueMarkBenign));
    fireEvent.click(
      await openCellActions(grid, 0, 'principalKeys', DATA_TEST_SUBJ.valueMarkBenign)
    );
    // Each IP of the two in the cell has its own action in the cell's popover.
    const ipCell = cell(grid, 0, 'ips');
    act(() => ipCell.focus());
    fireEvent.keyDown(ipCell, { key: 'Enter' });
    const list = await screen.findByTestId(DATA_TEST_SUBJ.valueList);
    fireEvent.click(within(list).getAllByTestId(DATA_TEST_SUBJ.valueMarkBenign)[1]);
    expect(onMarkBenign.mock.calls).toEqual([
      [row, { target: 'name', value: row.service_principal_name }],
      [row, { target: 'id', value: row.service_principal_ids[0] }],
      [row, { target: 'cidr', value: row.ips[1] }],
    ]);
  });

  it('offers no "mark benign" on values an entry cannot match, nor without the write privilege', async () => {
    const { services } = createPivotServices(async () => ({}));
    const { unmount } = renderWithProviders(
      <ServicesProvider services={services}>
        <ResultsTable rows={[row]} groupBy="name" onMarkBenign={jest.fn()} />
      </ServicesProvider>
    );
    // An action is no principal or address: filters, not a mark.
    await openCellActions(
      screen.getByTestId(DATA_TEST_SUBJ.resultsTable),
      0,
      'action',
      DATA_TEST_SUBJ.valueFilterIn
    );
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.valueMarkBenign)).toHaveLength(0);
    unmount();
    renderTable();
    await openCellActions(
      screen.getByTestId(DATA_TEST_SUBJ.resultsTable),
      0,
      'principal',
      DATA_TEST_SUBJ.valueFilterIn
    );
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.valueMarkBenign)).toHaveLength(0);
  });

  it.each([
    ['ES|QL is off', { esql: false }],
    ['the user may not open Discover', { discover: false }],
  ])('offers no Discover pivot when %s', async (_why, options) => {
    renderTable(options);
    const grid = screen.getByTestId(DATA_TEST_SUBJ.resultsTable);
    // The filter action is there, the Discover one is not.
    await openCellActions(grid, 0, 'action', DATA_TEST_SUBJ.valueFilterIn);
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.valuePivot)).toHaveLength(0);
    expect(screen.queryByTestId(DATA_TEST_SUBJ.rowDiscover)).not.toBeInTheDocument();
  });
});
