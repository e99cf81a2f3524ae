import React from 'react';
// Kibana's lint refuses `react-dom/client` (packages/kbn-eslint-config: "until upgraded to React
// 18") and its apps mount with ReactDOM.render, as examples/*/public/app.tsx do.
import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { KibanaContextProvider } from '@kbn/kibana-react-plugin/public';
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
  // KibanaContextProvider gives the Cases hooks what they read through `useKibana()` (the
  // add-to-case flyout's toast reads `services.application`; without it they throw on render),
  // with core and the plugins as Cases' own actions provide them
  // (elastic/kibana:x-pack/platform/plugins/shared/cases/public/components/visualizations/actions/action_wrapper.tsx).
  ReactDOM.render(
    core.rendering.addContext(
      <KibanaContextProvider services={{ ...core, ...deps }}>
        <ServicesProvider services={services}>
          <Router history={history}>
            <HuntApp history={history} />
          </Router>
        </ServicesProvider>
      </KibanaContextProvider>
    ),
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
