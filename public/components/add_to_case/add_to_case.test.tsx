import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ToastInputFields } from '@kbn/core/public';
import { decodeRedirectParams } from '@kbn/share-plugin/public/mocks';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createPivotServices } from '../../../test/helpers/pivot_services';
import { renderWithProviders } from '../../../test/helpers/render';
import type { CaseCommentLinks } from '../../../common/hunt/case_comment';
import { AddToCase, type CaseEvidence } from './add_to_case';

/** Component tests of EUI modals: the first render of a file loads EUI through the transformer. */
jest.setTimeout(30_000);

const PINNED = { from: '2026-10-28T09:15:00.000Z', to: '2026-11-27T09:15:00.000Z' };

function setup(
  selectedCount: number,
  services = createPivotServices(async () => ({})),
  { provider = true, comment }: { provider?: boolean; comment?: string } = {}
) {
  const sessions: Array<CaseCommentLinks['session']> = [];
  const prepare = jest.fn((): CaseEvidence => ({
    session: {
      title: 'Rare SP activity: 2 findings',
      description: 'what was hunted',
      esql: 'FROM logs-azure.* | WHERE @timestamp > TO_DATETIME("2026-10-28T09:15:00.000Z")',
      timeRange: PINNED,
    },
    comment: (session) => {
      sessions.push(session);
      return comment ?? `### comment${session?.url ? ` [session](<${session.url}>)` : ''}`;
    },
  }));
  const onAdded = jest.fn();
  const ui = (
    <ServicesProvider services={services.services}>
      <AddToCase selectedCount={selectedCount} prepare={prepare} onAdded={onAdded} />
    </ServicesProvider>
  );
  renderWithProviders(provider ? services.withKibana(ui) : ui);
  return { ...services, prepare, onAdded, sessions };
}

/** Renders a toast's mount point (Cases' "View case" button lives in one). */
function mountToast(text: ToastInputFields['text']): HTMLElement {
  const element = document.createElement('div');
  document.body.appendChild(element);
  if (typeof text === 'function') act(() => void text(element));
  return element;
}

describe('AddToCase', () => {
  it('on Cases 9.5 saves the Discover session and attaches it by reference with the comment', async () => {
    const { cases, saved, prepare, onAdded, toasts, sessions, core } = setup(2);
    const navigate = jest.spyOn(core.application, 'navigateToUrl');
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase));
    fireEvent.click(await screen.findByTestId('harnessCaseCreate'));
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));

    expect(prepare).toHaveBeenCalledTimes(1);
    expect(saved).toHaveLength(1);
    expect(saved[0].title).toBe('Rare SP activity: 2 findings');
    expect(saved[0].timeRange).toEqual(PINNED);
    expect(saved[0].searchSource.getField('query')?.esql).toContain('TO_DATETIME("2026-10-28');
    const created = cases[cases.length - 1];
    expect(created.attachments).toEqual([
      { type: 'user', comment: expect.stringContaining('### comment') },
      {
        type: 'discoverSession',
        attachmentId: 'id-1',
        metadata: { title: 'Rare SP activity: 2 findings', soType: 'search' },
      },
    ]);
    expect(sessions[0]).toMatchObject({ id: 'id-1', attached: true });

    // Cases' own toast links the case: "View case" opens it in the Security app.
    const toast = toasts.find((entry) => entry.kind === 'success')?.toast;
    if (!toast || typeof toast === 'string') throw new Error('no success toast');
    const view = mountToast(toast.text);
    expect(view).toHaveTextContent('Added 2 findings with the window they were found in.');
    fireEvent.click(
      view.querySelector('[data-test-subj="toaster-content-case-view-link"]') ?? view
    );
    expect(navigate).toHaveBeenCalledWith(`/app/security/cases/${created.id}`);
  });

  it('before 9.5 links the saved session from the comment instead of attaching it', async () => {
    const services = createPivotServices(async () => ({}), { discoverSessions: false });
    const { cases, onAdded, sessions } = setup(1, services);
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToExistingCase));
    fireEvent.click(await screen.findByTestId('harnessCase-case-1'));
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(cases[0].attachments).toHaveLength(1);
    expect(cases[0].attachments[0].type).toBe('user');
    expect(sessions[0]).toMatchObject({ id: 'id-1', attached: false });
    expect(decodeRedirectParams(sessions[0]?.url ?? '')).toEqual({ savedSearchId: 'id-1' });
  });

  it('a comment Cases would refuse is not stored, and the selection stays', async () => {
    // The stand-in refuses what Cases' server refuses: a comment over MAX_COMMENT_LENGTH.
    const { cases, onAdded, toasts } = setup(1, undefined, { comment: 'x'.repeat(30_001) });
    const before = cases.length;
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase));
    fireEvent.click(await screen.findByTestId('harnessCaseCreate'));
    await waitFor(() => expect(toasts.map((toast) => toast.kind)).toEqual(['danger']));
    expect(cases).toHaveLength(before);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('throws without KibanaContextProvider, where the Cases hooks read Kibana services', () => {
    // React logs the render error; the assertion is that it happens.
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => setup(1, undefined, { provider: false })).toThrow(/currentAppId\$|undefined/);
    error.mockRestore();
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
