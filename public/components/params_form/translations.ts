import { i18n } from '@kbn/i18n';

export const TIME_RANGE_LABEL = i18n.translate('entraSpHunt.form.timeRangeLabel', {
  defaultMessage: 'Time range',
});
export const MAX_DAILY_LABEL = i18n.translate('entraSpHunt.form.maxDailyLabel', {
  defaultMessage: 'Max actions per day',
});
export const MAX_DAILY_HELP = i18n.translate('entraSpHunt.form.maxDailyDescription', {
  defaultMessage:
    'An action counts as rare at or below this many events a day (published hunt: 5).',
});
export const MIN_IPS_LABEL = i18n.translate('entraSpHunt.form.minIpsLabel', {
  defaultMessage: 'Min distinct source IPs',
});
export const MIN_IPS_HELP = i18n.translate('entraSpHunt.form.minIpsDescription', {
  defaultMessage:
    'Report only actions seen from at least this many IPs that day (published hunt: 2).',
});
export const DATASETS_LABEL = i18n.translate('entraSpHunt.form.datasetsLabel', {
  defaultMessage: 'Data sources',
});
export const GROUP_BY_LABEL = i18n.translate('entraSpHunt.form.groupByLabel', {
  defaultMessage: 'Group service principals by',
});
export const GROUP_BY_NAME_LABEL = i18n.translate('entraSpHunt.form.groupByNameLabel', {
  defaultMessage: 'Name (as published)',
});
export const GROUP_BY_ID_LABEL = i18n.translate('entraSpHunt.form.groupByIdLabel', {
  defaultMessage: 'Id',
});
export const GROUP_BY_HELP = i18n.translate('entraSpHunt.form.groupByDescription', {
  defaultMessage:
    'Graph activity events carry no name: grouped by name, all their principals fall under one empty name.',
});
export const TRUSTED_CIDRS_LABEL = i18n.translate('entraSpHunt.form.trustedCidrsLabel', {
  defaultMessage: 'Trusted IP ranges',
});
export const TRUSTED_CIDRS_HELP = i18n.translate('entraSpHunt.form.trustedCidrsDescription', {
  defaultMessage:
    'Events from these ranges are ignored, e.g. your own egress ranges. Type or paste IPs or CIDR blocks (a list works too) and press Enter; a single IP means just that address.',
});
export const trustEverythingTitle = (cidrs: string) =>
  i18n.translate('entraSpHunt.form.trustEverythingTitle', {
    defaultMessage:
      '{cidrs} trusts every address, IPv4 included: the hunt ignores all events and cannot find anything.',
    values: { cidrs },
  });
export const trustAllIpv4Title = (cidrs: string) =>
  i18n.translate('entraSpHunt.form.trustEveryIpFourTitle', {
    defaultMessage:
      '{cidrs} trusts every IPv4 address: the hunt ignores all IPv4 activity and sees only IPv6.',
    values: { cidrs },
  });
export const TRUSTED_CIDRS_PLACEHOLDER = i18n.translate(
  'entraSpHunt.form.trustedCidrsPlaceholder',
  {
    defaultMessage: '10.0.0.0/8, 2001:db8::/32',
  }
);
export const ADVANCED_LABEL = i18n.translate('entraSpHunt.form.advancedLabel', {
  defaultMessage: 'Index patterns and row limit',
});
export const INDEX_PATTERNS_LABEL = i18n.translate('entraSpHunt.form.indexPatternsLabel', {
  defaultMessage: 'Index patterns',
});
export const INDEX_PATTERNS_HELP = i18n.translate('entraSpHunt.form.indexPatternsDescription', {
  defaultMessage:
    'Where the Entra ID and Microsoft 365 integrations write. Prefix with cluster: for cross-cluster search.',
});
export const LIMIT_LABEL = i18n.translate('entraSpHunt.form.limitLabel', {
  defaultMessage: 'Row limit',
});
export const LIMIT_HELP = i18n.translate('entraSpHunt.form.limitDescription', {
  defaultMessage: 'At most 10,000 rows. Results that reach the limit are flagged as truncated.',
});
export const RUN_BUTTON_LABEL = i18n.translate('entraSpHunt.form.runButtonLabel', {
  defaultMessage: 'Run hunt',
});
export const RUN_INVALID_TOOLTIP = i18n.translate('entraSpHunt.form.runInvalidTooltip', {
  defaultMessage: 'Fix the highlighted fields to run the hunt.',
});
export const CANCEL_BUTTON_LABEL = i18n.translate('entraSpHunt.form.cancelButtonLabel', {
  defaultMessage: 'Cancel',
});
export const FORM_ARIA_LABEL = i18n.translate('entraSpHunt.form.formAriaLabel', {
  defaultMessage: 'Hunt parameters',
});
export const RUN_HINT = i18n.translate('entraSpHunt.form.runHintDescription', {
  defaultMessage: 'Enter in a field also runs the hunt.',
});
export const TRIAGE_LABEL = i18n.translate('entraSpHunt.form.triageLabel', {
  defaultMessage: 'Triage: baseline and shared addresses',
});
export const BASELINE_DAYS_LABEL = i18n.translate('entraSpHunt.form.baselineDaysLabel', {
  defaultMessage: 'Baseline days',
});
export const BASELINE_DAYS_HELP = i18n.translate('entraSpHunt.form.baselineDaysDescription', {
  defaultMessage:
    '"New IP" and "new action" compare with this many days before the window (1-365).',
});
export const SHARED_IPS_LABEL = i18n.translate('entraSpHunt.form.sharedIpsLabel', {
  defaultMessage: 'Shared from (principals)',
});
export const SHARED_IPS_HELP = i18n.translate('entraSpHunt.form.sharedIpsDescription', {
  defaultMessage:
    'An address used by at least this many other principals in the window counts as shared: an egress, a benign sign.',
});
