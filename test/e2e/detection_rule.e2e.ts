/**
 * From hunt to detection in Chromium: the page prepares an ES|QL rule from the view, shows it,
 * creates it through the harness's stand-in of Security's rules API, links to it in Security, and
 * refuses a second identical rule with Kibana's 409. The created rule's query then runs against
 * the fake Elasticsearch as Security runs it (text only, window as a filter) and finds the rows a
 * plain loop over the scenario finds for the same thresholds.
 */
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import { buildScenario } from '../fixtures/scenario/build_scenario';
import type { StoredRule } from '../harness/detection_rules_api';
import { expectedHuntRows } from '../helpers/scenario_expectations';
import { e2eSuite, screenshot, subj } from './browser';

const current = e2eSuite();
const DAY_MS = 86_400_000;

async function storedRules(): Promise<StoredRule[]> {
  return (await (
    await fetch(`${current().server.url}/__harness/detection-rules`)
  ).json()) as StoredRule[];
}

describe('create a detection rule from the hunt, in Chromium', () => {
  it('previews the rule, creates it disabled and links to it in Security', async () => {
    const { page, server } = current();
    await page.goto(`${server.url}/app/entraSpHunt?max_daily=7&cidrs=10.20.0.0%2F16`);
    // The rule names only the sources the cluster maps: wait for field coverage.
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
    await page.click(subj(DATA_TEST_SUBJ.createRule));
    const modal = page.locator(subj(DATA_TEST_SUBJ.createRuleModal));
    await modal.waitFor();
    const summary = await page.innerText(subj(DATA_TEST_SUBJ.createRuleSummary));
    expect(summary).toContain('at most 7 times on one UTC day from at least 2 distinct IPs');
    expect(summary).toContain('10.20.0.0/16');
    const shown = JSON.parse(
      (await page.textContent(subj(DATA_TEST_SUBJ.createRuleJson))) ?? ''
    ) as StoredRule;
    expect(shown).toMatchObject({ type: 'esql', language: 'esql', enabled: false });
    await screenshot(page, '20-create-rule-preview', false);

    await page.selectOption(subj(DATA_TEST_SUBJ.createRuleSeverity), 'high');
    await page.click(subj(DATA_TEST_SUBJ.createRuleConfirm));
    const link = page.locator(subj(DATA_TEST_SUBJ.createRuleLink));
    await link.waitFor();
    await screenshot(page, '21-create-rule-created', false);

    const rules = await storedRules();
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule).toMatchObject({
      query: shown.query,
      rule_id: shown.rule_id,
      severity: 'high',
      risk_score: 73,
      enabled: false,
      interval: '1d',
      from: 'now-1450m',
    });
    expect(await link.getAttribute('href')).toBe(
      `/app/security/rules/id/${encodeURIComponent(rule.id)}`
    );

    // The stored query, run as Security runs a rule over the last 30 days, finds the hunt's rows.
    const end = Date.now();
    const start = end - 30 * DAY_MS;
    const answer = (await (
      await fetch(`${server.fakeElasticsearch?.url}/_query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: rule.query,
          filter: {
            range: {
              '@timestamp': {
                gte: new Date(start + 1).toISOString(),
                lte: new Date(end).toISOString(),
              },
            },
          },
        }),
      })
    ).json()) as { values: unknown[] };
    const expected = expectedHuntRows(buildScenario(server.scenarioNow), {
      start,
      end,
      maxDaily: 7,
      trustedCidrs: ['10.20.0.0/16'],
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.values).toHaveLength(expected.length);
  });

  it('refuses the same rule twice with the API reason', async () => {
    const { page } = current();
    await page.keyboard.press('Escape');
    await page.waitForSelector(subj(DATA_TEST_SUBJ.createRuleModal), { state: 'detached' });
    await page.click(subj(DATA_TEST_SUBJ.createRule));
    await page.selectOption(subj(DATA_TEST_SUBJ.createRuleSeverity), 'high');
    await page.click(subj(DATA_TEST_SUBJ.createRuleConfirm));
    const error = page.locator(subj(DATA_TEST_SUBJ.createRuleError));
    await error.waitFor();
    expect(await error.innerText()).toContain(
      'A rule for this exact view and schedule already exists'
    );
    expect(await error.innerText()).toContain('already exists');
    expect(await storedRules()).toHaveLength(1);
    await screenshot(page, '22-create-rule-duplicate', false);
  });

  it('had no unexpected browser errors', () => {
    // The 409 above is the browser's own log line for a refused request.
    const errors = current().consoleErrors.filter((message) => !/status of 409/.test(message));
    expect(errors).toEqual([]);
  });
});
