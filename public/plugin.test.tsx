import { createMemoryHistory } from 'history';
import { BehaviorSubject } from 'rxjs';
import { act, screen, waitFor } from '@testing-library/react';
import type { App, CoreSetup } from '@kbn/core/public';
import { sharePluginMock } from '@kbn/share-plugin/public/mocks';
import { COVERAGE_API_PATH, ENTRA_SP_HUNT_LOCATOR, PLUGIN_ID } from '../common/constants';
import { createCoreStart } from '../test/helpers/core_start';
import { DATA_TEST_SUBJ } from './data_test_subj';
import { plugin } from '.';

function setupPlugin() {
  const apps: App[] = [];
  const { core, posts } = createCoreStart(async (path) =>
    path === COVERAGE_API_PATH
      ? { index_count: 0, available_fields: [], missing_common_fields: [], datasets: [], time: {} }
      : {}
  );
  const share = sharePluginMock.createStartContract();
  const coreSetup = {
    application: { register: (app: App) => apps.push(app) },
    http: core.http,
    getStartServices: async () => [core, { share }, {}],
  } as unknown as CoreSetup<never, never>;
  const instance = plugin({ opaqueId: Symbol(PLUGIN_ID), config: { get: () => ({}) as never } });
  const contract = instance.setup(coreSetup as never, { share });
  return { apps, contract, share, posts, core };
}

describe('public plugin', () => {
  it('registers the app in the Security category with a lazily mounted page', () => {
    const { apps } = setupPlugin();
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({
      id: PLUGIN_ID,
      category: { id: 'securitySolution' },
      order: 8002,
      euiIconType: 'securityAnalyticsApp',
    });
  });

  it('registers its locator on setup and returns it', async () => {
    const { contract, share } = setupPlugin();
    expect(share.url.locators.get(ENTRA_SP_HUNT_LOCATOR)).toBe(contract.locator);
    expect(await contract.locator.getUrl({ maxDailyActions: 3, runOnOpen: true })).toBe(
      `/app/${PLUGIN_ID}/?max_daily=3&run=1`
    );
  });

  it('leaves visibleIn to Kibana, whose default shows the app in the side navigation of 9.3 and later', () => {
    const { apps } = setupPlugin();
    expect(apps[0].visibleIn).toBeUndefined();
  });

  it('mounts the page inside rendering.addContext and unmounts', async () => {
    const { apps, posts } = setupPlugin();
    const element = document.createElement('div');
    document.body.appendChild(element);
    let unmount: () => void = () => undefined;
    await act(async () => {
      unmount = await apps[0].mount({
        element,
        history: createMemoryHistory(),
        appBasePath: `/app/${PLUGIN_ID}`,
        onAppLeave: () => undefined,
        setHeaderActionMenu: () => undefined,
        theme$: new BehaviorSubject({ darkMode: false, name: 'borealis' }),
      });
    });
    await waitFor(() => expect(screen.getByTestId(DATA_TEST_SUBJ.page)).toBeInTheDocument());
    await waitFor(() => expect(posts.length).toBe(1));
    act(() => unmount());
    expect(element.innerHTML).toBe('');
    // The lazy import loads the whole page (EUI, its data grid) through the transformer for the
    // first time in this file: 5-12 s on a busy 2-core machine.
  }, 30_000);
});
