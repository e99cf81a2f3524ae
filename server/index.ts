import type { PluginInitializerContext } from '@kbn/core/server';

export async function plugin(initializerContext: PluginInitializerContext) {
  const { EntraSpHuntServerPlugin } = await import('./plugin');
  return new EntraSpHuntServerPlugin(initializerContext);
}

export type { EntraSpHuntServerSetup, EntraSpHuntServerStart } from './plugin';
