import React, { createContext, useContext, type PropsWithChildren } from 'react';
import type { CoreStart } from '@kbn/core/public';
import type { EntraSpHuntServices, EntraSpHuntStartDeps } from '../types';

const ServicesContext = createContext<EntraSpHuntServices | undefined>(undefined);

export function ServicesProvider({
  services,
  children,
}: PropsWithChildren<{ services: EntraSpHuntServices }>) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): EntraSpHuntServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesProvider');
  return services;
}

/** What the app's components get from Kibana's core and the plugins it depends on. */
export function servicesFrom(core: CoreStart, deps: EntraSpHuntStartDeps): EntraSpHuntServices {
  return {
    http: core.http,
    chrome: core.chrome,
    application: core.application,
    notifications: core.notifications,
    uiSettings: core.uiSettings,
    theme: core.theme,
    share: deps.share,
    cases: deps.cases,
    savedSearch: deps.savedSearch,
    timeHistory: deps.data?.query.timefilter.history,
  };
}
