import type {
  ApplicationStart,
  ChromeStart,
  HttpStart,
  NotificationsStart,
  IUiSettingsClient,
  ThemeServiceStart,
} from '@kbn/core/public';
import type { DataPublicPluginStart } from '@kbn/data-plugin/public';
import type { CasesPublicStart } from '@kbn/cases-plugin/public';
import type { SavedSearchPublicPluginStart } from '@kbn/saved-search-plugin/public';
import type { SharePluginSetup, SharePluginStart } from '@kbn/share-plugin/public';

export interface EntraSpHuntSetupDeps {
  share: SharePluginSetup;
}

export interface EntraSpHuntStartDeps {
  share: SharePluginStart;
  /** Optional plugins: their features are offered only when present. */
  cases?: CasesPublicStart;
  savedSearch?: SavedSearchPublicPluginStart;
  /** Kibana's time-range history, offered in the picker as "Recently used". */
  data?: DataPublicPluginStart;
}

/** What the app's components use from Kibana, provided once at mount. */
export interface EntraSpHuntServices {
  http: HttpStart;
  chrome: ChromeStart;
  application: ApplicationStart;
  notifications: NotificationsStart;
  uiSettings: IUiSettingsClient;
  /** Kibana's theme: dark mode for the charts (EUI follows it through the render context). */
  theme: ThemeServiceStart;
  share: SharePluginStart;
  cases?: CasesPublicStart;
  savedSearch?: SavedSearchPublicPluginStart;
  timeHistory?: DataPublicPluginStart['query']['timefilter']['history'];
}
