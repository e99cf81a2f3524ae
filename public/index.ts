import type { PluginInitializerContext } from '@kbn/core/public';
import { EntraSpHuntPublicPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContext) {
  return new EntraSpHuntPublicPlugin(initializerContext);
}

export type { EntraSpHuntPublicSetup, EntraSpHuntPublicStart } from './plugin';
export type { EntraSpHuntLocatorParams } from '../common/hunt/url_state';
