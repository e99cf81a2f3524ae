import {
  DEFAULT_APP_CATEGORIES,
  type AppMountParameters,
  type CoreSetup,
  type CoreStart,
  type Plugin,
  type PluginInitializerContext,
} from '@kbn/core/public';
import type { LocatorPublic } from '@kbn/share-plugin/public';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import type { EntraSpHuntLocatorParams } from '../common/hunt/url_state';
import { EntraSpHuntLocatorDefinition } from './locator';
import type { EntraSpHuntSetupDeps, EntraSpHuntStartDeps } from './types';

export interface EntraSpHuntPublicSetup {
  locator: LocatorPublic<EntraSpHuntLocatorParams>;
}
export type EntraSpHuntPublicStart = Record<string, never>;

/** After Rules (8001) in the Security section of the navigation. */
const NAV_ORDER = 8002;

export class EntraSpHuntPublicPlugin implements Plugin<
  EntraSpHuntPublicSetup,
  EntraSpHuntPublicStart,
  EntraSpHuntSetupDeps,
  EntraSpHuntStartDeps
> {
  constructor(_initializerContext: PluginInitializerContext) {}

  public setup(
    core: CoreSetup<EntraSpHuntStartDeps, EntraSpHuntPublicStart>,
    plugins: EntraSpHuntSetupDeps
  ): EntraSpHuntPublicSetup {
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_NAME,
      category: DEFAULT_APP_CATEGORIES.security,
      order: NAV_ORDER,
      euiIconType: 'securityAnalyticsApp',
      keywords: ['entra', 'azure', 'service principal', 'hunt', 'esql', 'threat hunting'],
      async mount(params: AppMountParameters) {
        // The page and EUI load only when the app opens, in their own chunk.
        const [{ renderApp }, [coreStart, depsStart]] = await Promise.all([
          import('./application'),
          core.getStartServices(),
        ]);
        return renderApp(coreStart, depsStart, params);
      },
    });
    const locator = plugins.share.url.locators.create(new EntraSpHuntLocatorDefinition());
    return { locator };
  }

  public start(_core: CoreStart, _plugins: EntraSpHuntStartDeps): EntraSpHuntPublicStart {
    return {};
  }

  public stop() {}
}
