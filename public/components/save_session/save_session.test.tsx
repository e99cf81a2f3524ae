import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { renderWithProviders } from '../../../test/helpers/render';
import { SaveSessionButton } from './save_session';

function setup(options?: Parameters<typeof createPivotServices>[1]) {
  const services = createPivotServices(async () => ({}), options);
  renderWithProviders(
    <ServicesProvider services={services.services}>
      <SaveSessionButton
        esql={'FROM logs-azure.*\n| LIMIT 10'}
        timeRange={{ from: 'now-30d', to: 'now' }}
        defaultTitle="Hunt"
      />
    </ServicesProvider>
  );
  return services;
}

describe('SaveSessionButton', () => {
  it('saves the ES|QL with its time range as a Discover session', async () => {
    const { saved } = setup();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.saveSession));
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.saveSessionTitle), {
      target: { value: 'Case 42 evidence' },
    });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.saveSessionConfirm));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      title: 'Case 42 evidence',
      isTextBasedQuery: true,
      timeRestore: true,
      timeRange: { from: 'now-30d', to: 'now' },
    });
    expect(saved[0].searchSource.getField('query')).toEqual({
      esql: 'FROM logs-azure.*\n| LIMIT 10',
    });
    await waitFor(() =>
      expect(screen.queryByTestId(DATA_TEST_SUBJ.saveSessionModal)).not.toBeInTheDocument()
    );
    // The first test of the file loads EUI's modal and form through the transformer: several
    // seconds on a busy 2-core machine.
  }, 30_000);

  it('names its dialog by its title', () => {
    setup();
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.saveSession));
    expect(screen.getByRole('dialog', { name: 'Save as Discover session' })).toBe(
      screen.getByTestId(DATA_TEST_SUBJ.saveSessionModal)
    );
  });

  it('is not offered when the user may not save in Discover', () => {
    setup({ save: false });
    expect(screen.queryByTestId(DATA_TEST_SUBJ.saveSession)).not.toBeInTheDocument();
  });
});
