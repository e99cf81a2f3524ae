import { schema } from '@kbn/config-schema';
import type { UiSettingsParams } from '@kbn/core/server';
import { i18n } from '@kbn/i18n';
import {
  RUN_HISTORY_SETTING,
  MAX_RUN_AGE_DAYS,
  MAX_RUNS_PER_SPACE,
  MAX_RUNS_PER_VIEW,
} from '../common/run_history';

/**
 * The plugin's advanced settings. Run history is on by default and scoped to the space
 * (`scope: 'namespace'`, Kibana's default): an administrator turns it off per space in Stack
 * Management → Advanced settings, and the routes read it through the request's space.
 */
export const UI_SETTINGS: Record<string, UiSettingsParams<boolean>> = {
  [RUN_HISTORY_SETTING]: {
    name: i18n.translate('entraSpHunt.settings.runHistoryLabel', {
      defaultMessage: 'Entra ID service principal hunt: keep run history',
    }),
    value: true,
    type: 'boolean',
    schema: schema.boolean(),
    scope: 'namespace',
    category: ['securitySolution'],
    requiresPageReload: false,
    description: i18n.translate('entraSpHunt.settings.runHistoryDescription', {
      defaultMessage:
        'Record each run of the hunt in this space (its parameters, window, outcome, row count and row keys) so the page lists recent runs and marks rows new since the previous run. At most {perView} runs per view and {perSpace} per space are kept, none older than {days} days. Turning it off records nothing new; existing runs age out.',
      values: { perView: MAX_RUNS_PER_VIEW, perSpace: MAX_RUNS_PER_SPACE, days: MAX_RUN_AGE_DAYS },
    }),
  },
};
