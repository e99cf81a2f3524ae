import React, { type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { KibanaRenderContextProvider } from '@kbn/react-kibana-context-render';
import { Router } from '@kbn/shared-ux-router';
import { HuntApp } from './components/hunt_app';
import { ServicesProvider, servicesFrom } from './services/services_context';
import type { EntraSpHuntStartDeps } from './types';

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
  const services = servicesFrom(core, deps);
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
