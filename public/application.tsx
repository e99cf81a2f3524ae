import React, { type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { KibanaRenderContextProvider } from '@kbn/react-kibana-context-render';
import { Router } from '@kbn/shared-ux-router';
import { HuntApp } from './components/hunt_app';
import { ServicesProvider } from './services/services_context';
import type { EntraSpHuntServices, EntraSpHuntStartDeps } from './types';

/** Kibana 9.1+ wraps an app in i18n, theme and error boundary with `rendering.addContext`. */
export function withKibanaContext(core: CoreStart, node: ReactNode) {
  if (core.rendering?.addContext) return core.rendering.addContext(node);
  return (
    <KibanaRenderContextProvider i18n={core.i18n} theme={core.theme}>
      {node}
    </KibanaRenderContextProvider>
  );
}

export function renderApp(
  core: CoreStart,
  deps: EntraSpHuntStartDeps,
  { element, history }: AppMountParameters
): () => void {
  const services: EntraSpHuntServices = {
    http: core.http,
    chrome: core.chrome,
    application: core.application,
    notifications: core.notifications,
    uiSettings: core.uiSettings,
    share: deps.share,
    cases: deps.cases,
    savedSearch: deps.savedSearch,
  };
  const root = createRoot(element);
  root.render(
    withKibanaContext(
      core,
      <ServicesProvider services={services}>
        <Router history={history}>
          <HuntApp history={history} />
        </Router>
      </ServicesProvider>
    )
  );
  return () => root.unmount();
}
