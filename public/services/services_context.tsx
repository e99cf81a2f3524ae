import React, { createContext, useContext, type PropsWithChildren } from 'react';
import type { EntraSpHuntServices } from '../types';

const ServicesContext = createContext<EntraSpHuntServices | undefined>(undefined);

export function ServicesProvider({ services, children }: PropsWithChildren<{ services: EntraSpHuntServices }>) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): EntraSpHuntServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesProvider');
  return services;
}
