import React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { renderWithProviders } from '../../../test/helpers/render';
import { AddToCase } from './add_to_case';

function setup(selectedCount: number, services = createPivotServices(async () => ({}))) {
  const buildComment = jest.fn(() => '### comment');
  renderWithProviders(
    <ServicesProvider services={services.services}>
      <AddToCase selectedCount={selectedCount} buildComment={buildComment} />
    </ServicesProvider>
  );
  return { ...services, buildComment };
}

describe('AddToCase', () => {
  it('adds the selected rows to a new case as a user comment', () => {
    const { caseCalls, buildComment } = setup(2);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase));
    expect(caseCalls).toEqual([
      { kind: 'new', attachments: [{ type: 'user', comment: '### comment' }] },
    ]);
    expect(buildComment).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase)).toHaveTextContent(
      'Add 2 rows to new case'
    );
  });

  it('adds them to an existing case', () => {
    const { caseCalls } = setup(1);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToExistingCase));
    expect(caseCalls).toEqual([
      { kind: 'existing', attachments: [{ type: 'user', comment: '### comment' }] },
    ]);
  });

  it('needs a selection', () => {
    setup(0);
    expect(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase)).toBeDisabled();
  });

  it('is not offered without Cases or without permission to create or update', () => {
    const noCases = createPivotServices(async () => ({}));
    noCases.services = { ...noCases.services, cases: undefined };
    setup(1, noCases);
    expect(screen.queryByTestId(DATA_TEST_SUBJ.addToNewCase)).not.toBeInTheDocument();

    const readOnly = createPivotServices(async () => ({}));
    const cases = readOnly.services.cases;
    if (!cases) throw new Error('cases missing');
    readOnly.services = {
      ...readOnly.services,
      cases: {
        ...cases,
        helpers: {
          canUseCases: () => ({ ...cases.helpers.canUseCases(), create: false, update: false }),
        },
      },
    };
    setup(1, readOnly);
    expect(screen.queryByTestId(DATA_TEST_SUBJ.addToExistingCase)).not.toBeInTheDocument();
  });
});
