import { i18n } from '@kbn/i18n';

export const STATUS_READY = i18n.translate('entraSpHunt.coverage.statusReadyLabel', {
  defaultMessage: 'Ready',
});
export const STATUS_NO_EVENTS = i18n.translate('entraSpHunt.coverage.statusNoEventsLabel', {
  defaultMessage: 'No events in this window',
});
export const STATUS_NOT_COUNTED = i18n.translate('entraSpHunt.coverage.statusNotCountedLabel', {
  defaultMessage: 'Not counted: partial answer',
});
export const NOT_COUNTED_VALUE = i18n.translate('entraSpHunt.coverage.notCountedLabel', {
  defaultMessage: 'unknown',
});
export const STATUS_MISSING = i18n.translate('entraSpHunt.coverage.statusMissingLabel', {
  defaultMessage: 'Fields not mapped',
});
export const STATUS_NOT_SELECTED = i18n.translate('entraSpHunt.coverage.statusNotSelectedLabel', {
  defaultMessage: 'Not selected',
});
export const COVERAGE_ERROR_TITLE = i18n.translate('entraSpHunt.coverage.errorTitle', {
  defaultMessage: 'Could not check the data sources',
});
export const NO_INDICES_TITLE = i18n.translate('entraSpHunt.coverage.noIndicesTitle', {
  defaultMessage: 'No index matches the index patterns',
});
export const MISSING_TITLE = i18n.translate('entraSpHunt.coverage.missingTitle', {
  defaultMessage: 'Some data sources cannot be hunted',
});
export const MISSING_COMMON_TITLE = i18n.translate('entraSpHunt.coverage.missingCommonTitle', {
  defaultMessage: 'The indices lack fields every data source needs',
});
export const TABLE_CAPTION = i18n.translate('entraSpHunt.coverage.tableDescription', {
  defaultMessage:
    'Each data source the hunt reads: its events in this window and whether the hunt can read it',
});
