/**
 * Stand-in for `@kbn/i18n-react`, which wraps react-intl.
 * Mirrors elastic/kibana:src/platform/packages/shared/kbn-i18n-react/index.tsx (FormattedMessage,
 * FormattedNumber, FormattedRelativeTime re-exported from react-intl; I18nProvider).
 */
import React, { type PropsWithChildren } from 'react';
import { IntlProvider } from 'react-intl';

export { FormattedMessage, FormattedNumber, FormattedRelativeTime, useIntl } from 'react-intl';

export function I18nProvider({ children }: PropsWithChildren<unknown>) {
  return (
    <IntlProvider locale="en" defaultLocale="en" messages={{}}>
      {children}
    </IntlProvider>
  );
}
