import React, { useMemo, useRef, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiCodeBlock,
  EuiDescriptionList,
  EuiFieldNumber,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiLink,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSelect,
  EuiSpacer,
  EuiText,
  EuiTitle,
  EuiToolTip,
  useGeneratedHtmlId,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { HUNT_DEFINITION } from '../../../common/hunt/definition';
import { DATA_SOURCES } from '../../../common/hunt/data_sources';
import {
  buildDetectionRule,
  DEFAULT_RISK_SCORES,
  defaultRuleOptions,
  RULE_SCHEDULE_IDS,
  RULE_SEVERITIES,
  ruleSchedule,
  type BuiltDetectionRule,
  type RuleOptions,
  type RuleScheduleId,
  type RuleSeverity,
} from '../../../common/hunt/detection_rule';
import type { HuntParams } from '../../../common/hunt/hunt_params';
import type { AllowlistMatch } from '../../../common/hunt/allowlist';
import {
  canCreateDetectionRules,
  createDetectionRule,
  ruleDetailsUrl,
  toCreateRuleError,
  type CreateRuleError,
  type CreatedRule,
} from '../../services/detection_rules';
import { useServices } from '../../services/services_context';
import { DATA_TEST_SUBJ } from '../../data_test_subj';
import * as strings from './translations';

export interface CreateRuleButtonProps {
  /** The view's parameters once valid; the button waits for them. */
  params: HuntParams | undefined;
  /** Fields the matched indices map (field coverage), so the rule names only those. */
  availableFields: ReadonlySet<string>;
  /** Coverage is unknown: the rule assumes every source, which a cluster may refuse. */
  assumesAllSources: boolean;
  /** The space's active benign entries: the rule leaves out what they cover, as the hunt does. */
  allowlist?: readonly AllowlistMatch[];
}

const SUMMARY = {
  schedule: i18n.translate('entraSpHunt.rule.summaryScheduleTitle', { defaultMessage: 'Schedule' }),
  finds: i18n.translate('entraSpHunt.rule.summaryFindsTitle', { defaultMessage: 'Alerts on' }),
  sources: i18n.translate('entraSpHunt.rule.summarySourcesTitle', {
    defaultMessage: 'Data sources',
  }),
  trusted: i18n.translate('entraSpHunt.rule.summaryTrustedTitle', {
    defaultMessage: 'Trusted IP ranges (never alert)',
  }),
  indices: i18n.translate('entraSpHunt.rule.summaryIndicesTitle', {
    defaultMessage: 'Index patterns',
  }),
  suppression: i18n.translate('entraSpHunt.rule.summarySuppressionTitle', {
    defaultMessage: 'Alert suppression',
  }),
  benign: i18n.translate('entraSpHunt.rule.summaryBenignTitle', {
    defaultMessage: 'Benign allowlist entries (never alert)',
  }),
  mitre: i18n.translate('entraSpHunt.rule.summaryMitreTitle', { defaultMessage: 'MITRE ATT&CK' }),
  guide: i18n.translate('entraSpHunt.rule.summaryGuideTitle', {
    defaultMessage: 'Investigation guide',
  }),
};

const MINUTES_PER_HOUR = 60;

/** A lookback in words: "24 h 10 min". */
function lookbackText(minutes: number): string {
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  return i18n.translate('entraSpHunt.rule.lookbackDescription', {
    defaultMessage:
      '{hours, plural, =0 {} other {# h}}{both, select, true { } other {}}{rest, plural, =0 {} other {# min}}',
    values: { hours, rest, both: hours > 0 && rest > 0 },
  });
}

const NO_ENTRIES: readonly AllowlistMatch[] = [];

/** What an entry leaves out, in the words of the entries panel's "matches" column. */
function entryText(match: AllowlistMatch): string {
  if (match.principal === null) return match.cidr ?? '';
  const principal = i18n.translate('entraSpHunt.rule.summaryEntryPrincipalDescription', {
    defaultMessage: '{field, select, id {id} other {name}} {principal}',
    values: { field: match.principal_field, principal: match.principal },
  });
  return match.action === null
    ? principal
    : i18n.translate('entraSpHunt.rule.summaryEntryActionDescription', {
        defaultMessage: '{principal}, only {action}',
        values: { principal, action: match.action },
      });
}

function summaryItems(
  built: BuiltDetectionRule,
  params: HuntParams,
  options: RuleOptions,
  allowlist: readonly AllowlistMatch[]
) {
  const schedule = ruleSchedule(options.schedule);
  const none = i18n.translate('entraSpHunt.rule.summaryNoneDescription', {
    defaultMessage: 'None',
  });
  return [
    {
      title: SUMMARY.schedule,
      description: i18n.translate('entraSpHunt.rule.summaryScheduleDescription', {
        defaultMessage:
          '{schedule}, each run over the last {lookback} ({from}: the interval and 10 minutes, so a late run misses nothing). Created disabled: enable it in Security.',
        values: {
          schedule: strings.SCHEDULE_NAMES[options.schedule],
          lookback: lookbackText(schedule.lookbackMinutes),
          from: schedule.from,
        },
      }),
    },
    {
      title: SUMMARY.finds,
      description: i18n.translate('entraSpHunt.rule.summaryFindsDescription', {
        defaultMessage:
          'A service principal (by {groupBy, select, id {id} other {name}}) performing an action at most {maxDaily} times on one UTC day from at least {minIps} distinct IPs. Counts cover the part of each day a run sees.',
        values: {
          groupBy: params.group_by,
          maxDaily: params.max_daily_actions,
          minIps: params.min_distinct_ips,
        },
      }),
    },
    {
      title: SUMMARY.sources,
      description: [
        built.datasets.map((dataset) => DATA_SOURCES[dataset].title).join(', '),
        ...built.skipped
          .filter((skip) => skip.reason === 'missing_fields')
          .map((skip) =>
            i18n.translate('entraSpHunt.rule.summarySkippedDescription', {
              defaultMessage: 'Left out: {source} (its fields are not mapped)',
              values: { source: DATA_SOURCES[skip.dataset].title },
            })
          ),
      ].join('. '),
    },
    {
      title: SUMMARY.trusted,
      description: params.trusted_cidrs.length ? params.trusted_cidrs.join(', ') : none,
    },
    {
      title: SUMMARY.benign,
      description:
        params.include_hidden || allowlist.length === 0
          ? none
          : i18n.translate('entraSpHunt.rule.summaryBenignDescription', {
              defaultMessage:
                '{entries}. Written into the rule as they are now: an entry changed, removed or expired later stays in the rule until it is edited in Security.',
              values: { entries: allowlist.map(entryText).join('; ') },
            }),
    },
    { title: SUMMARY.indices, description: params.index_patterns.join(', ') },
    {
      title: SUMMARY.suppression,
      description: i18n.translate('entraSpHunt.rule.summarySuppressionDescription', {
        defaultMessage:
          'One alert per principal, action and day: later runs that see the same row add to it for {hours} hours.',
        values: { hours: built.rule.alert_suppression.duration.value },
      }),
    },
    {
      title: SUMMARY.mitre,
      description:
        'Persistence (TA0003) › T1098.001 Account Manipulation: Additional Cloud Credentials',
    },
    {
      title: SUMMARY.guide,
      description: i18n.translate('entraSpHunt.rule.summaryGuideDescription', {
        defaultMessage: "The hunt's {count} notes, and a setup guide naming the data sources.",
        values: { count: HUNT_DEFINITION.notes.length },
      }),
    },
  ];
}

function ErrorCallOut({ error }: { error: CreateRuleError }) {
  // A network failure has no reason worth showing; every answer from Kibana does.
  const detail = error.kind === 'network' ? undefined : error.message;
  return (
    <EuiCallOut
      color="danger"
      iconType="error"
      size="s"
      role="alert"
      title={strings.ERROR_TITLES[error.kind]}
      data-test-subj={DATA_TEST_SUBJ.createRuleError}
    >
      {detail && <p>{detail}</p>}
    </EuiCallOut>
  );
}

function RuleForm({
  options,
  onChange,
  issues,
}: {
  options: RuleOptions;
  onChange: (next: RuleOptions) => void;
  issues: Partial<Record<keyof RuleOptions, string>>;
}) {
  return (
    <EuiFlexGroup gutterSize="m" wrap>
      <EuiFlexItem grow={2} style={{ minWidth: 240 }}>
        <EuiFormRow label={strings.NAME_LABEL} isInvalid={!!issues.name} error={issues.name}>
          <EuiFieldText
            value={options.name}
            isInvalid={!!issues.name}
            onChange={(event) => onChange({ ...options, name: event.target.value })}
            data-test-subj={DATA_TEST_SUBJ.createRuleName}
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={1} style={{ minWidth: 140 }}>
        <EuiFormRow label={strings.SEVERITY_LABEL}>
          <EuiSelect
            value={options.severity}
            options={RULE_SEVERITIES.map((value) => ({
              value,
              text: strings.SEVERITY_NAMES[value],
            }))}
            // A new severity brings Security's usual score for it; the analyst can still change it.
            onChange={(event) => {
              const severity = event.target.value as RuleSeverity;
              onChange({ ...options, severity, risk_score: DEFAULT_RISK_SCORES[severity] });
            }}
            data-test-subj={DATA_TEST_SUBJ.createRuleSeverity}
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={1} style={{ minWidth: 120 }}>
        <EuiFormRow
          label={strings.RISK_SCORE_LABEL}
          isInvalid={!!issues.risk_score}
          error={issues.risk_score}
        >
          <EuiFieldNumber
            value={Number.isNaN(options.risk_score) ? '' : options.risk_score}
            min={0}
            max={100}
            step={1}
            isInvalid={!!issues.risk_score}
            onChange={(event) =>
              onChange({
                ...options,
                risk_score: event.target.value === '' ? NaN : Number(event.target.value),
              })
            }
            data-test-subj={DATA_TEST_SUBJ.createRuleRiskScore}
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={1} style={{ minWidth: 150 }}>
        <EuiFormRow label={strings.SCHEDULE_LABEL}>
          <EuiSelect
            value={options.schedule}
            options={RULE_SCHEDULE_IDS.map((value) => ({
              value,
              text: strings.SCHEDULE_NAMES[value],
            }))}
            onChange={(event) =>
              onChange({ ...options, schedule: event.target.value as RuleScheduleId })
            }
            data-test-subj={DATA_TEST_SUBJ.createRuleSchedule}
          />
        </EuiFormRow>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

/**
 * Prepares an ES|QL detection rule from the view, shows it (a summary and the exact JSON), and
 * creates it disabled through Security's rules API as the analyst. Offered only to users who may
 * create rules.
 */
export function CreateRuleButton({
  params,
  availableFields,
  assumesAllSources,
  allowlist = NO_ENTRIES,
}: CreateRuleButtonProps) {
  const { http, application } = useServices();
  const titleId = useGeneratedHtmlId({ prefix: 'entraSpHuntCreateRuleTitle' });
  const [isOpen, setIsOpen] = useState(false);
  const [options, setOptions] = useState<RuleOptions>(() => defaultRuleOptions(HUNT_DEFINITION));
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<CreateRuleError | undefined>();
  const [created, setCreated] = useState<CreatedRule | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  const allowed = canCreateDetectionRules(application.capabilities);

  const result = useMemo(
    () =>
      params
        ? buildDetectionRule(HUNT_DEFINITION, params, options, availableFields, allowlist)
        : undefined,
    [allowlist, availableFields, options, params]
  );
  const issues = useMemo(() => {
    const found: Partial<Record<keyof RuleOptions, string>> = {};
    if (result && !result.ok && result.reason === 'invalid') {
      for (const issue of result.issues) {
        const field = issue.field as keyof RuleOptions;
        if (field in options) found[field] ??= issue.message;
      }
    }
    return found;
  }, [options, result]);
  if (!allowed) return null;

  const built = result?.ok ? result.built : undefined;
  const close = () => {
    abort.current?.abort();
    setIsOpen(false);
  };
  const create = async () => {
    if (!built) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setCreating(true);
    setError(undefined);
    try {
      setCreated(await createDetectionRule(http, built.rule, controller.signal));
    } catch (failure) {
      if (!controller.signal.aborted) setError(toCreateRuleError(failure));
    } finally {
      if (!controller.signal.aborted) setCreating(false);
    }
  };
  const ruleUrl = created ? ruleDetailsUrl(application, created.id) : undefined;

  const button = (
    <EuiButton
      size="s"
      iconType="securitySignal"
      isDisabled={!params}
      onClick={() => {
        setError(undefined);
        setCreated(undefined);
        setCreating(false);
        setIsOpen(true);
      }}
      data-test-subj={DATA_TEST_SUBJ.createRule}
    >
      {strings.CREATE_RULE_LABEL}
    </EuiButton>
  );

  return (
    <>
      {params ? button : <EuiToolTip content={strings.INVALID_VIEW}>{button}</EuiToolTip>}
      {isOpen && params && (
        <EuiModal
          onClose={close}
          aria-labelledby={titleId}
          style={{ width: 960, maxWidth: '95vw' }}
          data-test-subj={DATA_TEST_SUBJ.createRuleModal}
        >
          <EuiModalHeader>
            <EuiModalHeaderTitle id={titleId}>{strings.CREATE_RULE_LABEL}</EuiModalHeaderTitle>
          </EuiModalHeader>
          <EuiModalBody>
            {created && ruleUrl ? (
              <EuiCallOut
                color="success"
                iconType="check"
                title={i18n.translate('entraSpHunt.rule.createdTitle', {
                  defaultMessage:
                    'Created "{name}", disabled. Review it, then enable it in Security.',
                  values: { name: created.name },
                })}
                data-test-subj={DATA_TEST_SUBJ.createRuleCreated}
              >
                <EuiLink
                  href={ruleUrl}
                  onClick={(event: React.MouseEvent) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                    event.preventDefault();
                    void application.navigateToUrl(ruleUrl);
                  }}
                  data-test-subj={DATA_TEST_SUBJ.createRuleLink}
                >
                  {strings.OPEN_RULE_LABEL}
                </EuiLink>
              </EuiCallOut>
            ) : (
              <>
                {error && (
                  <>
                    <ErrorCallOut error={error} />
                    <EuiSpacer size="m" />
                  </>
                )}
                <RuleForm
                  options={options}
                  onChange={(next) => {
                    setOptions(next);
                    // The answer was about the rule as it was; this is another one.
                    setError(undefined);
                  }}
                  issues={issues}
                />
                <EuiSpacer size="m" />
                {result && !result.ok && result.reason !== 'invalid' && (
                  <EuiCallOut color="warning" size="s" title={result.message} />
                )}
                {assumesAllSources && (
                  <>
                    <EuiCallOut
                      color="warning"
                      size="s"
                      iconType="warning"
                      title={i18n.translate('entraSpHunt.rule.assumesAllSourcesDescription', {
                        defaultMessage:
                          'Which data sources this cluster maps is not known yet: the rule names every chosen source, and fails at run time if one is missing.',
                      })}
                    />
                    <EuiSpacer size="s" />
                  </>
                )}
                {built && (
                  <>
                    <EuiTitle size="xxs">
                      <h3>{strings.SUMMARY_TITLE}</h3>
                    </EuiTitle>
                    <EuiSpacer size="xs" />
                    <EuiDescriptionList
                      compressed
                      type="responsiveColumn"
                      listItems={summaryItems(built, params, options, allowlist)}
                      data-test-subj={DATA_TEST_SUBJ.createRuleSummary}
                    />
                    <EuiSpacer size="m" />
                    <EuiTitle size="xxs">
                      <h3>{strings.QUERY_TITLE}</h3>
                    </EuiTitle>
                    <EuiSpacer size="xs" />
                    <EuiCodeBlock
                      language="esql"
                      fontSize="s"
                      paddingSize="s"
                      overflowHeight={240}
                      isCopyable
                      data-test-subj={DATA_TEST_SUBJ.createRuleQuery}
                    >
                      {built.rule.query}
                    </EuiCodeBlock>
                    <EuiSpacer size="m" />
                    <EuiTitle size="xxs">
                      <h3>{strings.JSON_TITLE}</h3>
                    </EuiTitle>
                    <EuiText size="xs" color="subdued">
                      <p>
                        {i18n.translate('entraSpHunt.rule.jsonDescription', {
                          defaultMessage:
                            'POST /api/detection_engine/rules, as you: the values of this view are written into the query, which a rule cannot take as parameters.',
                        })}
                      </p>
                    </EuiText>
                    <EuiSpacer size="xs" />
                    <EuiCodeBlock
                      language="json"
                      fontSize="s"
                      paddingSize="s"
                      overflowHeight={320}
                      isCopyable
                      data-test-subj={DATA_TEST_SUBJ.createRuleJson}
                    >
                      {JSON.stringify(built.rule, null, 2)}
                    </EuiCodeBlock>
                  </>
                )}
              </>
            )}
          </EuiModalBody>
          <EuiModalFooter>
            {created ? (
              <EuiButton onClick={close}>{strings.CLOSE_LABEL}</EuiButton>
            ) : (
              <>
                <EuiButtonEmpty onClick={close}>{strings.CANCEL_LABEL}</EuiButtonEmpty>
                <EuiButton
                  fill
                  onClick={create}
                  isLoading={creating}
                  isDisabled={!built}
                  data-test-subj={DATA_TEST_SUBJ.createRuleConfirm}
                >
                  {strings.CONFIRM_LABEL}
                </EuiButton>
              </>
            )}
          </EuiModalFooter>
        </EuiModal>
      )}
    </>
  );
}
