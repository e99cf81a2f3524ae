/**
 * An advanced-settings client that behaves like Kibana's browser `UiSettingsClient`
 * (elastic/kibana:src/core/packages/ui-settings/browser-internal/src/ui_settings_client.ts):
 * `get` throws for a key nobody registered unless a default override is given, a user value wins
 * over the registered default, and `json` settings come back parsed.
 *
 * The registered defaults are Kibana's own, for the settings the plugin reads:
 * - `dateFormat`, `dateFormat:tz`: elastic/kibana:src/core/packages/ui-settings/server-internal/src/settings/date_formats.ts
 * - `timepicker:quickRanges`: elastic/kibana:src/platform/plugins/shared/data/server/ui_settings.ts
 * - `enableESQL`: elastic/kibana:src/platform/plugins/shared/esql/server/ui_settings.ts
 * - `theme:darkMode`: elastic/kibana:src/core/packages/ui-settings/server-internal/src/settings/theme.ts
 */
import type { IUiSettingsClient } from '@kbn/core/public';

interface RegisteredSetting {
  value: unknown;
  type?: 'json' | 'string' | 'boolean' | 'select';
}

const QUICK_RANGES: Array<{ from: string; to: string; display: string }> = [
  { from: 'now/d', to: 'now/d', display: 'Today' },
  { from: 'now-1d/d', to: 'now-1d/d', display: 'Yesterday' },
  { from: 'now-1m', to: 'now', display: 'Last 1 minute' },
  { from: 'now-15m', to: 'now', display: 'Last 15 minutes' },
  { from: 'now-30m', to: 'now', display: 'Last 30 minutes' },
  { from: 'now-1h', to: 'now', display: 'Last 1 hour' },
  { from: 'now-3h', to: 'now', display: 'Last 3 hours' },
  { from: 'now-12h', to: 'now', display: 'Last 12 hours' },
  { from: 'now-24h/h', to: 'now', display: 'Last 24 hours' },
  { from: 'now-3d', to: 'now', display: 'Last 3 days' },
  { from: 'now-7d/d', to: 'now', display: 'Last 7 days' },
  { from: 'now-30d/d', to: 'now', display: 'Last 30 days' },
  { from: 'now-90d/d', to: 'now', display: 'Last 90 days' },
  { from: 'now-1y/d', to: 'now', display: 'Last 1 year' },
  { from: 'now/w', to: 'now/w', display: 'This week' },
  { from: 'now/w', to: 'now', display: 'This week until now' },
  { from: 'now/M', to: 'now/M', display: 'This month' },
  { from: 'now/M', to: 'now', display: 'This month until now' },
  { from: 'now/y', to: 'now/y', display: 'This year' },
  { from: 'now/y', to: 'now', display: 'This year until now' },
];

export const KIBANA_UI_SETTINGS: Readonly<Record<string, RegisteredSetting>> = {
  dateFormat: { value: 'MMM D, YYYY @ HH:mm:ss.SSS', type: 'string' },
  'dateFormat:tz': { value: 'Browser', type: 'select' },
  'timepicker:quickRanges': { value: JSON.stringify(QUICK_RANGES, null, 2), type: 'json' },
  enableESQL: { value: true, type: 'boolean' },
  'theme:darkMode': { value: 'disabled', type: 'select' },
};

/** A client over Kibana's registered defaults and the given user values (as saved by an admin). */
export function createUiSettingsClient(
  userValues: Record<string, unknown> = {},
  registered: Readonly<Record<string, RegisteredSetting>> = KIBANA_UI_SETTINGS
): IUiSettingsClient {
  return {
    get: <T>(key: string, defaultOverride?: T): T => {
      const setting = registered[key];
      if (!setting && defaultOverride !== undefined) return defaultOverride;
      if (!setting) {
        throw new Error(
          `Unexpected \`IUiSettingsClient.get("${key}")\` call on unrecognized configuration setting "${key}".`
        );
      }
      const userValue = userValues[key];
      const value =
        userValue === undefined || userValue === null
          ? defaultOverride !== undefined
            ? defaultOverride
            : setting.value
          : userValue;
      if (setting.type === 'json' && typeof value === 'string') return JSON.parse(value) as T;
      return value as T;
    },
  };
}
