/**
 * The server side of Kibana's advanced settings, for route tests and the harness: settings the
 * plugins register, values an administrator saved per space, and the request-scoped client.
 * Read from:
 * - elastic/kibana:src/core/packages/ui-settings/server-internal/src/ui_settings_service.ts
 *   (`register` refuses a key registered twice: "uiSettings for the key [x] has been already
 *   registered")
 * - elastic/kibana:src/core/packages/ui-settings/server-internal/src/clients/ui_settings_client_common.ts
 *   (`get` answers the saved value, else the registered default; a saved value the schema refuses
 *   is ignored; a key nobody registered is undefined)
 * - elastic/kibana:src/core/packages/ui-settings/common/src/ui_settings.ts (`scope`: 'namespace',
 *   the default, keeps one value per space; 'global' one for every space, read by `globalClient`)
 */
import type { IUiSettingsClient, UiSettingsParams } from '@kbn/core/server';

const GLOBAL = Symbol('global');

export class UiSettingsStore {
  private readonly registered = new Map<string, UiSettingsParams>();
  private readonly saved = new Map<string | typeof GLOBAL, Record<string, unknown>>();

  /** `defaultSpaceValues`: the default space's saved values, shared with whoever changes them. */
  constructor(defaultSpaceValues: Record<string, unknown> = {}) {
    this.saved.set('default', defaultSpaceValues);
  }

  register(settings: Record<string, UiSettingsParams>): void {
    for (const [key, params] of Object.entries(settings)) {
      if (this.registered.has(key)) {
        throw new Error(`uiSettings for the key [${key}] has been already registered`);
      }
      this.registered.set(key, params);
    }
  }

  getRegistered(key: string): UiSettingsParams | undefined {
    return this.registered.get(key);
  }

  /** An administrator saving a value in a space (or for every space, for a global setting). */
  set(space: string, key: string, value: unknown): void {
    const params = this.registered.get(key);
    if (!params) throw new Error(`Unknown setting [${key}]`);
    params.schema.validate(value);
    const bucket = params.scope === 'global' ? GLOBAL : space;
    // Changed in place: the default space's values may be shared with the harness page.
    const values = this.saved.get(bucket) ?? {};
    values[key] = value;
    this.saved.set(bucket, values);
  }

  private read(bucket: string | typeof GLOBAL, key: string, scope: 'namespace' | 'global') {
    const params = this.registered.get(key);
    if (!params || (params.scope ?? 'namespace') !== scope) return undefined;
    const value = this.saved.get(bucket)?.[key];
    if (value === undefined || value === null) return params.value;
    try {
      return params.schema.validate(value);
    } catch {
      return params.value;
    }
  }

  /** `context.core.uiSettings` of a request in `space`. */
  contextFor(space = 'default'): { client: IUiSettingsClient; globalClient: IUiSettingsClient } {
    return {
      client: { get: async <T>(key: string) => this.read(space, key, 'namespace') as T },
      globalClient: { get: async <T>(key: string) => this.read(GLOBAL, key, 'global') as T },
    };
  }
}
