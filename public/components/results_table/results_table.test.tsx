import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { ResultsTable, VISIBLE_IPS } from './results_table';

function row(overrides: Partial<HuntRow>): HuntRow {
  return huntRow({
    service_principal_name: 'Terraform',
    service_principal_ids: ['id-1'],
    ips: ['192.0.2.1', '192.0.2.2'],
    ...overrides,
  });
}

const bodyRows = () =>
  within(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).getAllByRole('row').slice(1);

describe('ResultsTable', () => {
  it('formats the day, counts, principal and IP list for reading', () => {
    const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'];
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={[
          row({ ips, distinct_ips: 6, daily_action_count: 1200, service_principal_name: null }),
        ]}
      />
    );
    const [only] = bodyRows();
    expect(only).toHaveTextContent('Fri, 20 Nov 2026');
    expect(only).toHaveTextContent('1,200');
    expect(only).toHaveTextContent('(no name)');
    expect(only).toHaveTextContent('id-1');
    for (const ip of ips.slice(0, VISIBLE_IPS)) expect(only).toHaveTextContent(ip);
    expect(only).not.toHaveTextContent('192.0.2.6');
    expect(only).toHaveTextContent('+2 more');
  });

  it('shows the id as the principal when grouped by id, names below', () => {
    renderWithProviders(
      <ResultsTable
        groupBy="id"
        rows={[row({ service_principal_id: 'id-9', service_principal_names: ['A', 'B'] })]}
      />
    );
    expect(bodyRows()[0]).toHaveTextContent('id-9');
    expect(bodyRows()[0]).toHaveTextContent('A, B');
  });

  it('sorts by daily count ascending by default, and by another column on click', () => {
    renderWithProviders(
      <ResultsTable
        groupBy="name"
        rows={[
          row({ service_principal_name: 'B', daily_action_count: 5 }),
          row({ service_principal_name: 'A', daily_action_count: 1 }),
        ]}
      />
    );
    expect(bodyRows()[0]).toHaveTextContent('A');
    fireEvent.click(screen.getByRole('button', { name: /Per day/ }));
    expect(bodyRows()[0]).toHaveTextContent('B');
  });

  it('renders one page of a 10,000-row result', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) =>
      row({ service_principal_name: `sp-${index}`, daily_action_count: (index % 5) + 1 })
    );
    renderWithProviders(<ResultsTable groupBy="name" rows={rows} />);
    expect(bodyRows()).toHaveLength(25);
  });
});
