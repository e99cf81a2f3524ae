/**
 * `application.getUrlForApp` as Kibana's application service computes it
 * (elastic/kibana:src/core/packages/application/browser-internal/src/application_service.tsx and
 * utils/get_app_info.ts): the app's route (`appRoute`, else `/app/<id>`), then the deep link's
 * path, then `path`, prefixed by the base path; absolute adds the origin.
 */
export interface KnownApp {
  appRoute: string;
  deepLinks: Record<string, string>;
}

/**
 * Apps other plugins register that this plugin links to. Security's UI app is `securitySolutionUI`
 * on `/app/security` (APP_UI_ID and APP_PATH in security_solution's common/constants.ts), with
 * the `rules` deep link on `/rules` and `cases` on `/cases`.
 */
export const KNOWN_APPS: Record<string, KnownApp> = {
  securitySolutionUI: {
    appRoute: '/app/security',
    // CASES_PATH: where Cases' "View case" toast opens a Security case.
    deepLinks: { rules: '/rules', cases: '/cases' },
  },
};

function appendPath(base: string, path = ''): string {
  if (!path) return base;
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

export function createGetUrlForApp(basePath = '', origin = 'http://localhost') {
  return (
    appId: string,
    options: { path?: string; absolute?: boolean; deepLinkId?: string } = {}
  ): string => {
    const app = KNOWN_APPS[appId];
    let url = app?.appRoute ?? `/app/${appId}`;
    if (options.deepLinkId) {
      const deepLink = app?.deepLinks[options.deepLinkId];
      if (deepLink) url = appendPath(url, deepLink);
    }
    url = `${basePath}${appendPath(url, options.path)}`;
    return options.absolute ? `${origin}${url}` : url;
  };
}
