/**
 * Stand-in for `@kbn/share-plugin/public/mocks`.
 * Mirrors elastic/kibana:src/platform/plugins/shared/share/public/mocks.ts, whose start contract
 * holds a real URL service: `getUrl` yields `/app/<app><path>` and `getRedirectUrl` a `/app/r`
 * link carrying the locator id, version and params. Kibana compresses the params (`lz=`); this
 * stand-in writes them as JSON (`p=`) so the harness can resolve redirect links without lz-string.
 */
import type { SerializableRecord } from '@kbn/utility-types';
import type { ILocatorClient, LocatorDefinition, LocatorPublic, SharePluginStart } from '.';

export const REDIRECT_PATH = '/app/r';
const LOCATOR_VERSION = '9.3.0';

export interface LocatorRegistry extends ILocatorClient {
  /** Resolves a redirect URL the way Kibana's /app/r page does. */
  resolveRedirect(url: string): Promise<string | undefined>;
}

export function createLocatorRegistry(
  navigateToUrl: (url: string) => Promise<void> = async () => undefined
): LocatorRegistry {
  const locators = new Map<string, LocatorPublic<SerializableRecord>>();
  const registry: LocatorRegistry = {
    create<P extends SerializableRecord>(definition: LocatorDefinition<P>): LocatorPublic<P> {
      const getUrl = async (params: P, options: { absolute?: boolean } = {}) => {
        const location = await definition.getLocation(params);
        const relative = `/app/${location.app}${location.path}`;
        return options.absolute ? `${window.location.origin}${relative}` : relative;
      };
      const locator: LocatorPublic<P> = {
        id: definition.id,
        getLocation: (params) => definition.getLocation(params),
        getUrl,
        getRedirectUrl: (params) =>
          `${REDIRECT_PATH}?l=${encodeURIComponent(definition.id)}&v=${LOCATOR_VERSION}&p=${encodeURIComponent(JSON.stringify(params))}`,
        navigate: async (params) => navigateToUrl(await getUrl(params)),
      };
      locators.set(definition.id, locator as unknown as LocatorPublic<SerializableRecord>);
      return locator;
    },
    get<P extends SerializableRecord>(id: string) {
      return locators.get(id) as LocatorPublic<P> | undefined;
    },
    async resolveRedirect(url) {
      const query = new URL(url, 'http://localhost').searchParams;
      const locator = locators.get(query.get('l') ?? '');
      const params = query.get('p');
      if (!locator || params === null) return undefined;
      return locator.getUrl(JSON.parse(params) as SerializableRecord);
    },
  };
  return registry;
}

export const sharePluginMock = {
  createStartContract(
    navigateToUrl?: (url: string) => Promise<void>
  ): SharePluginStart & { url: { locators: LocatorRegistry } } {
    return { url: { locators: createLocatorRegistry(navigateToUrl) } };
  },
};
