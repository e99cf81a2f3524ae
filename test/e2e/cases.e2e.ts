/**
 * From findings to a case and back to the evidence, in Chromium: the Cases stand-in modelled on
 * Kibana 9.5 (the Discover session attached by reference) and on 9.3/9.4 (the comment links it).
 */
import type { Page } from 'playwright-core';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import {
  e2eSuite,
  gridCell,
  gridRowIndex,
  gridRows,
  screenshot,
  subj,
  type E2eContext,
} from './browser';
import { expectedRowCount, lastHuntWindow } from './expected_rows';

async function huntRequests(context: E2eContext): Promise<number> {
  const requests = (await (
    await fetch(`${context.server.url}/__harness/es-requests`)
  ).json()) as RecordedEsRequest[];
  return requests.filter(
    (request) =>
      request.path === '/_query/async' &&
      JSON.stringify(request.body).includes('daily_action_count')
  ).length;
}

async function openResults(context: E2eContext, query: string): Promise<Page> {
  const { page, server } = context;
  await page.goto(`${server.url}/app/entraSpHunt${query}`);
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`);
  return page;
}

async function select(page: Page, text: string) {
  const index = await gridRowIndex(page, text);
  await page.locator(`${gridCell(index, 'select')} input[type="checkbox"]`).check();
}

/** Adds the selection to a new case, then follows Cases' own "View case" toast to it. */
async function addToNewCase(page: Page) {
  await page.click(subj(DATA_TEST_SUBJ.addToNewCase));
  await page.click('[data-test-subj="harnessCaseCreate"]');
  // The selection clears once the findings are in the case: they cannot be added twice.
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.addToNewCase)}:disabled`);
  await page.click('[data-test-subj="toaster-content-case-view-link"]');
  await page.waitForSelector('[data-test-subj="harnessCaseComment"]');
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('a case from findings, on Cases 9.5 (Discover session attachments)', () => {
  const current = e2eSuite();

  it('attaches the session, which opens Discover on the pinned window with the rows of the case; the reopen link restores the view', async () => {
    const context = current();
    const page = await openResults(context, '?max_daily=7&min_ips=3&run=1');
    const window = await lastHuntWindow(context.server.url);
    const expected = await expectedRowCount(context.server.url, context.server.scenarioNow, {
      maxDaily: 7,
      minIps: 3,
    });
    const shown = await gridRows(page);
    expect(shown).toHaveLength(expected);
    const legacy = shown.find((row) => row.includes('Legacy-Sync'));
    await select(page, 'Legacy-Sync');
    await addToNewCase(page);

    const comment = page.locator('[data-test-subj="harnessCaseComment"]');
    const text = await comment.innerText();
    expect(text).toContain('Microsoft Entra ID Rare Service Principal Activity from Multiple IPs');
    expect(text).toContain('at most 7 events a day, from at least 3 distinct IPs');
    expect(text).toContain('Legacy-Sync');
    expect(text).not.toContain('ConfigMgrSvc');
    expect(text).toContain(`after ${iso(window.start)}, up to and including ${iso(window.end)}`);
    // Rendered as Cases renders markdown: no escape shows.
    expect(text).not.toContain('\\');
    expect(text).toContain('is attached to this case');
    const attachment = page.locator('[data-test-subj="harnessCaseDiscoverSession"]');
    expect(await attachment.count()).toBe(1);
    await screenshot(page, '11-case-with-session');

    // The attached session opens Discover over the pinned window, with the finding of the case.
    await attachment.locator('a').click();
    await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    expect(await page.innerText('[data-test-subj="harnessDiscoverTimeRange"]')).toBe(
      `${iso(window.start)} → ${iso(window.end)}`
    );
    expect(await page.innerText('[data-test-subj="harnessDiscoverCount"]')).toBe('1 results');
    expect(await page.innerText('[data-test-subj="harnessDiscoverRows"]')).toContain('Legacy-Sync');
    await screenshot(page, '12-case-session-in-discover');

    // The comment's reopen link: the same window and rows, restored in this tab without a run.
    await page.goBack();
    await page.waitForSelector('[data-test-subj="harnessCaseComment"]');
    const before = await huntRequests(context);
    await comment.locator('a', { hasText: 'Reopen this hunt' }).click();
    await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`);
    const reopened = new URL(page.url()).searchParams;
    expect(reopened.get('start')).toBe(iso(window.start));
    expect(reopened.get('end')).toBe(iso(window.end));
    expect(await gridRows(page)).toEqual(shown);
    expect(await huntRequests(context)).toBe(before);
    expect(legacy).toBeDefined();
    await screenshot(page, '13-reopened-from-case');
  });

  it('adds further findings to an existing case', async () => {
    const context = current();
    const page = await openResults(context, '?max_daily=7&min_ips=3&run=1');
    await select(page, 'ConfigMgrSvc');
    await page.click(subj(DATA_TEST_SUBJ.addToExistingCase));
    await page.click('[data-test-subj="harnessCase-case-1"]');
    await page.waitForSelector(`${subj(DATA_TEST_SUBJ.addToExistingCase)}:disabled`);
    await page.click('[data-test-subj="toaster-content-case-view-link"]');
    await page.waitForSelector('[data-test-subj="harnessCaseComment"]');
    expect(page.url()).toContain('/app/security/cases/case-1');
    expect(await page.innerText('[data-test-subj="harnessCaseComment"]')).toContain('ConfigMgrSvc');
    expect(await page.locator('[data-test-subj="harnessCaseDiscoverSession"]').count()).toBe(1);
  });

  it('had no unexpected browser errors', () => {
    expect(current().consoleErrors).toEqual([]);
  });
});

describe('a case from findings, on Cases 9.3/9.4 (no Discover session attachments)', () => {
  const current = e2eSuite({ casesDiscoverSessions: false });

  it('links the saved session from the comment, and it opens Discover on the pinned window', async () => {
    const context = current();
    const page = await openResults(context, '?max_daily=7&min_ips=3&run=1');
    const window = await lastHuntWindow(context.server.url);
    await select(page, 'Legacy-Sync');
    await addToNewCase(page);
    expect(await page.locator('[data-test-subj="harnessCaseDiscoverSession"]').count()).toBe(0);
    const comment = page.locator('[data-test-subj="harnessCaseComment"]');
    await screenshot(page, '14-case-pre-9-5');
    await comment.locator('a', { hasText: 'Discover session' }).click();
    await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    expect(await page.innerText('[data-test-subj="harnessDiscoverTimeRange"]')).toBe(
      `${iso(window.start)} → ${iso(window.end)}`
    );
    expect(await page.innerText('[data-test-subj="harnessDiscoverRows"]')).toContain('Legacy-Sync');
  });

  it('had no unexpected browser errors', () => {
    expect(current().consoleErrors).toEqual([]);
  });
});
