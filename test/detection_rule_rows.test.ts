/**
 * The detection rule's query is valid ES|QL and finds what the hunt finds. Each variant's rule
 * query runs through the fake Elasticsearch's ES|QL interpreter as Security runs an ES|QL rule:
 * the query text alone (no params) and the schedule's window as a range filter on @timestamp.
 * Its rows must be the rows a plain loop over the scenario documents finds for the hunt with the
 * same parameters and window (test/helpers/scenario_expectations.ts), never the builder's idea.
 */
import { HUNT_DEFINITION } from '../common/hunt/definition';
import { buildDetectionRule } from '../common/hunt/detection_rule';
import { COVERAGE_FIELDS } from '../common/hunt/data_sources';
import { huntParamsSchema, type HuntParamsInput } from '../common/hunt/hunt_params';
import { readRecords, shapeHuntRow, type HuntRow } from '../common/hunt/shape_results';
import { buildScenario, buildScenarioIndices } from './fixtures/scenario/build_scenario';
import { runEsql } from './harness/fake_elasticsearch/esql_engine';
import { fieldCapabilities, FakeIndex } from './harness/fake_elasticsearch/indices';
import {
  expectedHuntRows,
  type BenignSpec,
  type ExpectedRow,
} from './helpers/scenario_expectations';
import type { AllowlistMatch } from '../common/hunt/allowlist';

const DAY_MS = 86_400_000;
const NOW = new Date();
const DOCUMENTS = buildScenario(NOW);
const INDICES = buildScenarioIndices(NOW).map((input) => new FakeIndex(input));
/**
 * What `_field_caps` says the indices behind the patterns map: the fields the page's coverage
 * hands the builder.
 */
function availableFields(patterns: string[]): Set<string> {
  const matchers = patternMatchers(patterns);
  const indices = INDICES.filter((index) => matchers.some((matcher) => matcher.test(index.name)));
  const caps = fieldCapabilities(indices, { fields: COVERAGE_FIELDS, includeUnmapped: false });
  return new Set(Object.keys(caps.fields));
}
/**
 * The window a rule run sees: 30 days back. The rule's filter is `gte` and the hunt's condition
 * `>`; on whole milliseconds `> START` is `>= START + 1 ms`, so both select the same events.
 */
const START = NOW.getTime() - 30 * DAY_MS;
const END = NOW.getTime();

const VARIANTS: Array<[string, HuntParamsInput, BenignSpec[]?]> = [
  ['the default hunt', {}],
  ['at most 7 a day', { max_daily_actions: 7 }],
  ['at least 3 IPs', { min_distinct_ips: 3 }],
  ['grouped by id', { group_by: 'id' }],
  ['10.20.0.0/16 trusted', { trusted_cidrs: ['10.20.0.0/16'] }],
  ['two trusted ranges, IPv6 too', { trusted_cidrs: ['10.20.0.0/16', '2001:db8::/32'] }],
  ['sign-in and audit logs only', { datasets: ['azure.signinlogs', 'azure.auditlogs'] }],
  ['one index pattern', { index_patterns: ['logs-azure.*'] }],
  // The view's benign entries, written into the rule as the hunt applies them.
  ['a benign principal by name', {}, [{ principal: 'Legacy-Sync' }]],
  [
    'a benign id, one action of another principal and two ranges',
    {},
    [
      { principal: '3a8c5e17-0d92-4b64-9f31-0000000000c2', field: 'id' },
      { principal: 'Midnight-Runner', action: 'Sign-in activity' },
      { cidr: '2001:db8::/32' },
      { cidr: '192.0.2.0/24' },
    ],
  ],
  [
    'benign entries with hidden rows shown',
    { include_hidden: true },
    [{ principal: 'Legacy-Sync' }],
  ],
];

/** The entry as the page hands it to the rule (benignMatches' shape). */
function asMatch(spec: BenignSpec, index: number): AllowlistMatch {
  return {
    id: `entry-${index}`,
    principal: spec.principal ?? null,
    principal_field: spec.field ?? 'name',
    action: spec.action ?? null,
    cidr: spec.cidr ?? null,
  };
}

/** The documents an index pattern list names: `*` is any run of characters, as FROM reads it. */
function patternMatchers(patterns: string[]): RegExp[] {
  return patterns.map(
    (pattern) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`)
  );
}

function documentsIn(patterns: string[]) {
  const matchers = patternMatchers(patterns);
  return DOCUMENTS.filter((document) => matchers.some((matcher) => matcher.test(document._index)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function summary(row: HuntRow, groupBy: 'name' | 'id') {
  return JSON.stringify([
    row.day,
    row.action,
    groupBy === 'name' ? row.service_principal_name : row.service_principal_id,
    row.daily_action_count,
    [...row.ips].sort(),
  ]);
}

function expectedSummary(row: ExpectedRow) {
  return JSON.stringify([row.day, row.action, row.principal, row.events.length, row.ips]);
}

describe.each(VARIANTS)('the rule for %s', (_name, input, benign = []) => {
  it('is ES|QL the interpreter runs, and finds the rows of the hunt', () => {
    const params = huntParamsSchema.parse(input);
    const result = buildDetectionRule(
      HUNT_DEFINITION,
      input,
      { name: 'rule', severity: 'medium', risk_score: 47, schedule: '1d' },
      availableFields(params.index_patterns),
      benign.map(asMatch)
    );
    if (!result.ok) throw new Error(result.message);
    const { rule } = result.built;
    const filter = {
      range: {
        '@timestamp': {
          gte: new Date(START + 1).toISOString(),
          lte: new Date(END).toISOString(),
          format: 'strict_date_optional_time',
        },
      },
    };
    const { body } = runEsql(INDICES, { query: rule.query, filter }, { now: END });
    const rows = readRecords(body).map(shapeHuntRow);
    const expected = expectedHuntRows(documentsIn(params.index_patterns), {
      start: START,
      end: END,
      maxDaily: params.max_daily_actions,
      minIps: params.min_distinct_ips,
      groupBy: params.group_by,
      trustedCidrs: params.trusted_cidrs,
      datasets: params.datasets,
      // A view that shows hidden rows applies no entries.
      benign: params.include_hidden ? [] : benign,
    });
    expect(rows.map((row) => summary(row, params.group_by)).sort()).toEqual(
      expected.map(expectedSummary).sort()
    );
    // A variant that finds nothing would prove little.
    expect(rows.length).toBeGreaterThan(0);
    // Every column the suppression groups by is one the rows carry.
    const columns = (body.columns as Array<{ name: string }>).map((column) => column.name);
    for (const field of rule.alert_suppression.group_by) expect(columns).toContain(field);
  });
});
