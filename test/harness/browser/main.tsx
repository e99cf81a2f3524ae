/**
 * The harness page: a minimal Kibana-like shell that loads the plugin's real browser code,
 * registers it as Kibana would, resolves `/app/r` redirect links through the locator registry, and
 * mounts the app at /app/entraSpHunt.
 */
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserHistory } from 'history';
import type { BehaviorSubject } from 'rxjs';
import {
  EuiBadge,
  EuiBreadcrumbs,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHeader,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiSwitch,
  EuiToolTip,
} from '@elastic/eui';
import type { ChromeBreadcrumb } from '@kbn/core/public';
import { createTimeHistory } from '@kbn/data-plugin/public/mocks';
import { createLocatorRegistry, REDIRECT_PATH } from '@kbn/share-plugin/public/mocks';
import { plugin } from '../../../public';
import { createHarnessCore, HarnessToasts, withHarnessContext } from './kibana_core';
import {
  createHarnessCases,
  createSavedSearchStandIn,
  HarnessCasePage,
  HarnessDiscover,
  registerDiscoverLocator,
} from './stand_in_plugins';

interface HarnessConfig {
  demo: boolean;
  /** Advanced settings an admin saved (Kibana injects them into the page it renders). */
  uiSettings?: Record<string, unknown>;
  /** Cases 9.5 (Discover sessions attach to a case) unless false (9.3/9.4). */
  casesDiscoverSessions?: boolean;
  /** The app's UI capabilities for the signed-in user's privilege. */
  capabilities?: Record<string, boolean>;
}

declare global {
  interface Window {
    __ENTRA_SP_HUNT_HARNESS__?: HarnessConfig;
  }
}

const config: HarnessConfig = window.__ENTRA_SP_HUNT_HARNESS__ ?? { demo: false };

async function navigateToUrl(url: string) {
  window.location.assign(url);
}

/** Saves `theme:darkMode` and reloads, as Kibana's advanced settings page asks for this setting. */
async function switchDarkMode(enabled: boolean) {
  await fetch('/__harness/ui-settings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'theme:darkMode': enabled ? 'enabled' : 'disabled' }),
  });
  window.location.reload();
}

function Chrome({
  breadcrumbs$,
  darkMode,
}: {
  breadcrumbs$: BehaviorSubject<ChromeBreadcrumb[]>;
  darkMode: boolean;
}) {
  const [breadcrumbs, setBreadcrumbs] = useState<ChromeBreadcrumb[]>([]);
  useEffect(() => {
    const subscription = breadcrumbs$.subscribe(setBreadcrumbs);
    return () => subscription.unsubscribe();
  }, [breadcrumbs$]);
  return (
    <EuiHeader position="static" theme="dark">
      <EuiHeaderSection>
        <EuiHeaderSectionItem>
          <EuiBreadcrumbs
            breadcrumbs={[
              { text: 'Security' },
              ...breadcrumbs.map((crumb) => ({ text: String(crumb.text) })),
            ]}
            data-test-subj="harnessBreadcrumbs"
          />
        </EuiHeaderSectionItem>
      </EuiHeaderSection>
      <EuiHeaderSection side="right">
        <EuiHeaderSectionItem>
          <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiSwitch
                label={<span style={{ color: '#ffffff' }}>Dark mode</span>}
                checked={darkMode}
                onChange={(event) => switchDarkMode(event.target.checked)}
                data-test-subj="harnessDarkModeSwitch"
              />
            </EuiFlexItem>
            {config.demo && (
              <EuiFlexItem grow={false}>
                <EuiToolTip content="No ELASTICSEARCH_URL is set: a fake Elasticsearch serves events derived from Elastic integration samples.">
                  <EuiBadge color="warning" data-test-subj="entraSpHuntDemoBadge">
                    Demo data
                  </EuiBadge>
                </EuiToolTip>
              </EuiFlexItem>
            )}
          </EuiFlexGroup>
        </EuiHeaderSectionItem>
      </EuiHeaderSection>
    </EuiHeader>
  );
}

async function main() {
  const core = createHarnessCore(navigateToUrl, config.uiSettings, config.capabilities);
  const { theme } = core.start;
  const locators = createLocatorRegistry(navigateToUrl);
  const share = { url: { locators } };
  registerDiscoverLocator(locators);
  const timeHistory = createTimeHistory({
    get: (key) => JSON.parse(window.localStorage.getItem(key) ?? 'null'),
    set: (key, value) => window.localStorage.setItem(key, JSON.stringify(value)),
  });
  const startDeps = {
    share,
    cases: createHarnessCases(config.casesDiscoverSessions !== false),
    savedSearch: createSavedSearchStandIn(),
    data: { query: { timefilter: { history: timeHistory } } },
  };
  const instance = plugin({
    opaqueId: Symbol('entraSpHunt'),
    config: { get: () => ({}) as never },
  });
  instance.setup(core.setup as unknown as Parameters<typeof instance.setup>[0], { share });
  instance.start(core.start, startDeps);
  core.startServices.resolve(startDeps);

  const path = window.location.pathname;
  if (path === REDIRECT_PATH) {
    const target = await locators.resolveRedirect(window.location.href);
    window.location.replace(target ?? '/app/entraSpHunt');
    return;
  }
  const [, , appId = 'entraSpHunt'] = path.split('/');
  const app = core.apps.get(appId);
  const chromeElement = document.getElementById('harness-chrome');
  const appElement = document.getElementById('harness-app');
  if (!chromeElement || !appElement) throw new Error('harness page is missing its containers');
  createRoot(chromeElement).render(
    withHarnessContext(
      <>
        <Chrome breadcrumbs$={core.chrome.breadcrumbs$} darkMode={theme.getTheme().darkMode} />
        <HarnessToasts toasts$={core.toasts$} />
      </>,
      theme
    )
  );
  if (appId === 'discover') {
    createRoot(appElement).render(withHarnessContext(<HarnessDiscover />, theme));
    return;
  }
  const caseMatch = /^\/app\/security\/cases\/([^/]+)/.exec(path);
  if (caseMatch) {
    createRoot(appElement).render(
      withHarnessContext(<HarnessCasePage caseId={caseMatch[1]} />, theme)
    );
    return;
  }
  if (!app) {
    appElement.textContent = `No app ${appId} is registered.`;
    return;
  }
  const history = createBrowserHistory({ basename: `/app/${appId}` });
  await app.mount({
    element: appElement,
    history,
    appBasePath: `/app/${appId}`,
    onAppLeave: () => undefined,
    setHeaderActionMenu: () => undefined,
    theme$: theme.theme$,
  });
}

main().catch((error: unknown) => {
  document.body.textContent = `Harness failed to start: ${error instanceof Error ? error.message : String(error)}`;
});
