/**
 * Stand-in for `@kbn/share-plugin/public`: the locator types the plugin uses.
 *
 * Checked at elastic/kibana@db05b1f47bcf27a035ef4ec137d9aa08d315f100:src/platform/plugins/shared/share/common/url_service/locators/types.ts
 *
 * Mirrors elastic/kibana:src/platform/plugins/shared/share/common/url_service/locators/types.ts
 * (LocatorDefinition, LocatorPublic, KibanaLocation, ILocatorClient) and
 * elastic/kibana:src/platform/plugins/shared/share/public/plugin.ts (SharePublicSetup/Start,
 * exported as SharePluginSetup/SharePluginStart).
 */
import type { SerializableRecord } from '@kbn/utility-types';

export interface KibanaLocation<S = object> {
  app: string;
  path: string;
  state: S;
}

export interface LocatorDefinition<P extends SerializableRecord> {
  id: string;
  getLocation(params: P): Promise<KibanaLocation>;
  migrations?: Record<string, (state: SerializableRecord) => SerializableRecord>;
}

export interface LocatorGetUrlParams {
  absolute?: boolean;
}

/** …/locators/redirect/types.ts: params go `lz`-compressed unless `lzCompress` is false. */
export interface GetRedirectUrlOptions {
  lzCompress?: boolean;
  spaceId?: string;
}

export interface LocatorNavigationParams {
  replace?: boolean;
}

export interface LocatorPublic<P extends SerializableRecord> {
  id: string;
  getLocation(params: P): Promise<KibanaLocation>;
  getUrl(params: P, getUrlParams?: LocatorGetUrlParams): Promise<string>;
  getRedirectUrl(params: P, options?: GetRedirectUrlOptions): string;
  navigate(params: P, navigationParams?: LocatorNavigationParams): Promise<void>;
}

export interface ILocatorClient {
  create<P extends SerializableRecord>(locatorDefinition: LocatorDefinition<P>): LocatorPublic<P>;
  get<P extends SerializableRecord>(id: string): undefined | LocatorPublic<P>;
}

export interface BrowserUrlService {
  locators: ILocatorClient;
}

export interface SharePluginSetup {
  url: BrowserUrlService;
}

export interface SharePluginStart {
  url: BrowserUrlService;
}
