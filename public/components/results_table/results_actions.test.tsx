import React from 'react';
import { fireEvent, renderHook, screen, within } from '@testing-library/react';
import { decodeRedirectParams } from '@kbn/share-plugin/public/mocks';
import { huntParamsSchema } from '../../../common/hunt/hunt_params';
import { COVERAGE_FIELDS } from '../../../common/hunt/data_sources';
import { usePivots } from '../../hooks/use_pivots';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { cell, openCellActions } from '../../../test/helpers/data_grid';
import { ResultsTable } from './results_table';

const row = huntRow({
  action: 'Sign-in activity',
  service_principal_name: 'x" | DROP',
  service_principal_names: ['x" | DROP'],
  ips: ['192.0.2.1', '192.0.2.2'],
});
const params = huntParamsSchema.parse({});

const navigateToUrl = jest.fn();

function renderTable(options?: Parameters<typeof createPivotServices>[1]) {
  navigateToUrl.mockClear();
  const { services } = createPivotServices(async () => ({}), options);
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <ServicesProvider services={services}>{children}</ServicesProvider>
  );
  const { result } = renderHook(() => usePivots(params, COVERAGE_FIELDS), { wrapper });
  renderWithProviders(
    <ServicesProvider services={services}>
      <ResultsTable
        rows={[row]}
        groupBy="name"
        pivots={result.current}
        onInspectRow={jest.fn()}
        navigateToUrl={navigateToUrl}
      />
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
  it('opens a row in Discover with its pivot query and its day', () => {
    renderTable();
    fireEvent.click(
      within(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).getByTestId(
        DATA_TEST_SUBJ.rowDiscover
      )
    );
    expect(navigateToUrl).toHaveBeenCalledTimes(1);
    const linkParams = decoded(navigateToUrl.mock.calls[0][0]);
    expect(linkParams.query.esql).toContain(
      '| WHERE MV_CONTAINS(service_principal_name, "x\\" | DROP")'
    );
    expect(linkParams.timeRange).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
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
    ipCell.focus();
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
    expect(single[0].timeRange).toEqual({ from: 'now-30d', to: 'now' });
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
