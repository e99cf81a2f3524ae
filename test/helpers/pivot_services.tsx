import type { CasesPublicStart, CaseAttachmentsWithoutOwner } from '@kbn/cases-plugin/public';
import type { SavedSearch, SavedSearchPublicPluginStart } from '@kbn/saved-search-plugin/public';
import type { EntraSpHuntServices } from '../../public/types';
import { DISCOVER_APP_LOCATOR } from '../../public/services/discover';
import { EntraSpHuntLocatorDefinition } from '../../public/locator';
import { createCoreStart, type PostHandler } from './core_start';
import { createUiSettingsClient } from './ui_settings';

/** Services with Discover's locator registered, capabilities set, and optional Cases/saved search. */
export function createPivotServices(
  onPost: PostHandler,
  { discover = true, esql = true, save = true } = {}
) {
  const setup = createCoreStart(onPost);
  setup.share.url.locators.create({
    id: DISCOVER_APP_LOCATOR,
    getLocation: async () => ({ app: 'discover', path: '#/', state: {} }),
  });
  setup.share.url.locators.create(new EntraSpHuntLocatorDefinition());
  const caseCalls: Array<{ kind: 'new' | 'existing'; attachments: CaseAttachmentsWithoutOwner }> =
    [];
  const saved: SavedSearch[] = [];
  const cases: CasesPublicStart = {
    ui: {
      getCasesContext:
        () =>
        ({ children }) =>
          children as never,
    },
    hooks: {
      useCasesAddToNewCaseFlyout: () => ({
        open: (options = {}) =>
          caseCalls.push({ kind: 'new', attachments: options.attachments ?? [] }),
        close: () => undefined,
      }),
      useCasesAddToExistingCaseModal: () => ({
        open: (options = {}) =>
          caseCalls.push({ kind: 'existing', attachments: options.getAttachments?.({}) ?? [] }),
        close: () => undefined,
      }),
    },
    helpers: {
      canUseCases: () => ({
        all: true,
        create: true,
        read: true,
        update: true,
        delete: false,
        push: false,
        connectors: false,
        settings: false,
        createComment: true,
        reopenCase: false,
        assign: false,
      }),
    },
  };
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
  return { ...setup, services, caseCalls, saved };
}
