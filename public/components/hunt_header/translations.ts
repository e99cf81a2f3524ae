import { i18n } from '@kbn/i18n';

export const ABOUT_BUTTON_LABEL = i18n.translate('entraSpHunt.header.aboutButtonLabel', {
  defaultMessage: 'About this hunt',
});
export const CLOSE_ABOUT_ARIA_LABEL = i18n.translate('entraSpHunt.header.closeAboutAriaLabel', {
  defaultMessage: 'Close the hunt description',
});
