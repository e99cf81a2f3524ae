import { DEFAULT_APP_CATEGORIES } from '@kbn/core/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import {
  API_PRIVILEGES,
  FEATURE_ID,
  PLUGIN_ID,
  PLUGIN_NAME,
  UI_CAPABILITIES,
} from '../common/constants';
import { ENTRY_SAVED_OBJECT_TYPE } from '../common/entries';
import { RUN_SAVED_OBJECT_TYPE } from '../common/run_history';

/**
 * The Kibana privilege of the app, under Security in the role editor. `all` may hunt and change the
 * space's allowlist entries and review marks; `read` may hunt and read them. Both record and read
 * the space's run history (recording is part of hunting: a history without the runs of `read`
 * users would call their rows new to everyone else). The hunt's queries run as the user whatever
 * the privilege: Elasticsearch's index privileges decide what they read.
 */
export const ENTRA_SP_HUNT_FEATURE: KibanaFeatureConfig = {
  id: FEATURE_ID,
  name: PLUGIN_NAME,
  category: DEFAULT_APP_CATEGORIES.security,
  app: [PLUGIN_ID],
  privileges: {
    all: {
      app: [PLUGIN_ID],
      api: [API_PRIVILEGES.read, API_PRIVILEGES.write],
      savedObject: { all: [ENTRY_SAVED_OBJECT_TYPE, RUN_SAVED_OBJECT_TYPE], read: [] },
      ui: [UI_CAPABILITIES.show, UI_CAPABILITIES.write],
    },
    read: {
      app: [PLUGIN_ID],
      api: [API_PRIVILEGES.read],
      savedObject: { all: [RUN_SAVED_OBJECT_TYPE], read: [ENTRY_SAVED_OBJECT_TYPE] },
      ui: [UI_CAPABILITIES.show],
    },
  },
};
