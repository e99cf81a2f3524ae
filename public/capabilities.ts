import type { Capabilities } from '@kbn/core/public';
import { FEATURE_ID, UI_CAPABILITIES } from '../common/constants';

/** What the app's Kibana feature privilege lets this user do on the page. */
export interface AppCapabilities {
  /** The app may be used (`read` or `all`). */
  show: boolean;
  /** The space's allowlist entries and review marks may be changed (`all`). */
  write: boolean;
}

/**
 * Reads `application.capabilities.entraSpHunt`, which Kibana fills from the feature's `ui`
 * entries for the user's role (server/feature.ts). Writing is offered only when granted; the app
 * says it is not available only when Kibana says so (a Kibana without the feature registered has
 * no entry, and then the server's own checks still decide).
 */
export function appCapabilities(capabilities: Capabilities): AppCapabilities {
  const own = capabilities[FEATURE_ID] as Record<string, unknown> | undefined;
  return {
    show: own?.[UI_CAPABILITIES.show] !== false,
    write: own?.[UI_CAPABILITIES.write] === true,
  };
}
