/**
 * Stand-in for `@kbn/react-kibana-context-render`.
 *
 * Checked at elastic/kibana@5cd38b39ab6368f4d54f7ced444fa3da429b0e0d:src/platform/packages/shared/react/kibana_context/render/render_provider.tsx
 *
 * Mirrors elastic/kibana:src/platform/packages/shared/react/kibana_context/render/render_provider.tsx:
 * KibanaRenderContextProvider takes the core services (i18n, theme, …) and provides i18n and the
 * EUI theme to its children.
 */
import React, { type PropsWithChildren } from 'react';
import { EuiProvider } from '@elastic/eui';
import { I18nProvider } from '@kbn/i18n-react';

export interface KibanaRenderContextProviderProps {
  i18n: unknown;
  theme: unknown;
}

export function KibanaRenderContextProvider({
  children,
}: PropsWithChildren<KibanaRenderContextProviderProps>) {
  return (
    <EuiProvider colorMode="light">
      <I18nProvider>{children}</I18nProvider>
    </EuiProvider>
  );
}
