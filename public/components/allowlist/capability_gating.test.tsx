/**
 * The page as the feature privilege leaves it: without `show` it says the app is not available;
 * with `read` (no `write`) a row's flyout lists its marks but offers no control; with `all` a row
 * is marked benign in one step, and the hunt runs again over the same window to apply it.
 */
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import {
  COVERAGE_API_PATH,
  ENTRIES_API_PATH,
  HIDDEN_ROWS_API_PATH,
  HUNT_API_PATH,
  TRIAGE_API_PATH,
} from '../../../common/constants';
import type { Entry } from '../../../common/entries';
import { ServicesProvider } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import { createCoreStart, type PostHandler } from '../../../test/helpers/core_start';
import { huntResponse, huntRow, huntWire, triageResponse } from '../../../test/helpers/hunt_rows';
import { renderWithProviders } from '../../../test/helpers/render';
import { HuntApp } from '../hunt_app';

/** The whole page with its grid renders in jsdom in seconds on a busy machine. */
jest.setTimeout(90_000);

const reviewed: Entry = {
  id: 'r1',
  kind: 'reviewed',
  principal: 'sp-1',
  principal_field: 'name',
  action: null,
  cidr: null,
  note: 'Owner confirmed',
  author: 'analyst-2',
  created_at: '2026-11-20T08:00:00.000Z',
  expires_at: null,
  active: true,
};

const rows = ['sp-0', 'sp-1'].map((name) =>
  huntRow({ service_principal_name: name, service_principal_names: [name], action: 'act' })
);

function setup(
  capabilities: Record<string, boolean> | undefined,
  stored: Entry[] = [reviewed],
  url = '/?run=1'
) {
  const entries = [...stored];
  const onPost: PostHandler = async (path, body) => {
    if (path === COVERAGE_API_PATH) throw new Error('no coverage in this test');
    if (path === TRIAGE_API_PATH) return triageResponse();
    if (path === HIDDEN_ROWS_API_PATH) {
      return { rows: [], truncated: false, hiding_entries: 0, applied: [], query: null };
    }
    if (path === ENTRIES_API_PATH) {
      if (body === undefined) return { entries, total: entries.length };
      const created = { ...(body as Entry), id: 'b1', author: 'me', created_at: '', active: true };
      entries.push(created);
      return created;
    }
    if (path === HUNT_API_PATH) {
      const benign = entries.filter((entry) => entry.kind === 'benign');
      const shown = rows.filter(
        (row) => !benign.some((e) => e.principal === row.service_principal_name)
      );
      // The server answers over the window the page sent, as the hunt route does.
      const sent = (body as { window: { start: string; end: string } }).window;
      const answer = huntResponse();
      return huntWire(
        huntResponse({
          time: { ...answer.time, ...sent },
          rows: shown,
          allowlist: {
            applied: benign.map(({ id, principal, principal_field, action, cidr }) => ({
              id,
              principal,
              principal_field,
              action,
              cidr,
            })),
            benign_entries: benign.length,
            include_hidden: false,
          },
        })
      );
    }
    throw new Error(`unexpected ${path}`);
  };
  const core = createCoreStart(onPost);
  if (capabilities) core.services.application.capabilities.entraSpHunt = capabilities;
  renderWithProviders(
    <ServicesProvider services={core.services}>
      <HuntApp history={createMemoryHistory({ initialEntries: [url] })} />
    </ServicesProvider>
  );
  return core;
}

async function inspect(name: string) {
  await screen.findByTestId(DATA_TEST_SUBJ.resultsTable);
  const buttons = await screen.findAllByTestId(DATA_TEST_SUBJ.inspectRow);
  const index = rows.findIndex((row) => row.service_principal_name === name);
  fireEvent.click(buttons[index]);
  return screen.findByTestId(DATA_TEST_SUBJ.rowMarks);
}

describe('the page under the feature privilege', () => {
  it('says the app is not available without the show capability', () => {
    const { posts } = setup({ show: false, write: false });
    expect(screen.getByTestId(DATA_TEST_SUBJ.noAccess)).toHaveTextContent(
      'Entra SP Hunt is not available to you in this space'
    );
    expect(screen.queryByTestId(DATA_TEST_SUBJ.form)).toBeNull();
    expect(posts).toEqual([]);
  });

  it('lists the space’s entries before any run, read only without write', async () => {
    const { posts } = setup({ show: true, write: false }, [reviewed], '/');
    const open = await screen.findByTestId(DATA_TEST_SUBJ.openEntriesBeforeRun);
    await waitFor(() => expect(open).toHaveTextContent('(1)'));
    fireEvent.click(open);
    const panel = await screen.findByTestId(DATA_TEST_SUBJ.entriesPanel);
    const listed = within(panel).getAllByTestId(DATA_TEST_SUBJ.entryRow);
    expect(listed.map((row) => row.textContent)).toEqual([expect.stringContaining(reviewed.note)]);
    expect(within(panel).queryByTestId(DATA_TEST_SUBJ.entryRemove)).toBeNull();
    expect(posts.filter((post) => post.path === HUNT_API_PATH)).toEqual([]);
  });

  it('with read only, lists a row’s marks with author and date but offers no control', async () => {
    setup({ show: true, write: false });
    const marks = await inspect('sp-1');
    await waitFor(() => expect(marks).toHaveTextContent('Owner confirmed'));
    expect(marks).toHaveTextContent('by analyst-2');
    expect(within(marks).queryByTestId(DATA_TEST_SUBJ.markBenign)).toBeNull();
    expect(within(marks).queryByTestId(DATA_TEST_SUBJ.markReviewed)).toBeNull();
  });

  it('with write, marks a row benign in one step and runs the hunt again over the same window', async () => {
    const { posts } = setup({ show: true, write: true }, []);
    const marks = await inspect('sp-0');
    fireEvent.click(within(marks).getByTestId(DATA_TEST_SUBJ.markBenign));
    fireEvent.change(screen.getByTestId(DATA_TEST_SUBJ.markNote), {
      target: { value: 'Known automation' },
    });
    fireEvent.click(screen.getByTestId(DATA_TEST_SUBJ.markSubmit));
    await waitFor(() =>
      expect(posts.filter((post) => post.path === HUNT_API_PATH)).toHaveLength(2)
    );
    const created = posts.find((post) => post.path === ENTRIES_API_PATH && post.body);
    expect(created?.body).toMatchObject({
      kind: 'benign',
      principal: 'sp-0',
      principal_field: 'name',
      note: 'Known automation',
    });
    const [first, second] = posts.filter((post) => post.path === HUNT_API_PATH);
    expect((second.body as { window: unknown }).window).toEqual(
      (first.body as { window: unknown }).window
    );
    await waitFor(() =>
      expect(screen.getByTestId(DATA_TEST_SUBJ.resultsTable)).not.toHaveTextContent('sp-0')
    );
  });
});
