import type { KibanaLocation, LocatorDefinition } from '@kbn/share-plugin/public';
import { ENTRA_SP_HUNT_LOCATOR, PLUGIN_ID } from '../common/constants';
import type { EntraSpHuntLocatorParams } from '../common/hunt/url_state';

/**
 * The app's own locator, after elastic/kibana:examples/locator_examples/public/locator.ts: other
 * apps (Cases comments, dashboards, alerts) link to an exact hunt view through it, and Kibana's
 * redirect links keep working if the URL layout changes (add a migration then). The locator is
 * created on every Kibana page, so the URL-state code (its schema, date math, data sources) loads
 * only when a link is actually resolved.
 */
export class EntraSpHuntLocatorDefinition implements LocatorDefinition<EntraSpHuntLocatorParams> {
  public readonly id = ENTRA_SP_HUNT_LOCATOR;

  public readonly getLocation = async (
    params: EntraSpHuntLocatorParams
  ): Promise<KibanaLocation> => {
    const { formStateToSearch, locatorParamsToFormState } =
      await import('../common/hunt/url_state');
    return {
      app: PLUGIN_ID,
      path: `/${formStateToSearch(
        locatorParamsToFormState(params),
        params.runOnOpen === true,
        params.window
      )}`,
      state: {},
    };
  };
}
