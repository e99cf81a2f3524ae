import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { runEsql } from '../../test/harness/fake_elasticsearch/esql_engine';
import { hostileString } from '../../test/helpers/hostile_string';
import { HUNT_DEFINITION } from './definition';
import { HUNT_FIELDS, DATASETS } from './data_sources';
import {
  buildDetectionRule,
  buildRuleQuery,
  defaultRuleOptions,
  ruleIdFor,
  ruleSchedule,
  type RuleOptions,
} from './detection_rule';
import { inlineEsqlParams, normaliseEsql, scanEsql, decodeEsqlString } from './esql_text';
import { huntParamsSchema } from './hunt_params';

const ALL_FIELDS: ReadonlySet<string> = new Set(HUNT_FIELDS);
const OPTIONS: RuleOptions = { name: 'Rare SP', severity: 'high', risk_score: 73, schedule: '1d' };

function build(hunt: unknown = {}, options: unknown = OPTIONS, fields = ALL_FIELDS) {
  const result = buildDetectionRule(HUNT_DEFINITION, hunt, options, fields);
  if (!result.ok) throw new Error(result.message);
  return result.built.rule;
}

/** The published query, read from disk: the rule must be it without its time condition. */
const SEED = readFileSync(join(__dirname, '../../test/fixtures/seed/seed-query.esql'), 'utf8');
const SEED_TIME_CONDITION = /\|\s*WHERE @timestamp > now\(\) - 30 day\s*(?=\|)/;

describe('buildDetectionRule', () => {
  it('is the published query without its time window, with no param and no LIMIT', () => {
    expect(SEED).toMatch(SEED_TIME_CONDITION);
    const withoutTime = SEED.replace(SEED_TIME_CONDITION, '');
    const { query } = build();
    expect(normaliseEsql(query)).toBe(normaliseEsql(withoutTime));
    expect(scanEsql(query).filter((token) => token.kind === 'param')).toEqual([]);
    expect(query).not.toMatch(/\bLIMIT\b/);
    expect(query).not.toMatch(/@timestamp >/);
  });

  it('writes the thresholds, ranges and sources of the view as literals', () => {
    const { query } = build({
      max_daily_actions: 7,
      min_distinct_ips: 3,
      trusted_cidrs: ['10.0.0.0/8', '2001:db8::/32'],
      datasets: ['azure.signinlogs'],
      index_patterns: ['logs-azure.signinlogs-*', 'eu:logs-azure.*'],
    });
    expect(query.startsWith('FROM logs-azure.signinlogs-*, eu:logs-azure.*\n')).toBe(true);
    expect(query).toContain('daily_action_count <= 7 and distinct_ips >= 3');
    // The hunt's trusted-range test: an event goes only when each of its addresses is trusted.
    expect(query).toContain('CIDR_MATCH(MV_SLICE(source.ip, 0), "10.0.0.0/8", "2001:db8::/32")');
    const strings = scanEsql(query)
      .filter((token) => token.kind === 'string')
      .map((token) => decodeEsqlString(token.text));
    // The ranges once per address position checked (four, the hunt's published contract).
    const ranges = ['10.0.0.0/8', '2001:db8::/32'];
    expect(strings).toEqual(['azure.signinlogs', ...ranges, ...ranges, ...ranges, ...ranges]);
  });

  it('fills the rule as the create API expects', () => {
    const rule = build();
    expect(rule).toMatchObject({
      type: 'esql',
      language: 'esql',
      enabled: false,
      name: 'Rare SP',
      severity: 'high',
      risk_score: 73,
      interval: '1d',
      from: 'now-1450m',
      to: 'now',
      description: HUNT_DEFINITION.description,
    });
    expect(rule.threat).toEqual([
      {
        framework: 'MITRE ATT&CK',
        tactic: {
          id: 'TA0003',
          name: 'Persistence',
          reference: 'https://attack.mitre.org/tactics/TA0003/',
        },
        technique: [
          {
            id: 'T1098',
            name: 'Account Manipulation',
            reference: 'https://attack.mitre.org/techniques/T1098/',
            subtechnique: [
              {
                id: 'T1098.001',
                name: 'Additional Cloud Credentials',
                reference: 'https://attack.mitre.org/techniques/T1098/001/',
              },
            ],
          },
        ],
      },
    ]);
    for (const note of HUNT_DEFINITION.notes) expect(rule.note).toContain(`- ${note}`);
    expect(rule.related_integrations.map((entry) => entry.package).sort()).toEqual([
      'azure',
      'azure',
      'azure',
      'o365',
    ]);
    expect(rule.required_fields).toContainEqual({ name: 'source.ip', type: 'ip' });
    expect(rule.required_fields).toContainEqual({ name: '@timestamp', type: 'date' });
    expect(rule.required_fields.map((field) => field.name).sort()).toEqual([...HUNT_FIELDS].sort());
    expect(rule.alert_suppression).toEqual({
      group_by: ['service_principal_name', 'event.action', 'timestamp_day_bucket'],
      duration: { value: 49, unit: 'h' },
      missing_fields_strategy: 'suppress',
    });
    expect(rule.investigation_fields.field_names[0]).toBe('service_principal_name');
  });

  it('groups suppression and investigation by id when the view does', () => {
    const rule = build({ group_by: 'id' });
    expect(rule.alert_suppression.group_by[0]).toBe('service_principal_id');
    expect(rule.investigation_fields.field_names[0]).toBe('service_principal_id');
  });

  it('leaves out sources whose fields the cluster lacks, and says so', () => {
    const fields = new Set(
      HUNT_FIELDS.filter((field) => !field.startsWith('o365.') && !field.includes('graph'))
    );
    const result = buildDetectionRule(HUNT_DEFINITION, {}, OPTIONS, fields);
    if (!result.ok) throw new Error(result.message);
    expect(result.built.datasets).toEqual(['azure.auditlogs', 'azure.signinlogs']);
    expect(result.built.rule.query).not.toMatch(/`o365`|graphactivitylogs\.properties/);
    expect(result.built.rule.related_integrations.map((entry) => entry.integration)).toEqual([
      'auditlogs',
      'signinlogs',
    ]);
    const none = buildDetectionRule(HUNT_DEFINITION, {}, OPTIONS, new Set(['@timestamp']));
    expect(none).toMatchObject({ ok: false, reason: 'no_common_fields' });
  });

  it.each([
    ['1h', '1h', 'now-70m', 26],
    ['6h', '6h', 'now-370m', 31],
    ['12h', '12h', 'now-730m', 37],
    ['1d', '1d', 'now-1450m', 49],
  ] as const)('schedules %s: every %s from %s, suppressed %i h', (id, interval, from, hours) => {
    // Suppression spans a day plus the lookback: 24 h + (interval + 10 min), rounded up.
    const lookbackMinutes = Number(from.slice('now-'.length, -1));
    expect(ruleSchedule(id)).toEqual({ interval, from, lookbackMinutes, suppressionHours: hours });
  });

  it('gives one view one rule id, and another view another', () => {
    const a = build();
    expect(build().rule_id).toBe(a.rule_id);
    expect(build({ max_daily_actions: 6 }).rule_id).not.toBe(a.rule_id);
    expect(build({}, { ...OPTIONS, schedule: '1h' }).rule_id).not.toBe(a.rule_id);
    expect(a.rule_id).toBe(ruleIdFor(HUNT_DEFINITION, a.query, '1d'));
    expect(a.rule_id.startsWith(HUNT_DEFINITION.uuid)).toBe(true);
  });

  it('offers the hunt name, medium severity and a daily schedule by default', () => {
    expect(defaultRuleOptions(HUNT_DEFINITION)).toEqual({
      name: HUNT_DEFINITION.name,
      severity: 'medium',
      risk_score: 47,
      schedule: '1d',
    });
  });
});

describe('hostile values', () => {
  it.each([
    ['index_patterns', { index_patterns: ['logs-* | DROP source.ip'] }],
    ['index_patterns', { index_patterns: ['logs-*,metadata'] }],
    ['index_patterns', { index_patterns: ['"logs"'] }],
    ['trusted_cidrs', { trusted_cidrs: ['10.0.0.0/8") OR true //'] }],
    ['trusted_cidrs', { trusted_cidrs: ['10.0.0.0/8\n| LIMIT 0'] }],
    ['datasets', { datasets: ['azure.auditlogs" OR "1"=="1'] }],
    ['max_daily_actions', { max_daily_actions: '5 OR true' }],
    ['min_distinct_ips', { min_distinct_ips: 1.5 }],
    ['(body)', { unexpected: 1 }],
  ])('refuses a bad %s before anything is written', (field, hunt) => {
    const result = buildDetectionRule(HUNT_DEFINITION, hunt, OPTIONS, ALL_FIELDS);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('not refused as invalid');
    expect(result.issues[0].field.split('.')[0]).toBe(field);
  });

  it.each([
    ['name', { ...OPTIONS, name: '' }],
    ['name', { ...OPTIONS, name: 'x'.repeat(257) }],
    ['severity', { ...OPTIONS, severity: 'urgent' }],
    ['risk_score', { ...OPTIONS, risk_score: 101 }],
    ['risk_score', { ...OPTIONS, risk_score: -1 }],
    ['schedule', { ...OPTIONS, schedule: '5m' }],
  ])('refuses a bad rule option %s', (field, options) => {
    const result = buildDetectionRule(HUNT_DEFINITION, {}, options, ALL_FIELDS);
    if (result.ok || result.reason !== 'invalid') throw new Error('not refused as invalid');
    expect(result.issues[0].field).toBe(field);
  });

  it('keeps a hostile rule name out of the query and as the rule name, unchanged', () => {
    const name = 'x" | DROP source.ip // `?min_ips`\n<script>';
    const rule = build({}, { ...OPTIONS, name });
    expect(rule.name).toBe(name);
    expect(rule.query).toBe(build().query);
  });

  it('writes any string as a literal that holds: the interpreter reads back exactly it', () => {
    // The rule's inlining path with hostile values: each becomes one literal whose value the
    // interpreter returns unchanged, and nothing after it runs as a command.
    fc.assert(
      fc.property(hostileString, hostileString, (first, second) => {
        const text = inlineEsqlParams('ROW a = ?a, b = ?b | KEEP a, b', [
          { a: first },
          { b: second },
        ]);
        const { body } = runEsql([], { query: text });
        expect(body.columns).toEqual([
          { name: 'a', type: 'keyword' },
          { name: 'b', type: 'keyword' },
        ]);
        expect(body.values).toEqual([[first, second]]);
      }),
      { numRuns: 300 }
    );
  });

  it('leaves nothing of any valid view outside its literals', () => {
    // Every string token of the rule query is one of the values the view chose, or the seed's
    // own category literal: no value split into code.
    const cidrs = ['10.0.0.0/8', '192.168.1.1/32', '::1/128', '2001:db8::/32'];
    fc.assert(
      fc.property(
        fc.subarray(cidrs),
        fc.subarray([...DATASETS], { minLength: 1 }),
        (trusted, datasets) => {
          const hunt = huntParamsSchema.parse({ trusted_cidrs: trusted, datasets });
          const query = buildRuleQuery(hunt, hunt.datasets, ALL_FIELDS);
          const strings = scanEsql(query)
            .filter((token) => token.kind === 'string')
            .map((token) => decodeEsqlString(token.text));
          const allowed = new Set<string>([...datasets, ...hunt.trusted_cidrs, 'ServicePrincipal']);
          for (const value of strings) expect(allowed.has(value)).toBe(true);
          expect(scanEsql(query).some((token) => token.kind === 'param')).toBe(false);
        }
      ),
      { numRuns: 50 }
    );
  });
});
