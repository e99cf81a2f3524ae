import { i18n } from '@kbn/i18n';

export const PARTIAL_TITLE = i18n.translate('entraSpHunt.states.partialTitle', {
  defaultMessage: 'Partial results',
});
export const WARNINGS_TITLE = i18n.translate('entraSpHunt.notes.warningsTitle', {
  defaultMessage: 'Elasticsearch warned about this answer',
});
