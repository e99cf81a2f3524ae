import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import { ENTRA_SP_HUNT_FEATURE } from './feature';
import { registerRoutes } from './routes';
import { entrySavedObjectType } from './saved_objects/entry_type';
import { runSavedObjectType } from './saved_objects/run_type';
import { UI_SETTINGS } from './ui_settings';

export interface EntraSpHuntServerSetupDeps {
  features: FeaturesPluginSetup;
}

export type EntraSpHuntServerSetup = Record<string, never>;
export type EntraSpHuntServerStart = Record<string, never>;

export class EntraSpHuntServerPlugin implements Plugin<
  EntraSpHuntServerSetup,
  EntraSpHuntServerStart,
  EntraSpHuntServerSetupDeps
> {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  public setup(core: CoreSetup, { features }: EntraSpHuntServerSetupDeps): EntraSpHuntServerSetup {
    core.savedObjects.registerType(entrySavedObjectType);
    core.savedObjects.registerType(runSavedObjectType);
    core.uiSettings.register(UI_SETTINGS);
    features.registerKibanaFeature(ENTRA_SP_HUNT_FEATURE);
    registerRoutes(core.http.createRouter(), this.logger);
    return {};
  }

  public start(_core: CoreStart): EntraSpHuntServerStart {
    return {};
  }

  public stop(): void {}
}
