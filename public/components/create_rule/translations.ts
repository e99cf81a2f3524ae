import { i18n } from '@kbn/i18n';

export const CREATE_RULE_LABEL = i18n.translate('entraSpHunt.rule.createButtonLabel', {
  defaultMessage: 'Create detection rule',
});
export const INVALID_VIEW = i18n.translate('entraSpHunt.rule.invalidViewTooltip', {
  defaultMessage: 'Fix the highlighted parameters first: the rule is built from them.',
});
export const NAME_LABEL = i18n.translate('entraSpHunt.rule.nameLabel', {
  defaultMessage: 'Rule name',
});
export const SEVERITY_LABEL = i18n.translate('entraSpHunt.rule.severityLabel', {
  defaultMessage: 'Severity',
});
export const RISK_SCORE_LABEL = i18n.translate('entraSpHunt.rule.riskScoreLabel', {
  defaultMessage: 'Risk score (0–100)',
});
export const SCHEDULE_LABEL = i18n.translate('entraSpHunt.rule.scheduleLabel', {
  defaultMessage: 'Runs',
});
export const SEVERITY_NAMES = {
  low: i18n.translate('entraSpHunt.rule.severityLowLabel', { defaultMessage: 'Low' }),
  medium: i18n.translate('entraSpHunt.rule.severityMediumLabel', { defaultMessage: 'Medium' }),
  high: i18n.translate('entraSpHunt.rule.severityHighLabel', { defaultMessage: 'High' }),
  critical: i18n.translate('entraSpHunt.rule.severityCriticalLabel', {
    defaultMessage: 'Critical',
  }),
};
export const SCHEDULE_NAMES = {
  '1h': i18n.translate('entraSpHunt.rule.scheduleHourLabel', { defaultMessage: 'Every hour' }),
  '6h': i18n.translate('entraSpHunt.rule.scheduleSixHoursLabel', {
    defaultMessage: 'Every 6 hours',
  }),
  '12h': i18n.translate('entraSpHunt.rule.scheduleTwelveHoursLabel', {
    defaultMessage: 'Every 12 hours',
  }),
  '1d': i18n.translate('entraSpHunt.rule.scheduleDayLabel', { defaultMessage: 'Every day' }),
};
export const JSON_TITLE = i18n.translate('entraSpHunt.rule.jsonTitle', {
  defaultMessage: 'Rule as it will be sent',
});
export const QUERY_TITLE = i18n.translate('entraSpHunt.rule.queryTitle', {
  defaultMessage: 'ES|QL query of the rule (its window comes from the schedule)',
});
export const SUMMARY_TITLE = i18n.translate('entraSpHunt.rule.summaryTitle', {
  defaultMessage: 'What the rule does',
});
export const CANCEL_LABEL = i18n.translate('entraSpHunt.rule.cancelButtonLabel', {
  defaultMessage: 'Cancel',
});
export const CLOSE_LABEL = i18n.translate('entraSpHunt.rule.closeButtonLabel', {
  defaultMessage: 'Close',
});
export const CONFIRM_LABEL = i18n.translate('entraSpHunt.rule.confirmButtonLabel', {
  defaultMessage: 'Create rule (disabled)',
});
export const OPEN_RULE_LABEL = i18n.translate('entraSpHunt.rule.openRuleLinkText', {
  defaultMessage: 'Open the rule in Security',
});
export const ERROR_TITLES = {
  forbidden: i18n.translate('entraSpHunt.rule.forbiddenErrorMessage', {
    defaultMessage:
      'You may not create detection rules in this space. Ask an administrator for the Security rules privilege (All).',
  }),
  duplicate: i18n.translate('entraSpHunt.rule.duplicateErrorMessage', {
    defaultMessage:
      'A rule for this exact view and schedule already exists. Find it in Security under Rules, or change the view or the schedule.',
  }),
  invalid: i18n.translate('entraSpHunt.rule.invalidErrorMessage', {
    defaultMessage: 'Security refused the rule.',
  }),
  network: i18n.translate('entraSpHunt.rule.networkErrorMessage', {
    defaultMessage:
      'Kibana could not be reached, so no rule was created. Check the connection and try again.',
  }),
  unknown: i18n.translate('entraSpHunt.rule.unknownErrorMessage', {
    defaultMessage: 'The rule could not be created.',
  }),
};
