import { createMemoryHistory } from 'history';
import { BehaviorSubject } from 'rxjs';
import { act, screen, waitFor } from '@testing-library/react';
import type { App, CoreSetup } from '@kbn/core/public';
import { sharePluginMock } from '@kbn/share-plugin/public/mocks';
import { createCasesStandIn, createMemoryCasesBackend } from '@kbn/cases-plugin/public/mocks';
import {
  COVERAGE_API_PATH,
  ENTRA_SP_HUNT_LOCATOR,
  HUNT_API_PATH,
  PLUGIN_ID,
} from '../common/constants';
import { createCoreStart } from '../test/helpers/core_start';
import { PAGE_TEST_TIMEOUT_MS } from '../test/helpers/render';
import { huntResponse, huntRow, huntWire } from '../test/helpers/hunt_rows';
import { DATA_TEST_SUBJ } from './data_test_subj';
import { plugin } from '.';

function setupPlugin({ withCases = false } = {}) {
  const apps: App[] = [];
  const { core, posts } = createCoreStart(async (path) =>
    path === COVERAGE_API_PATH
      ? { index_count: 0, available_fields: [], missing_common_fields: [], datasets: [], time: {} }
      : path === HUNT_API_PATH
        ? huntWire(huntResponse({ rows: [huntRow()] }))
        : {}
  );
  const share = sharePluginMock.createStartContract();
  const cases = withCases
    ? createCasesStandIn({ backend: createMemoryCasesBackend().backend })
    : undefined;
  const coreSetup = {
    application: { register: (app: App) => apps.push(app) },
    http: core.http,
    getStartServices: async () => [core, { share, cases }, {}],
  } as unknown as CoreSetup<never, never>;
  const instance = plugin({ opaqueId: Symbol(PLUGIN_ID), config: { get: () => ({}) as never } });
  const contract = instance.setup(coreSetup as never, { share });
  return { apps, contract, share, posts, core };
}

/**
 * Loading the page's modules into jsdom (EUI, the app) costs about 2.6 s of CPU, measured with
 * EUI's test build, and several times that in wall time on a loaded 2-core machine. The app is
 * loaded lazily on mount, so without this the mount test would time the module loading; it is
 * done once here, with its own deadline.
 */
const MODULE_LOAD_TIMEOUT_MS = 60_000;

describe('public plugin', () => {
  beforeAll(() => import('./application'), MODULE_LOAD_TIMEOUT_MS);

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

  it(
    'mounts the page inside rendering.addContext and unmounts',
    async () => {
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
      // The first render of the page in a file (see PAGE_TEST_TIMEOUT_MS).
    },
    PAGE_TEST_TIMEOUT_MS
  );

  it('mounts as Kibana does with Cases: the add-to-case hooks find their Kibana services', async () => {
    // Kibana's Cases hooks read `useKibana().services.application` when they render; without the
    // app's KibanaContextProvider they throw and the page never shows its case buttons.
    const { apps } = setupPlugin({ withCases: true });
    const element = document.createElement('div');
    document.body.appendChild(element);
    let unmount: () => void = () => undefined;
    await act(async () => {
      unmount = await apps[0].mount({
        element,
        history: createMemoryHistory({ initialEntries: ['/?run=1'] }),
        appBasePath: `/app/${PLUGIN_ID}`,
        onAppLeave: () => undefined,
        setHeaderActionMenu: () => undefined,
        theme$: new BehaviorSubject({ darkMode: false, name: 'borealis' }),
      });
    });
    await waitFor(
      () => expect(screen.getByTestId(DATA_TEST_SUBJ.addToNewCase)).toBeInTheDocument(),
      { timeout: 20_000 }
    );
    act(() => unmount());
    // The whole page with its results grid, loaded for the first time in this file under load.
  }, 60_000);
});
