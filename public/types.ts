import type { ApplicationStart, ChromeStart, HttpStart, NotificationsStart, IUiSettingsClient } from '@kbn/core/public';
import type { SharePluginSetup, SharePluginStart } from '@kbn/share-plugin/public';

export interface EntraSpHuntSetupDeps {
  share: SharePluginSetup;
}

export interface EntraSpHuntStartDeps {
  share: SharePluginStart;
}

/** What the app's components use from Kibana, provided once at mount. */
export interface EntraSpHuntServices {
  http: HttpStart;
  chrome: ChromeStart;
  application: ApplicationStart;
  notifications: NotificationsStart;
  uiSettings: IUiSettingsClient;
  share: SharePluginStart;
}
