import React, { type ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import { I18nProvider } from '@kbn/i18n-react';

/** Renders with what Kibana's rendering context provides: the EUI theme and i18n. */
export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(
    <EuiProvider colorMode="light">
      <I18nProvider>{ui}</I18nProvider>
    </EuiProvider>
  );
}
