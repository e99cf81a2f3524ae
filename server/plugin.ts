import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import { registerRoutes } from './routes';

export type EntraSpHuntServerSetup = Record<string, never>;
export type EntraSpHuntServerStart = Record<string, never>;

export class EntraSpHuntServerPlugin implements Plugin<
  EntraSpHuntServerSetup,
  EntraSpHuntServerStart
> {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  public setup(core: CoreSetup): EntraSpHuntServerSetup {
    registerRoutes(core.http.createRouter(), this.logger);
    return {};
  }

  public start(_core: CoreStart): EntraSpHuntServerStart {
    return {};
  }

  public stop(): void {}
}
