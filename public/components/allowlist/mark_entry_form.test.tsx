import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HuntRequestError } from '../../services/hunt_api';
import type { EntryDraft } from '../../services/entries_api';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { huntRow } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import type { HuntRow } from '../../../common/hunt/shape_results';
import { MarkEntryForm, type MarkTarget } from './mark_entry_form';

/** First render of EUI components in a file is slow in jsdom on a loaded machine. */
jest.setTimeout(30_000);

const NOW = new Date('2026-11-30T10:00:00.000Z');
const row = huntRow({
  service_principal_name: 'Directory-Sync',
  service_principal_ids: ['3a8c-c2', '7d2f-c3'],
  action: 'Update service principal',
  ips: ['192.0.2.200', '203.0.113.150'],
});

function renderForm(
  kind: 'benign' | 'reviewed',
  onSubmit = jest.fn(async (_draft: EntryDraft): Promise<unknown> => undefined),
  initial?: MarkTarget,
  shown: HuntRow = row
) {
  renderWithProviders(
    <MarkEntryForm
      row={shown}
      kind={kind}
      initial={initial}
      onSubmit={onSubmit}
      onClose={jest.fn()}
      now={() => NOW}
    />
  );
  return onSubmit;
}

const note = (value: string) =>
  fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markNote), { target: { value } });
const submit = () => fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.markSubmit));

describe('MarkEntryForm', () => {
  it('marks the row’s principal by name, only its action, with a note and an expiry, in one step', async () => {
    const onSubmit = renderForm('benign');
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.markOnlyAction));
    note('Nightly sync job');
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markExpiry), { target: { value: '30' } });
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]).toEqual([
      {
        kind: 'benign',
        note: 'Nightly sync job',
        principal: 'Directory-Sync',
        principal_field: 'name',
        action: 'Update service principal',
        expires_at: '2026-12-30T10:00:00.000Z',
      } satisfies EntryDraft,
    ]);
  });

  it.each([
    ['the second IP', { target: 'cidr', value: row.ips[1] }, { cidr: row.ips[1] }],
    [
      'the second id',
      { target: 'id', value: row.service_principal_ids[1] },
      { principal: row.service_principal_ids[1], principal_field: 'id' },
    ],
  ] as const)(
    'starts on the value picked in the table: %s',
    async (_what, initial: MarkTarget, expected) => {
      const onSubmit = renderForm('benign', undefined, initial);
      note('Known egress');
      submit();
      await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
      expect(onSubmit.mock.calls[0][0]).toEqual({
        kind: 'benign',
        note: 'Known egress',
        expires_at: null,
        ...expected,
      });
    }
  );

  it('offers the name picked in the table when the row, grouped by id, carries several', async () => {
    const byId = huntRow({
      service_principal_name: null,
      service_principal_id: '3a8c-c2',
      service_principal_names: ['Sync-A', 'Sync-B'],
      service_principal_ids: ['3a8c-c2'],
    });
    const onSubmit = renderForm('benign', undefined, { target: 'name', value: 'Sync-B' }, byId);
    note('Renamed app');
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      principal: 'Sync-B',
      principal_field: 'name',
    });
  });

  it('marks one of the row’s ids, chosen from the list', async () => {
    const onSubmit = renderForm('reviewed');
    fireEvent.click(screen.getByLabelText('Principal id'));
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markId), { target: { value: '7d2f-c3' } });
    note('Owner confirmed');
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      kind: 'reviewed',
      principal: '7d2f-c3',
      principal_field: 'id',
      expires_at: null,
    });
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('action');
  });

  it('needs a note and a valid range before anything is sent, naming the field', async () => {
    const onSubmit = renderForm('benign');
    fireEvent.click(screen.getByLabelText('IP range (CIDR)'));
    expect(screen.getByTestId(DATA_TEST_SUBJ.markCidr)).toHaveValue('192.0.2.200');
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markCidr), {
      target: { value: '10.0.0.0/33' },
    });
    submit();
    expect(await screen.findByText('is required: say why')).toBeInTheDocument();
    expect(screen.getByText(/must be an IP address or a CIDR block/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markCidr), {
      target: { value: '192.0.2.0/24' },
    });
    note('Office egress');
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ cidr: '192.0.2.0/24', kind: 'benign' });
  });

  it.each([
    [
      403,
      'Forbidden',
      'You can read allowlist entries but not change them: ask for the All privilege of Entra SP Hunt.',
    ],
    [
      400,
      '[request body]: [note]: must not hold control characters',
      'The entry was refused: [note]: must not hold control characters',
    ],
    [409, 'conflict', 'The entry changed meanwhile, or already exists'],
  ])('says a %s from the server in words and keeps the form', async (status, message, shown) => {
    const onSubmit = jest.fn(async (_draft: EntryDraft): Promise<unknown> => {
      throw new HuntRequestError(message, status, 'unknown');
    });
    renderForm('reviewed', onSubmit);
    note('Owner confirmed');
    submit();
    const error = await screen.findByTestId(DATA_TEST_SUBJ.markError);
    expect(error).toHaveTextContent(shown);
    expect(screen.getByTestId(DATA_TEST_SUBJ.markNote)).toHaveValue('Owner confirmed');
  });
});
