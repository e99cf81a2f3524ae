import type { Page } from 'playwright-core';
import { inlineEsqlParams, type EsqlNamedParams } from '../../common/hunt/esql_text';
import { API_VERSION, HUNT_API_PATH, PLUGIN_NAME } from '../../common/constants';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import { e2eSuite, gridRows, screenshot, subj } from './browser';
import { expectedRowCount, expectedRowCountWhere, type Thresholds } from './expected_rows';

const current = e2eSuite();

async function open(path = '/app/entraSpHunt'): Promise<Page> {
  const { page, server } = current();
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(subj(DATA_TEST_SUBJ.page));
  return page;
}

async function rowTexts(page: Page): Promise<string[]> {
  return gridRows(page);
}

async function run(page: Page): Promise<void> {
  const before = await esRequests();
  await page.click(subj(DATA_TEST_SUBJ.runButton));
  await page.waitForFunction(
    ([loading]) => !document.querySelector(`[data-test-subj="${loading}"]`),
    [DATA_TEST_SUBJ.loading]
  );
  await page.waitForFunction((count) => count >= 0, before.length);
}

async function setNumber(page: Page, id: string, value: string): Promise<void> {
  await page.fill(subj(id), value);
}

async function fault(body: Record<string, unknown>): Promise<void> {
  await fetch(`${current().server.url}/__harness/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

async function esRequests(): Promise<RecordedEsRequest[]> {
  const response = await fetch(`${current().server.url}/__harness/es-requests`);
  return (await response.json()) as RecordedEsRequest[];
}

/** The rows the scenario should give for the last hunt's window, counted by plain loops. */
function expectedRows(thresholds: Thresholds = {}): Promise<number> {
  return expectedRowCount(current().server.url, current().server.scenarioNow, thresholds);
}

async function lastHuntRequest(): Promise<{ query: string; params: EsqlNamedParams }> {
  const hunts = (await esRequests()).filter(
    (request) =>
      request.path === '/_query/async' &&
      JSON.stringify(request.body).includes('daily_action_count')
  );
  const last = hunts[hunts.length - 1];
  if (!last) throw new Error('no hunt query reached Elasticsearch');
  return last.body as { query: string; params: EsqlNamedParams };
}

describe('the hunt page in Chromium', () => {
  it('opens like a Kibana app, with the demo badge and the data sources before anything runs', async () => {
    const page = await open();
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
    expect(await page.title()).toBe(`${PLUGIN_NAME} - Elastic`);
    expect(await page.isVisible(subj(DATA_TEST_SUBJ.demoBadge))).toBe(true);
    const coverage = await page.locator(subj(DATA_TEST_SUBJ.coverageRow)).allInnerTexts();
    expect(coverage).toHaveLength(4);
    for (const row of coverage) expect(row).toContain('Ready');
    expect(await page.isEnabled(subj(DATA_TEST_SUBJ.runButton))).toBe(true);
    await screenshot(page, '01-opened');
  });

  it('runs the hunt and the preview is exactly the query Elasticsearch received', async () => {
    const page = await open();
    await page.click(`${subj(DATA_TEST_SUBJ.queryPreview)} button`);
    await run(page);
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(await expectedRows());
    expect(rows.length).toBeGreaterThan(6);
    expect(rows.join('\n')).toContain('Add service principal credentials');
    expect(rows.join('\n')).not.toContain('Terraform-Datadog-CLI');

    const preview =
      (await page.locator(`${subj(DATA_TEST_SUBJ.queryPreview)} pre code`).textContent()) ?? '';
    const sent = await lastHuntRequest();
    expect(sent.query).toContain('?max_daily');
    expect(preview.trim()).toBe(
      inlineEsqlParams(sent.query, sent.params, { _tstart: 'now() - 30 day' })
    );
    // EUI highlights it as ES|QL (the jsdom tests use EUI's test build, which does not).
    expect(
      await page
        .locator(`${subj(DATA_TEST_SUBJ.queryPreview)} pre code .token`)
        .first()
        .innerText()
    ).toBe('FROM');
    expect(page.url()).toContain('run=1');
    await screenshot(page, '02-results');
  });

  it('changes rows when thresholds change, and a reload from the URL gives the same view', async () => {
    const page = await open();
    await setNumber(page, DATA_TEST_SUBJ.maxDailyInput, '7');
    await run(page);
    const withSeven = await rowTexts(page);
    expect(withSeven).toHaveLength(await expectedRows({ maxDaily: 7 }));
    expect(withSeven.join('\n')).toContain('Backup-Automation');
    expect((await lastHuntRequest()).params).toContainEqual({ max_daily: 7 });

    await setNumber(page, DATA_TEST_SUBJ.minIpsInput, '3');
    expect(await page.isVisible(subj(DATA_TEST_SUBJ.stale))).toBe(true);
    await run(page);
    const withThree = await rowTexts(page);
    expect(withThree).toHaveLength(await expectedRows({ maxDaily: 7, minIps: 3 }));
    expect(withThree.length).toBeLessThan(withSeven.length);
    expect(withThree.join('\n')).toContain('Legacy-Sync');
    expect(withThree.join('\n')).not.toContain('Reporting-Connector');

    expect(page.url()).toMatch(/max_daily=7/);
    expect(page.url()).toMatch(/min_ips=3/);
    await page.reload();
    await page.waitForSelector(subj(DATA_TEST_SUBJ.page));
    expect(await rowTexts(page)).toEqual(withThree);
    expect(await page.inputValue(subj(DATA_TEST_SUBJ.maxDailyInput))).toBe('7');
    expect(await page.inputValue(subj(DATA_TEST_SUBJ.minIpsInput))).toBe('3');
  });

  it('drops events from trusted ranges', async () => {
    const page = await open('/app/entraSpHunt?cidrs=10.20.0.0%2F16&run=1');
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(await expectedRows({ trustedCidrs: ['10.20.0.0/16'] }));
    expect(rows.join('\n')).not.toContain('Reporting-Connector');
    expect((await lastHuntRequest()).params).toContainEqual({ trusted_cidr_0: '10.20.0.0/16' });
  });

  it('runs on Enter in a field, brings the results into focus and finds rows by any value', async () => {
    const page = await open();
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
    await page.focus(subj(DATA_TEST_SUBJ.maxDailyInput));
    await page.keyboard.press('Enter');
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(await expectedRows());
    await page.waitForFunction(
      (title) => document.activeElement?.getAttribute('data-test-subj') === title,
      DATA_TEST_SUBJ.resultsTitle
    );
    expect(await page.innerText(subj(DATA_TEST_SUBJ.runSummary))).toContain('reading Entra ID');
    // An IP and a data source each find their rows; the count says how many. Expected from the
    // scenario, not from the cells on screen: the grid keeps columns scrolled out of view (the
    // data sources, past the triage's columns) out of the DOM.
    const { url, scenarioNow } = current().server;
    for (const [text, expected] of [
      [
        '198.51.100.12',
        await expectedRowCountWhere(url, scenarioNow, (row) => row.ips.includes('198.51.100.12')),
      ],
      [
        'graphactivity',
        await expectedRowCountWhere(url, scenarioNow, (row) =>
          row.datasets.includes('azure.graphactivitylogs')
        ),
      ],
    ] as const) {
      await page.fill(subj(DATA_TEST_SUBJ.resultsFilter), text);
      await page.waitForFunction(
        ([shown, count, total]) =>
          document
            .querySelector(`[data-test-subj="${shown}"]`)
            ?.textContent?.startsWith(`${count} of ${total}`) ?? false,
        [DATA_TEST_SUBJ.resultsShown, expected, rows.length] as const
      );
      expect(expected).toBeGreaterThan(0);
      expect(await rowTexts(page)).toHaveLength(expected);
    }
  });

  it('shows a validation error inline and will not run', async () => {
    const page = await open();
    await setNumber(page, DATA_TEST_SUBJ.minIpsInput, '0');
    await page.waitForSelector('text=must be at least 1');
    expect(await page.isDisabled(subj(DATA_TEST_SUBJ.runButton))).toBe(true);
    await screenshot(page, '03-validation-error');
  });

  it('explains a server error with the reason, and recovers on the next run', async () => {
    const page = await open();
    await fetch(`${current().server.url}/__harness/faults`, {
      method: 'POST',
      body: JSON.stringify({
        endpoint: '_query',
        queryContains: 'daily_action_count',
        status: 503,
      }),
    });
    await run(page);
    const error = await page.locator(subj(DATA_TEST_SUBJ.error)).innerText();
    expect(error).toContain('Elasticsearch is unavailable (status 503)');
    expect(error).toContain('HTTP status 503');
    await screenshot(page, '04-server-error');
    await run(page);
    expect(await rowTexts(page)).toHaveLength(await expectedRows());
  });

  it.each([
    ['a connection reset', { reset: true }, 'could not reach Elasticsearch', 'HTTP status 502'],
    [
      'a malformed answer',
      { malformed: true },
      'a response the hunt could not read',
      'HTTP status 502',
    ],
    ['an expired session', { status: 401 }, 'Your session has expired', 'HTTP status 401'],
    [
      'no read privilege',
      {
        status: 403,
        body: {
          error: {
            type: 'security_exception',
            reason: 'action [indices:data/read/esql] is unauthorized for user [analyst]',
          },
          status: 403,
        },
      },
      'You lack read access to logs-azure.*, logs-o365.audit-*',
      'indices:data/read/esql',
    ],
    [
      'an unknown column',
      {
        status: 400,
        body: {
          error: {
            type: 'verification_exception',
            reason:
              'Found 1 problem\nline 9:5: Unknown column [azure.graphactivitylogs.properties.service_principal_id]',
          },
          status: 400,
        },
      },
      'Microsoft Graph activity logs (azure.graphactivitylogs)',
      'Unknown column',
    ],
    [
      'a parsing error',
      {
        status: 400,
        body: {
          error: { type: 'parsing_exception', reason: "line 1:1: mismatched input 'x'" },
          status: 400,
        },
      },
      'could not parse the hunt query',
      'HTTP status 400',
    ],
    ['a timeout', { status: 408 }, 'did not answer in time', 'HTTP status 504'],
    ['a 404', { status: 404 }, 'could not find', 'HTTP status 404'],
    ['a 500', { status: 500 }, 'status 500', 'HTTP status 502'],
  ])('keeps working after %s, saying what happened', async (_what, faultBody, message, detail) => {
    const page = await open();
    await fetch(`${current().server.url}/__harness/faults`, {
      method: 'POST',
      body: JSON.stringify({
        endpoint: '_query',
        queryContains: 'daily_action_count',
        ...faultBody,
      }),
    });
    await run(page);
    const error = await page.locator(subj(DATA_TEST_SUBJ.error)).innerText();
    expect(error).toContain(message);
    expect(error).toContain(detail);
    await run(page);
    expect(await rowTexts(page)).toHaveLength(await expectedRows());
  });

  it('waits for Retry-After on a busy cluster, then finishes', async () => {
    const page = await open();
    await fetch(`${current().server.url}/__harness/faults`, {
      method: 'POST',
      body: JSON.stringify({
        endpoint: '_query',
        queryContains: 'daily_action_count',
        status: 429,
        headers: { 'retry-after': '2' },
      }),
    });
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await page.waitForSelector('text=asking again in 2 seconds');
    await screenshot(page, '08-busy-retry');
    expect(await rowTexts(page)).toHaveLength(await expectedRows());
  });

  it('shows a partial answer with Elasticsearch warnings as such, in words', async () => {
    const page = await open();
    await fault({
      endpoint: '_query',
      queryContains: 'daily_action_count',
      isPartial: true,
      clusters: { '(local)': { status: 'successful' }, eu: { status: 'skipped' } },
      warnings: [
        'Line 7:9: evaluation of [CIDR_MATCH(source.ip, ?trusted_cidr_0)] failed, treating result as null. Only first 20 failures recorded.',
        'Line 7:9: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      ],
    });
    await run(page);
    expect(await rowTexts(page)).toHaveLength(await expectedRows());
    expect(await page.locator(subj(DATA_TEST_SUBJ.partial)).innerText()).toContain(
      'Clusters that did not answer in full: eu (skipped).'
    );
    const warnings = await page.locator(subj(DATA_TEST_SUBJ.warnings)).innerText();
    expect(warnings).toContain('met a field with several values where it expects one');
    expect(warnings).not.toContain('java.lang');
    await screenshot(page, '09-partial-warnings');
  });

  it('explains a tripped circuit breaker and does not send the same hunt again', async () => {
    const page = await open();
    await fault({
      endpoint: '_query',
      queryContains: 'daily_action_count',
      status: 429,
      body: {
        error: { type: 'circuit_breaking_exception', reason: '[parent] Data too large' },
        status: 429,
      },
      times: 4,
    });
    const before = (await esRequests()).length;
    await run(page);
    expect(await page.locator(subj(DATA_TEST_SUBJ.error)).innerText()).toContain(
      'protect its memory'
    );
    const hunts = (await esRequests())
      .slice(before)
      .filter((request) => JSON.stringify(request.body).includes('daily_action_count'));
    expect(hunts).toHaveLength(1);
    await fetch(`${current().server.url}/__harness/faults`, { method: 'DELETE' });
  });

  it('a link with run=1 and a day February does not have shows the field error and runs nothing', async () => {
    const before = (await esRequests()).length;
    const page = await open('/app/entraSpHunt?from=2026-02-29&run=1');
    await page.waitForSelector(subj(DATA_TEST_SUBJ.linkNotRun));
    expect(await page.isVisible('text=is not a date on the calendar')).toBe(true);
    expect(await page.isDisabled(subj(DATA_TEST_SUBJ.runButton))).toBe(true);
    const hunts = (await esRequests())
      .slice(before)
      .filter((request) => request.path === '/_query/async');
    expect(hunts).toHaveLength(0);
    await screenshot(page, '10-link-invalid-date');
  });

  it('warns, without blocking, when a trusted range trusts everything', async () => {
    const page = await open('/app/entraSpHunt?cidrs=0.0.0.0%2F0');
    await page.waitForSelector(subj(DATA_TEST_SUBJ.trustAllWarning));
    expect(await page.locator(subj(DATA_TEST_SUBJ.trustAllWarning)).innerText()).toContain(
      'trusts every IPv4 address'
    );
    expect(await page.isEnabled(subj(DATA_TEST_SUBJ.runButton))).toBe(true);
    await screenshot(page, '11-trust-everything');
  });

  it('refuses a body over the route limit with 413 before reading it', async () => {
    const response = await fetch(`${current().server.url}${HUNT_API_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'kbn-xsrf': 'e2e',
        'elastic-api-version': API_VERSION,
      },
      body: JSON.stringify({ trusted_cidrs: Array(260_000).fill('x') }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Payload content length greater than maximum allowed: \d+$/
    );
  });

  it('says so when the index patterns match nothing', async () => {
    const page = await open('/app/entraSpHunt?indices=logs-nothing-*&run=1');
    await page.waitForSelector(subj(DATA_TEST_SUBJ.noIndices));
    // Coverage is its own request: on a busy machine it may answer after the hunt.
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageNoIndices), { state: 'visible' });
    await screenshot(page, '05-no-indices');
  });

  it('had no unexpected browser errors', () => {
    const errors = current().consoleErrors.filter(
      (message) => !/status of (400|401|403|404|413|429|502|503|504)/.test(message)
    );
    expect(errors).toEqual([]);
  });
});
