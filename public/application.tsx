import React from 'react';
// Kibana's lint refuses `react-dom/client` (packages/kbn-eslint-config: "until upgraded to React
// 18") and its apps mount with ReactDOM.render, as examples/*/public/app.tsx do.
import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { Router } from '@kbn/shared-ux-router';
import { HuntApp } from './components/hunt_app';
import { ServicesProvider, servicesFrom } from './services/services_context';
import type { EntraSpHuntStartDeps } from './types';

export function renderApp(
  core: CoreStart,
  deps: EntraSpHuntStartDeps,
  { element, history }: AppMountParameters
): () => void {
  const services = servicesFrom(core, deps);
  // rendering.addContext supplies i18n, the EUI theme and Kibana's error boundary.
  ReactDOM.render(
    core.rendering.addContext(
      <ServicesProvider services={services}>
        <Router history={history}>
          <HuntApp history={history} />
        </Router>
      </ServicesProvider>
    ),
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
