/**
 * The hunt as an Elastic Security detection rule: an ES|QL rule created through Security's public
 * rules API (`POST /api/detection_engine/rules`). The body mirrors the create schema of
 * elastic/kibana:x-pack/solutions/security/plugins/security_solution/common/api/detection_engine/model/rule_schema/rule_schemas.schema.yaml
 * (EsqlRuleCreateProps: the shared create fields plus `type: esql`, `language: esql`, `query` and
 * the optional `alert_suppression`) and the field types of common_attributes.schema.yaml beside it
 * (RiskScore 0–100, Severity, Threat, RequiredFieldInput, RelatedIntegration, InvestigationFields,
 * AlertSuppression with 1–3 `group_by` fields and a duration in s, m or h).
 *
 * A detection rule's ES|QL takes no named params, so every value of the view is written into the
 * text as a literal, by the same escaping function as the page's inlined query, after the same
 * validation as a hunt (`parseHuntParams`). The time window is not in the text: the rule's `from`
 * and `interval` give it, as a range filter Security adds on `@timestamp` at each run.
 */
import { z } from '@kbn/zod/v4';
import {
  COMMON_FIELDS,
  DATA_SOURCES,
  DATASETS,
  ACTION_FIELD,
  TIMESTAMP_FIELD,
  type Dataset,
} from './data_sources';
import {
  fromClause,
  huntSelectionStages,
  joinStages,
  planDatasets,
  sourceIpCondition,
  statsStage,
  ParamList,
  PARAM_MAX_DAILY,
  PARAM_MIN_IPS,
  type SkippedDataset,
} from './build_hunt_query';
import { benignPrincipalCondition, cidrBlocks, type AllowlistMatch } from './allowlist';
import { inlineEsqlParams, scanEsql } from './esql_text';
import type { HuntDefinition } from './definition';
import { parseHuntParams, parserFor, type HuntParams, type ParamsIssue } from './hunt_params';

export const DETECTION_RULES_API_PATH = '/api/detection_engine/rules';
/** The public rules API's only version (Kibana's router takes the oldest when none is named). */
export const DETECTION_RULES_API_VERSION = '2023-10-31';

export const RULE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/**
 * The score Security's rule form fills in for each severity: the top of each band of RiskScore's
 * description (0–21 low, 22–47 medium, 48–73 high, 74–100 critical), 99 for critical.
 */
export const DEFAULT_RISK_SCORES: Record<RuleSeverity, number> = {
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
};

/**
 * How often the rule runs. Each run looks back over its interval plus an overlap: a run can start
 * late when Kibana's task manager is busy, and without the overlap the events of that delay would
 * fall between two runs. Alert suppression (below) stops the overlap from alerting twice.
 */
export const RULE_SCHEDULES = {
  '1h': { interval: '1h', lookbackMinutes: 60 },
  '6h': { interval: '6h', lookbackMinutes: 6 * 60 },
  '12h': { interval: '12h', lookbackMinutes: 12 * 60 },
  '1d': { interval: '1d', lookbackMinutes: 24 * 60 },
} as const;
export type RuleScheduleId = keyof typeof RULE_SCHEDULES;
export const RULE_SCHEDULE_IDS = Object.keys(RULE_SCHEDULES) as RuleScheduleId[];
/** Kibana's own rule form adds one minute to a five-minute rule; a daily rule gets more slack. */
export const SCHEDULE_OVERLAP_MINUTES = 10;
const MINUTES_PER_HOUR = 60;
/** One UTC day: the hunt's bucket. */
const DAY_MINUTES = 24 * MINUTES_PER_HOUR;

/** Long enough for any descriptive name; Kibana itself only asks for one character. */
export const MAX_RULE_NAME_LENGTH = 256;
/** Tags in the style of Elastic's prebuilt rules, so the rule is found beside them. */
export const RULE_TAGS = [
  'Hunt',
  'Domain: Cloud',
  'Data Source: Azure',
  'Use Case: Threat Detection',
];

export const ruleOptionsSchema = z
  .object({
    name: z
      .string({ error: 'must be text' })
      .max(MAX_RULE_NAME_LENGTH, {
        message: `must be at most ${MAX_RULE_NAME_LENGTH} characters`,
        abort: true,
      })
      .trim()
      .min(1, 'is required'),
    severity: z.enum(RULE_SEVERITIES, { error: `must be one of ${RULE_SEVERITIES.join(', ')}` }),
    risk_score: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(100, 'must be at most 100'),
    schedule: z.enum(RULE_SCHEDULE_IDS as [RuleScheduleId, ...RuleScheduleId[]], {
      error: `must be one of ${RULE_SCHEDULE_IDS.join(', ')}`,
    }),
  })
  .strict();
export type RuleOptions = z.output<typeof ruleOptionsSchema>;
export const parseRuleOptions = parserFor(ruleOptionsSchema);

export function defaultRuleOptions(definition: HuntDefinition): RuleOptions {
  return {
    name: definition.name,
    severity: 'medium',
    risk_score: DEFAULT_RISK_SCORES.medium,
    schedule: '1d',
  };
}

/** The fields of EsqlRuleCreateProps this plugin sends (all others keep Kibana's defaults). */
export interface EsqlRuleCreateProps {
  type: 'esql';
  language: 'esql';
  query: string;
  rule_id: string;
  name: string;
  description: string;
  severity: RuleSeverity;
  risk_score: number;
  enabled: boolean;
  interval: string;
  from: string;
  to: string;
  tags: string[];
  references: string[];
  note: string;
  setup: string;
  threat: Array<{
    framework: 'MITRE ATT&CK';
    tactic: { id: string; name: string; reference: string };
    technique: Array<{
      id: string;
      name: string;
      reference: string;
      subtechnique?: Array<{ id: string; name: string; reference: string }>;
    }>;
  }>;
  required_fields: Array<{ name: string; type: string }>;
  related_integrations: Array<{ package: string; version: string; integration?: string }>;
  investigation_fields: { field_names: string[] };
  alert_suppression: {
    group_by: string[];
    duration: { value: number; unit: 'h' };
    missing_fields_strategy: 'suppress' | 'doNotSuppress';
  };
  max_signals: number;
}

export interface BuiltDetectionRule {
  rule: EsqlRuleCreateProps;
  datasets: Dataset[];
  skipped: SkippedDataset[];
}

export type BuildDetectionRuleResult =
  | { ok: true; built: BuiltDetectionRule }
  | { ok: false; reason: 'invalid'; issues: ParamsIssue[]; message: string }
  | { ok: false; reason: 'no_data_sources' | 'no_common_fields'; message: string };

/**
 * ATT&CK's tactic for T1098 (Account Manipulation), and the technique's parent: `threat` names a
 * sub-technique under its technique (ThreatTechnique.subtechnique).
 */
const PERSISTENCE_TACTIC = {
  id: 'TA0003',
  name: 'Persistence',
  reference: 'https://attack.mitre.org/tactics/TA0003/',
};
const ACCOUNT_MANIPULATION = {
  id: 'T1098',
  name: 'Account Manipulation',
  reference: 'https://attack.mitre.org/techniques/T1098/',
};
const ADDITIONAL_CLOUD_CREDENTIALS = {
  id: 'T1098.001',
  name: 'Additional Cloud Credentials',
  reference: 'https://attack.mitre.org/techniques/T1098/001/',
};

/**
 * Fleet packages and the integration (data stream group) of each source; the version ranges are
 * every release of the current major, whose data streams carry the fields the hunt reads.
 */
const RELATED_INTEGRATIONS: Record<
  Dataset,
  { package: string; version: string; integration: string }
> = {
  'azure.auditlogs': { package: 'azure', version: '^1.0.0', integration: 'auditlogs' },
  'azure.signinlogs': { package: 'azure', version: '^1.0.0', integration: 'signinlogs' },
  'azure.graphactivitylogs': {
    package: 'azure',
    version: '^1.0.0',
    integration: 'graphactivitylogs',
  },
  'o365.audit': { package: 'o365', version: '^2.0.0', integration: 'audit' },
};

/** Field types as the integrations map them (test/fixtures/scenario/mappings.ts models the same). */
const FIELD_TYPES: Record<string, string> = {
  [TIMESTAMP_FIELD]: 'date',
  'event.dataset': 'constant_keyword',
  'source.ip': 'ip',
};
const DEFAULT_FIELD_TYPE = 'keyword';

/**
 * Alerts cap per run: Kibana's default max_signals (MaxSignals in common_attributes.schema.yaml).
 * The hunt's own row limit has no place in a rule: each alert is a row, and this caps them.
 */
const MAX_SIGNALS = 100;

/** The columns the rule's rows carry, shown first in an alert (investigation_fields). */
function investigationFields(groupBy: HuntParams['group_by']): string[] {
  const other = groupBy === 'name' ? 'service_principal_ids' : 'service_principal_names';
  return [
    principalColumn(groupBy),
    other,
    ACTION_FIELD,
    'ips',
    'distinct_ips',
    'daily_action_count',
    'datasets',
  ];
}

export function principalColumn(groupBy: HuntParams['group_by']): string {
  return groupBy === 'name' ? 'service_principal_name' : 'service_principal_id';
}

/**
 * The hunt's query for a rule: the same stages as the hunt without the time condition (the rule's
 * schedule gives it) and without LIMIT (max_signals caps a run), every value written as a
 * literal. The view's benign entries are left out as the hunt leaves them out (none when the view
 * shows hidden rows); a rule cannot read the space's entries when it runs, so they are the entries
 * active when it is created, written into its query. Throws if any param is left in the text,
 * which a rule could not run.
 */
export function buildRuleQuery(
  hunt: HuntParams,
  datasets: Dataset[],
  availableFields: ReadonlySet<string>,
  allowlist: readonly AllowlistMatch[] = []
): string {
  const params = new ParamList();
  const applied = hunt.include_hidden ? [] : allowlist;
  const benignPrincipals = benignPrincipalCondition(applied, params);
  const stages = [
    fromClause(hunt.index_patterns),
    ...huntSelectionStages(datasets, availableFields, params),
    `WHERE ${sourceIpCondition(hunt.trusted_cidrs, params, cidrBlocks(applied))}`,
    ...(benignPrincipals ? [`WHERE ${benignPrincipals}`] : []),
    statsStage(hunt.group_by),
    `WHERE (daily_action_count <= ${params.add(PARAM_MAX_DAILY, hunt.max_daily_actions)} and distinct_ips >= ${params.add(PARAM_MIN_IPS, hunt.min_distinct_ips)})`,
    'SORT daily_action_count ASC',
  ];
  const query = inlineEsqlParams(joinStages(stages), params.entries);
  if (scanEsql(query).some((token) => token.kind === 'param')) {
    throw new Error('The rule query still names a param');
  }
  return query;
}

/** Minutes as the biggest whole unit date math reads back exactly. */
function minutesExpression(minutes: number): string {
  if (minutes % DAY_MINUTES === 0) return `${minutes / DAY_MINUTES}d`;
  if (minutes % MINUTES_PER_HOUR === 0) return `${minutes / MINUTES_PER_HOUR}h`;
  return `${minutes}m`;
}

export interface RuleSchedule {
  interval: string;
  from: string;
  /** The interval and the overlap. */
  lookbackMinutes: number;
  /** How long alerts of one principal, action and day stay suppressed, in hours. */
  suppressionHours: number;
}

/**
 * A day bucket can come back in every run whose window touches that day: from the day's start
 * until one lookback after its end. Suppressing for that long (a day plus the lookback, in whole
 * hours) makes each principal, action and day alert once, however its events fall over the runs.
 */
export function ruleSchedule(id: RuleScheduleId): RuleSchedule {
  const schedule = RULE_SCHEDULES[id];
  const lookback = schedule.lookbackMinutes + SCHEDULE_OVERLAP_MINUTES;
  return {
    interval: schedule.interval,
    from: `now-${minutesExpression(lookback)}`,
    lookbackMinutes: lookback,
    suppressionHours: Math.ceil((DAY_MINUTES + lookback) / MINUTES_PER_HOUR),
  };
}

/** FNV-1a over UTF-16 code units, twice with different offsets: a short stable id, not a secret. */
function stableHash(text: string): string {
  const hash = (offset: number) => {
    let value = offset;
    for (let index = 0; index < text.length; index += 1) {
      value ^= text.charCodeAt(index);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value.toString(16).padStart(8, '0');
  };
  return `${hash(0x811c9dc5)}${hash(0x050c5d1f)}`;
}

/**
 * One view, one rule: the rule_id follows from the query and the schedule, so creating the same
 * rule twice meets Kibana's 409 ("already exists") instead of a silent duplicate.
 */
export function ruleIdFor(definition: HuntDefinition, query: string, schedule: RuleScheduleId) {
  return `${definition.uuid}-${stableHash(`${schedule}\n${query}`)}`;
}

function investigationGuide(definition: HuntDefinition, hunt: HuntParams): string {
  const lines = [
    `## Triage and analysis`,
    '',
    `This rule was created from the hunt "${definition.name}". An alert is one row of the hunt: a service principal that performed an action at most ${hunt.max_daily_actions} times on one UTC day, from at least ${hunt.min_distinct_ips} distinct source IPs.`,
    '',
    '### Notes',
    '',
    ...definition.notes.map((note) => `- ${note}`),
  ];
  if (definition.references.length > 0) {
    lines.push('', '### References', '', ...definition.references.map((ref) => `- ${ref}`));
  }
  return lines.join('\n');
}

function setupGuide(datasets: Dataset[]): string {
  const sources = datasets.map((dataset) => `- ${DATA_SOURCES[dataset].title} (\`${dataset}\`)`);
  return [
    '## Setup',
    '',
    'Install the Elastic Azure and/or Microsoft 365 integrations. This rule reads:',
    '',
    ...sources,
    '',
    'Counts are per UTC day over the part of the day each run sees.',
  ].join('\n');
}

function requiredFields(datasets: Dataset[], availableFields: ReadonlySet<string>) {
  const fields = new Set<string>(COMMON_FIELDS);
  for (const dataset of datasets) {
    const source = DATA_SOURCES[dataset];
    for (const field of [source.selectorField, ...source.nameFields, ...source.idFields]) {
      if (availableFields.has(field)) fields.add(field);
    }
  }
  return [...fields]
    .sort()
    .map((name) => ({ name, type: FIELD_TYPES[name] ?? DEFAULT_FIELD_TYPE }));
}

function relatedIntegrations(datasets: Dataset[]) {
  return DATASETS.filter((dataset) => datasets.includes(dataset)).map(
    (dataset) => RELATED_INTEGRATIONS[dataset]
  );
}

/**
 * Builds the create body for the current view. `huntInput` is validated exactly as a hunt is, and
 * the options by their own schema; only the data sources whose fields exist are included, as the
 * page's query does.
 */
export function buildDetectionRule(
  definition: HuntDefinition,
  huntInput: unknown,
  optionsInput: unknown,
  availableFields: ReadonlySet<string>,
  /** The space's active benign entries, as the page read them (benignMatches). */
  allowlist: readonly AllowlistMatch[] = []
): BuildDetectionRuleResult {
  const hunt = parseHuntParams(huntInput);
  if (!hunt.ok) return { ok: false, reason: 'invalid', issues: hunt.issues, message: hunt.message };
  const options = parseRuleOptions(optionsInput);
  if (!options.ok) {
    return { ok: false, reason: 'invalid', issues: options.issues, message: options.message };
  }
  const missingCommon = COMMON_FIELDS.filter((field) => !availableFields.has(field));
  if (missingCommon.length > 0) {
    return {
      ok: false,
      reason: 'no_common_fields',
      message: `The matched indices do not map ${missingCommon.join(', ')}.`,
    };
  }
  const { datasets, skipped } = planDatasets(hunt.value.datasets, availableFields);
  if (datasets.length === 0) {
    return {
      ok: false,
      reason: 'no_data_sources',
      message: 'None of the chosen data sources has its fields in the matched indices.',
    };
  }
  const params = hunt.value;
  const query = buildRuleQuery(params, datasets, availableFields, allowlist);
  const schedule = ruleSchedule(options.value.schedule);
  const rule: EsqlRuleCreateProps = {
    type: 'esql',
    language: 'esql',
    query,
    rule_id: ruleIdFor(definition, query, options.value.schedule),
    name: options.value.name,
    description: definition.description,
    severity: options.value.severity,
    risk_score: options.value.risk_score,
    // Created disabled: the analyst reviews it in Security and enables it there.
    enabled: false,
    interval: schedule.interval,
    from: schedule.from,
    to: 'now',
    tags: [...RULE_TAGS],
    references: [...definition.references],
    note: investigationGuide(definition, params),
    setup: setupGuide(datasets),
    threat: [
      {
        framework: 'MITRE ATT&CK',
        tactic: PERSISTENCE_TACTIC,
        technique: [{ ...ACCOUNT_MANIPULATION, subtechnique: [ADDITIONAL_CLOUD_CREDENTIALS] }],
      },
    ],
    required_fields: requiredFields(datasets, availableFields),
    related_integrations: relatedIntegrations(datasets),
    investigation_fields: { field_names: investigationFields(params.group_by) },
    alert_suppression: {
      // Principal, action and day: the hunt's own row key, at most 3 fields as Kibana allows.
      group_by: [principalColumn(params.group_by), ACTION_FIELD, 'timestamp_day_bucket'],
      duration: { value: schedule.suppressionHours, unit: 'h' },
      // Rows without a principal name (Graph activity grouped by name) are one row in the hunt
      // too: suppressed together, not one alert per run.
      missing_fields_strategy: 'suppress',
    },
    max_signals: MAX_SIGNALS,
  };
  return { ok: true, built: { rule, datasets, skipped } };
}
