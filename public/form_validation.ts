import { i18n } from '@kbn/i18n';
import { formStateToParamsInput, type HuntFormState } from '../common/hunt/url_state';
import { parseHuntParams, type HuntParams } from '../common/hunt/hunt_params';

export type FormField = keyof HuntFormState;
export type FormErrors = Partial<Record<FormField, string[]>>;

/** Which form field a schema path belongs to. */
const FIELD_OF_PATH: Record<string, FormField> = {
  time_range: 'from',
  'time_range.from': 'from',
  'time_range.to': 'to',
  max_daily_actions: 'maxDailyActions',
  min_distinct_ips: 'minDistinctIps',
  datasets: 'datasets',
  group_by: 'groupBy',
  trusted_cidrs: 'trustedCidrs',
  index_patterns: 'indexPatterns',
  limit: 'limit',
  baseline_days: 'baselineDays',
  shared_ip_principals: 'sharedIpPrincipals',
  include_hidden: 'includeHidden',
};

function fieldOf(path: string): FormField | undefined {
  if (FIELD_OF_PATH[path]) return FIELD_OF_PATH[path];
  const [head] = path.split('.');
  return FIELD_OF_PATH[head];
}

/** The two ends of the time range share one form row: each error says which end it is about. */
const TIME_END_LABELS: Record<string, string> = {
  'time_range.from': i18n.translate('entraSpHunt.form.timeStartLabel', { defaultMessage: 'Start' }),
  'time_range.to': i18n.translate('entraSpHunt.form.timeEndLabel', { defaultMessage: 'End' }),
};

function describe(path: string, message: string): string {
  if (TIME_END_LABELS[path]) return `${TIME_END_LABELS[path]}: ${message}`;
  const index = /\.(\d+)$/.exec(path)?.[1];
  return index === undefined ? message : `#${Number(index) + 1}: ${message}`;
}

export interface FormValidation {
  params?: HuntParams;
  errors: FormErrors;
}

/** The form checked with the server's own schema, so inline errors match the route's 400s. */
export function validateForm(state: HuntFormState): FormValidation {
  const result = parseHuntParams(formStateToParamsInput(state));
  if (result.ok) return { params: result.value, errors: {} };
  const errors: FormErrors = {};
  for (const issue of result.issues) {
    const field = fieldOf(issue.field);
    if (!field) continue;
    (errors[field] ??= []).push(describe(issue.field, issue.message));
  }
  return { errors };
}
