import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Entry } from '../../../common/entries';
import { HuntRequestError } from '../../services/hunt_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { renderWithProviders } from '../../../test/helpers/render';
import { EntriesPanel } from './entries_panel';

/** First render of EUI components in a file is slow in jsdom on a loaded machine. */
jest.setTimeout(30_000);

const NOW = new Date('2026-11-30T10:00:00.000Z');
const entries: Entry[] = [
  {
    id: 'e1',
    kind: 'benign',
    principal: 'Legacy-Sync',
    principal_field: 'name',
    action: 'Sign-in activity',
    cidr: null,
    note: 'Nightly sync',
    author: 'analyst-1',
    created_at: '2026-11-29T08:00:00.000Z',
    expires_at: null,
    active: true,
  },
  {
    id: 'e2',
    kind: 'reviewed',
    principal: null,
    principal_field: 'name',
    action: null,
    cidr: '192.0.2.0/24',
    note: 'Office egress, old',
    author: 'analyst-2',
    created_at: '2026-10-01T08:00:00.000Z',
    expires_at: '2026-11-01T00:00:00.000Z',
    active: false,
  },
];

function renderPanel(
  canWrite: boolean,
  handlers: Partial<Record<'onUpdate' | 'onRemove', jest.Mock>> = {}
) {
  const onUpdate = handlers.onUpdate ?? jest.fn(async () => undefined);
  const onRemove = handlers.onRemove ?? jest.fn(async () => undefined);
  renderWithProviders(
    <EntriesPanel
      entries={entries}
      loading={false}
      canWrite={canWrite}
      onUpdate={onUpdate}
      onRemove={onRemove}
      onClose={jest.fn()}
      timeZone="UTC"
      now={() => NOW}
    />
  );
  return { onUpdate, onRemove };
}

const rows = () => screen.getAllByTestId(DATA_TEST_SUBJ.entryRow);

describe('EntriesPanel', () => {
  it('lists each entry: kind, what it matches, note, author, created, expiry, expired marked', () => {
    renderPanel(true);
    const [first, second] = rows();
    expect(first).toHaveTextContent('Benign (hides)');
    expect(first).toHaveTextContent('Principal name Legacy-Sync, action Sign-in activity');
    expect(first).toHaveTextContent('Nightly sync');
    expect(first).toHaveTextContent('analyst-1');
    expect(first).toHaveTextContent('never');
    expect(within(first).queryByTestId(DATA_TEST_SUBJ.entryExpired)).toBeNull();
    expect(second).toHaveTextContent('Reviewed (badge)');
    expect(second).toHaveTextContent('IP range 192.0.2.0/24');
    expect(within(second).getByTestId(DATA_TEST_SUBJ.entryExpired)).toHaveTextContent('expired');
  });

  it('edits the note, kind and expiry of an entry', async () => {
    const { onUpdate } = renderPanel(true);
    fireEvent.click(within(rows()[1]).getByTestId(DATA_TEST_SUBJ.entryEdit));
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.editKind), { target: { value: 'benign' } });
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.editNote), {
      target: { value: 'Office egress, renewed' },
    });
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.editExpiry), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.editSave));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1));
    expect(onUpdate).toHaveBeenCalledWith('e2', {
      kind: 'benign',
      note: 'Office egress, renewed',
      expires_at: '2027-02-28T10:00:00.000Z',
    });
    await waitFor(() => expect(screen.queryByTestId(DATA_TEST_SUBJ.editEntry)).toBeNull());
  });

  it('removes an entry only after the confirmation, and says a 404 in words', async () => {
    const onRemove = jest.fn(async () => {
      throw new HuntRequestError('gone', 404, 'unknown');
    });
    renderPanel(true, { onRemove });
    fireEvent.click(within(rows()[0]).getByTestId(DATA_TEST_SUBJ.entryRemove));
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(onRemove).toHaveBeenCalledWith('e1'));
    expect(await screen.findByTestId(DATA_TEST_SUBJ.entriesError)).toHaveTextContent(
      'This entry is no longer in this space'
    );
  });

  it('offers no edit or remove to a user who may only read, and says why', () => {
    renderPanel(false);
    expect(rows()).toHaveLength(2);
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.entryEdit)).toHaveLength(0);
    expect(screen.queryAllByTestId(DATA_TEST_SUBJ.entryRemove)).toHaveLength(0);
    expect(screen.getByTestId(DATA_TEST_SUBJ.entriesReadOnly)).toHaveTextContent(
      'changing them needs the All privilege of Entra SP Hunt'
    );
  });
});
