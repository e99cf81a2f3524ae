/**
 * Stand-in for `@kbn/i18n-react`, which wraps react-intl.
 *
 * Source: elastic/kibana:src/platform/packages/shared/kbn-i18n-react/index.tsx
 * Checked at elastic/kibana@343eaeafa20b8542f9f5eab9730ceac028c756ee:src/platform/packages/shared/kbn-i18n-react/index.tsx
 *
 * Mirrors that file (FormattedMessage, FormattedNumber, FormattedRelativeTime re-exported from
 * react-intl; I18nProvider) and …/src/inject.tsx, which exports react-intl's `useIntl` as
 * `useI18n` (Kibana exports no `useIntl`).
 */
import React, { type PropsWithChildren } from 'react';
import { IntlProvider } from 'react-intl';

export { FormattedMessage, FormattedNumber, FormattedRelativeTime } from 'react-intl';
export { useIntl as useI18n } from 'react-intl';

export function I18nProvider({ children }: PropsWithChildren<unknown>) {
  return (
    <IntlProvider locale="en" defaultLocale="en" messages={{}}>
      {children}
    </IntlProvider>
  );
}
