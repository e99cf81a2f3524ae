import React, { type ReactElement } from 'react';
import { KibanaContextProvider } from '@kbn/kibana-react-plugin/public';
import { createCasesStandIn, createMemoryCasesBackend } from '@kbn/cases-plugin/public/mocks';
import type { SavedSearch, SavedSearchPublicPluginStart } from '@kbn/saved-search-plugin/public';
import type { EntraSpHuntServices } from '../../public/types';
import { DISCOVER_APP_LOCATOR } from '../../public/services/discover';
import { EntraSpHuntLocatorDefinition } from '../../public/locator';
import { createCoreStart, type PostHandler } from './core_start';
import { createUiSettingsClient } from './ui_settings';

/**
 * Services with Discover's locator registered, capabilities set, Cases (9.5's contract, or the
 * older one with `discoverSessions: false`) and the saved-search service.
 */
export function createPivotServices(
  onPost: PostHandler,
  { discover = true, esql = true, save = true, discoverSessions = true } = {}
) {
  const setup = createCoreStart(onPost);
  setup.share.url.locators.create({
    id: DISCOVER_APP_LOCATOR,
    getLocation: async () => ({ app: 'discover', path: '#/', state: {} }),
  });
  setup.share.url.locators.create(new EntraSpHuntLocatorDefinition());
  const saved: SavedSearch[] = [];
  const casesStore = createMemoryCasesBackend();
  const cases = createCasesStandIn({
    backend: casesStore.backend,
    discoverSessions,
    permissions: { delete: false, push: false, connectors: false, settings: false },
  });
  const savedSearch: SavedSearchPublicPluginStart = {
    getNew: () => {
      let query: { esql: string } | undefined;
      const searchSource = {
        setField: (_field: 'query', value: { esql: string }) => ((query = value), searchSource),
        getField: () => query,
      };
      return { searchSource, managed: false };
    },
    save: async (session) => {
      saved.push(session);
      return `id-${saved.length}`;
    },
  };
  const services: EntraSpHuntServices = {
    ...setup.services,
    application: {
      ...setup.services.application,
      capabilities: {
        ...setup.services.application.capabilities,
        discover_v2: { show: discover, save },
      },
    },
    uiSettings: createUiSettingsClient({ enableESQL: esql }),
    cases,
    savedSearch,
  };
  /** The page as application.tsx renders it: Kibana's services in KibanaContextProvider. */
  const withKibana = (ui: ReactElement) => (
    <KibanaContextProvider services={{ ...setup.core, cases, savedSearch }}>
      {ui}
    </KibanaContextProvider>
  );
  return { ...setup, services, cases: casesStore.cases, saved, withKibana };
}
