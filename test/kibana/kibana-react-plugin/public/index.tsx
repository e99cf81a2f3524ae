/**
 * Stand-in for `@kbn/kibana-react-plugin/public`: the Kibana services React context.
 *
 * Source: elastic/kibana:src/platform/plugins/shared/kibana_react/public/context/context.tsx
 * Checked at elastic/kibana@7527ca73dcd4e5ce1ec516bec42af867465b08c7:src/platform/plugins/shared/kibana_react/public/context/context.tsx
 *
 * Mirrors that file and …/context/types.ts: `useKibana()` reads one React context whose default
 * value has empty `services`, so a hook reading `useKibana().services.application` outside a
 * `KibanaContextProvider` gets `undefined` (and throws when it destructures it, as Cases' hooks
 * do). The provider merges its `services` over those of an enclosing provider. Kibana's value
 * also carries `overlays` and `notifications` helpers built from the services; nothing here reads
 * them, so they are left out.
 */
import React, { createContext, useContext, useMemo, type PropsWithChildren } from 'react';
import type { CoreStart } from '@kbn/core/public';

export type KibanaServices = Partial<CoreStart>;

export interface KibanaReactContextValue<Services extends KibanaServices> {
  readonly services: Services;
}

const defaultContextValue: KibanaReactContextValue<KibanaServices> = { services: {} };

export const context = createContext<KibanaReactContextValue<KibanaServices>>(defaultContextValue);

export const useKibana = <Extra extends object = object>(): KibanaReactContextValue<
  KibanaServices & Extra
> => useContext(context) as KibanaReactContextValue<KibanaServices & Extra>;

export function KibanaContextProvider({
  services = {},
  children,
}: PropsWithChildren<{ services?: KibanaServices & Record<string, unknown> }>) {
  const outer = useKibana();
  const value = useMemo(
    () => ({ services: { ...outer.services, ...services } }),
    [outer.services, services]
  );
  return <context.Provider value={value}>{children}</context.Provider>;
}
