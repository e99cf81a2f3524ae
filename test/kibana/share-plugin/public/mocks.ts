/**
 * Stand-in for `@kbn/share-plugin/public/mocks`.
 *
 * Checked at elastic/kibana@273a9f443df5d8ec8791dfb7d7d301697fa641bd:src/platform/plugins/shared/share/common/url_service/locators/locator.ts
 *
 * Mirrors elastic/kibana:src/platform/plugins/shared/share/public/mocks.ts, whose start contract
 * holds a real URL service: `getUrl` yields `/app/<app><path>` and `getRedirectUrl` a `/app/r`
 * link. As Kibana's Locator.getRedirectUrl and
 * …/common/url_service/locators/redirect/format_search_params.ts (checked at
 * elastic/kibana@e650c040202102f7f23ad2c85e8b92f2b416c93b) write it: `l=<id>&v=<version>` and the
 * params as `lz=` (lz-string `compressToBase64` of their JSON) unless `lzCompress: false`, which
 * writes `p=<JSON>`.
 */
import { compressToBase64, decompressFromBase64 } from 'lz-string';
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
        getRedirectUrl: (params, options = {}) => {
          const search = new URLSearchParams();
          search.set('l', definition.id);
          search.set('v', LOCATOR_VERSION);
          const json = JSON.stringify(params);
          if (options.lzCompress ?? true) search.set('lz', compressToBase64(json));
          else search.set('p', json);
          return `${REDIRECT_PATH}?${search.toString()}`;
        },
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
      const params = decodeRedirectParams(url);
      if (!locator || params === undefined) return undefined;
      return locator.getUrl(params);
    },
  };
  return registry;
}

/**
 * The params a `/app/r` link carries, read as Kibana's redirect app does
 * (…/locators/redirect/parse_search_params.ts: `lz` decompressed, else `p`).
 */
export function decodeRedirectParams(url: string): SerializableRecord | undefined {
  const query = new URL(url, 'http://localhost').searchParams;
  const compressed = query.get('lz');
  const json = compressed !== null ? decompressFromBase64(compressed) : query.get('p');
  if (!json) return undefined;
  return JSON.parse(json) as SerializableRecord;
}

export const sharePluginMock = {
  createStartContract(
    navigateToUrl?: (url: string) => Promise<void>
  ): SharePluginStart & { url: { locators: LocatorRegistry } } {
    return { url: { locators: createLocatorRegistry(navigateToUrl) } };
  },
};
