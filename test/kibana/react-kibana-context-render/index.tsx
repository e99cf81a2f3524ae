/**
 * Stand-in for `@kbn/react-kibana-context-render`.
 *
 * Checked at elastic/kibana@5cd38b39ab6368f4d54f7ced444fa3da429b0e0d:src/platform/packages/shared/react/kibana_context/render/render_provider.tsx
 *
 * Mirrors elastic/kibana:src/platform/packages/shared/react/kibana_context/render/render_provider.tsx:
 * KibanaRenderContextProvider takes the core services (i18n, theme, …) and provides i18n and the
 * EUI theme to its children; the EUI colour mode follows `theme.theme$`
 * (elastic/kibana:src/platform/packages/shared/react/kibana_context/root/eui_provider.tsx).
 */
import React, { useEffect, useState, type PropsWithChildren } from 'react';
import { EuiProvider } from '@elastic/eui';
import type { CoreTheme, ThemeServiceStart } from '@kbn/core/public';
import { I18nProvider } from '@kbn/i18n-react';

export interface KibanaRenderContextProviderProps {
  i18n: unknown;
  theme: ThemeServiceStart;
}

/** Kibana's default before `theme$` emits (elastic/kibana:src/platform/packages/shared/react/kibana_context/common/theme.ts). */
const DEFAULT_THEME: CoreTheme = { darkMode: false, name: 'borealis' };

export function KibanaRenderContextProvider({
  theme,
  children,
}: PropsWithChildren<KibanaRenderContextProviderProps>) {
  const [current, setCurrent] = useState<CoreTheme>(DEFAULT_THEME);
  useEffect(() => {
    const subscription = theme.theme$.subscribe(setCurrent);
    return () => subscription.unsubscribe();
  }, [theme]);
  return (
    <EuiProvider colorMode={current.darkMode ? 'dark' : 'light'}>
      <I18nProvider>{children}</I18nProvider>
    </EuiProvider>
  );
}
