/**
 * Allowlist entries and review marks in Chromium, on a data folder of its own: a run shows its
 * triage (where from, evidence order); marking a row benign hides it ("1 row hidden by 1 entry",
 * listed in the panel); marking one reviewed badges it; the marks survive a restart of the
 * harness; a read-only user is offered no control, and a write refused by the server (the role
 * changed while the page was open) is said in words. Expected rows come from plain loops over the
 * scenario (expected_rows.ts).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { inlineEsqlParams, type EsqlNamedParams } from '../../common/hunt/esql_text';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import {
  gridCell,
  gridRowIndex,
  gridRows,
  revealGridCell,
  screenshot,
  startE2e,
  stopE2e,
  subj,
  type E2eContext,
} from './browser';
import { expectedRowCount, expectedRows } from './expected_rows';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'entra-sp-hunt-marks-'));
const SAVED_OBJECTS = join(DATA_DIR, 'saved_objects.json');
/** One scenario instant for every harness of this file, so each restart serves the same data. */
const SCENARIO_NOW = new Date();
const BENIGN_PRINCIPAL = 'Legacy-Sync';
const REVIEWED_PRINCIPAL = 'Midnight-Runner';
const BENIGN_NOTE = 'Nightly directory sync of the identity team';
const REVIEWED_NOTE = 'Checked with the app owner on call';
const FORBIDDEN =
  'You can read allowlist entries but not change them: ask for the All privilege of Entra SP Hunt.';

let context: E2eContext | undefined;

async function restart(privilege: 'all' | 'read' = 'all'): Promise<E2eContext> {
  await stopE2e(context);
  context = await startE2e({ now: SCENARIO_NOW, savedObjectsFile: SAVED_OBJECTS, privilege });
  await context.page.setViewportSize({ width: 1440, height: 900 });
  return context;
}

afterAll(async () => {
  await stopE2e(context);
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/** Opens the app, runs the hunt and waits for its rows and its triage. */
async function runHunt(query = '?run=1'): Promise<Page> {
  if (!context) throw new Error('no harness');
  const { page, server } = context;
  await page.goto(`${server.url}/app/entraSpHunt${query}`);
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`);
  await page.waitForSelector(subj(DATA_TEST_SUBJ.triageStatus));
  await page.waitForFunction(
    (status) =>
      !document.querySelector(`[data-test-subj="${status}"]`)?.textContent?.includes('Reading'),
    DATA_TEST_SUBJ.triageStatus
  );
  return page;
}

async function shownCount(page: Page): Promise<number> {
  const text = await page.locator(subj(DATA_TEST_SUBJ.resultsShown)).innerText();
  return Number(/of ([\d,]+) rows/.exec(text)?.[1]?.replace(/,/g, ''));
}

async function inspect(page: Page, principal: string): Promise<void> {
  const index = await gridRowIndex(page, principal);
  await revealGridCell(page, index, 'rowActions');
  await page.locator(`${gridCell(index, 'rowActions')} ${subj(DATA_TEST_SUBJ.inspectRow)}`).click();
  await page.waitForSelector(subj(DATA_TEST_SUBJ.rowMarks));
}

async function mark(page: Page, principal: string, kind: 'benign' | 'reviewed', note: string) {
  await inspect(page, principal);
  await page.click(
    subj(kind === 'benign' ? DATA_TEST_SUBJ.markBenign : DATA_TEST_SUBJ.markReviewed)
  );
  await page.fill(subj(DATA_TEST_SUBJ.markNote), note);
  await page.click(subj(DATA_TEST_SUBJ.markSubmit));
}

/** The last hunt query the fake Elasticsearch received. */
async function lastHuntRequest(url: string): Promise<{ query: string; params: EsqlNamedParams }> {
  const requests = (await (
    await fetch(`${url}/__harness/es-requests`)
  ).json()) as RecordedEsRequest[];
  const hunts = requests.filter(
    (request) =>
      request.path === '/_query/async' &&
      JSON.stringify(request.body).includes('daily_action_count')
  );
  const last = hunts[hunts.length - 1];
  if (!last) throw new Error('no hunt query reached Elasticsearch');
  return last.body as { query: string; params: EsqlNamedParams };
}

async function hiddenText(page: Page): Promise<string> {
  const locator = page.locator(subj(DATA_TEST_SUBJ.hiddenRows));
  await locator.waitFor();
  return locator.innerText();
}

describe('allowlist entries and review marks in Chromium', () => {
  it('a run shows where each row is from and orders the rows by evidence', async () => {
    await restart();
    const page = await runHunt();
    if (!context) throw new Error('no harness');
    expect(await shownCount(page)).toBe(await expectedRowCount(context.server.url, SCENARIO_NOW));
    const rows = await gridRows(page);
    // The evidence order's first key: rows with addresses new for their principal come first.
    const isNew = (row: string) => /new IP|not seen in baseline/.test(row);
    expect(isNew(rows[0])).toBe(true);
    const lastNew = rows.map(isNew).lastIndexOf(true);
    const firstOld = rows.findIndex((row) => !isNew(row));
    expect(firstOld).toBeGreaterThan(0);
    expect(lastNew).toBeLessThan(firstOld);
    const status = await page.locator(subj(DATA_TEST_SUBJ.triageStatus)).innerText();
    expect(status).toContain('Sorted by evidence');
  });

  it('marking a row benign hides it, says "1 row hidden by 1 entry" and lists the entry', async () => {
    if (!context) throw new Error('no harness');
    const page = context.page;
    const before = await shownCount(page);
    await mark(page, BENIGN_PRINCIPAL, 'benign', BENIGN_NOTE);
    expect(await hiddenText(page)).toContain('1 row hidden by 1 entry');
    await page.waitForFunction(
      ([subjId, principal]) =>
        !document.querySelector(`[data-test-subj="${subjId}"]`)?.textContent?.includes(principal),
      [DATA_TEST_SUBJ.resultsTable, BENIGN_PRINCIPAL]
    );
    const expected = await expectedRowCount(context.server.url, SCENARIO_NOW, {
      benign: [{ principal: BENIGN_PRINCIPAL }],
    });
    expect(expected).toBe(before - 1);
    expect(await shownCount(page)).toBe(expected);
    // The entry reached Elasticsearch as a param, and the preview shows the query that ran.
    const sent = await lastHuntRequest(context.server.url);
    expect(sent.query).toContain('?allowlist_principal_0');
    expect(sent.query).not.toContain(BENIGN_PRINCIPAL);
    expect(sent.params).toContainEqual({ allowlist_principal_0: BENIGN_PRINCIPAL });
    await page.click(`${subj(DATA_TEST_SUBJ.queryPreview)} button`);
    const preview =
      (await page.locator(`${subj(DATA_TEST_SUBJ.queryPreview)} pre code`).textContent()) ?? '';
    expect(preview.trim()).toBe(
      inlineEsqlParams(sent.query, sent.params, { _tstart: 'now() - 30 day' })
    );

    await page.click(subj(DATA_TEST_SUBJ.openEntries));
    const panel = page.locator(subj(DATA_TEST_SUBJ.entriesPanel));
    await panel.locator(subj(DATA_TEST_SUBJ.entryRow)).first().waitFor();
    const listed = await panel.locator(subj(DATA_TEST_SUBJ.entryRow)).allInnerTexts();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(BENIGN_PRINCIPAL);
    expect(listed[0]).toContain(BENIGN_NOTE);
    expect(listed[0]).toContain('demo-analyst');
    await screenshot(page, 'allowlist-entries-panel', false);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('marking a row reviewed keeps it, with a badge carrying the note', async () => {
    if (!context) throw new Error('no harness');
    const page = context.page;
    const before = await shownCount(page);
    await mark(page, REVIEWED_PRINCIPAL, 'reviewed', REVIEWED_NOTE);
    await page.locator(subj(DATA_TEST_SUBJ.markForm)).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      (note) => document.body.textContent?.includes(`Reviewed: ${note}`),
      REVIEWED_NOTE
    );
    const index = await gridRowIndex(page, REVIEWED_PRINCIPAL);
    expect(await page.locator(gridCell(index, 'marks')).innerText()).toContain(
      `Reviewed: ${REVIEWED_NOTE}`
    );
    expect(await shownCount(page)).toBe(before);
    await screenshot(page, 'allowlist-marked-table', false);
  });

  it('"Show hidden rows" runs with them, marked, and the view is a link', async () => {
    if (!context) throw new Error('no harness');
    const page = context.page;
    await page.click(subj(DATA_TEST_SUBJ.showHidden));
    await page.waitForFunction(
      (subjId) =>
        document.querySelector(`[data-test-subj="${subjId}"]`)?.textContent?.includes('Showing'),
      DATA_TEST_SUBJ.hiddenRows
    );
    expect(page.url()).toContain('hidden=1');
    expect(await shownCount(page)).toBe(await expectedRowCount(context.server.url, SCENARIO_NOW));
    const index = await gridRowIndex(page, BENIGN_PRINCIPAL);
    expect(await page.locator(gridCell(index, 'marks')).innerText()).toContain(
      `Hidden by an entry: ${BENIGN_NOTE}`
    );
  });

  it('keeps the marks across a restart of the harness on the same data folder', async () => {
    await restart();
    const page = await runHunt();
    expect(await hiddenText(page)).toContain('1 row hidden by 1 entry');
    const index = await gridRowIndex(page, REVIEWED_PRINCIPAL);
    expect(await page.locator(gridCell(index, 'marks')).innerText()).toContain(
      `Reviewed: ${REVIEWED_NOTE}`
    );
    expect((await gridRows(page)).some((row) => row.includes(BENIGN_PRINCIPAL))).toBe(false);
  });

  it('says a refused write in words when the role lost the write privilege meanwhile', async () => {
    if (!context) throw new Error('no harness');
    const page = context.page;
    await fetch(`${context.server.url}/__harness/privilege`, {
      method: 'POST',
      body: JSON.stringify({ privilege: 'read' }),
    });
    await mark(page, 'Key-Rotation-Bot', 'reviewed', 'Should not be stored');
    const error = page.locator(subj(DATA_TEST_SUBJ.markError));
    await error.waitFor();
    expect(await error.innerText()).toContain(FORBIDDEN);
  });

  it('offers a read-only user no control to change the entries', async () => {
    await restart('read');
    const page = await runHunt();
    expect(await hiddenText(page)).toContain('1 row hidden by 1 entry');
    await inspect(page, REVIEWED_PRINCIPAL);
    const marks = page.locator(subj(DATA_TEST_SUBJ.rowMarks));
    expect(await marks.innerText()).toContain(REVIEWED_NOTE);
    expect(await page.locator(subj(DATA_TEST_SUBJ.markBenign)).count()).toBe(0);
    expect(await page.locator(subj(DATA_TEST_SUBJ.markReviewed)).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.click(subj(DATA_TEST_SUBJ.openEntries));
    const panel = page.locator(subj(DATA_TEST_SUBJ.entriesPanel));
    await panel.locator(subj(DATA_TEST_SUBJ.entriesReadOnly)).waitFor();
    expect(await panel.locator(subj(DATA_TEST_SUBJ.entryRow)).count()).toBe(2);
    expect(await panel.locator(subj(DATA_TEST_SUBJ.entryEdit)).count()).toBe(0);
    expect(await panel.locator(subj(DATA_TEST_SUBJ.entryRemove)).count()).toBe(0);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Nor the grid's "mark benign" on a value.
    const index = await gridRowIndex(page, REVIEWED_PRINCIPAL);
    await revealGridCell(page, index, 'principal');
    await page.hover(gridCell(index, 'principal'));
    await page
      .locator(`${gridCell(index, 'principal')} ${subj(DATA_TEST_SUBJ.valueFilterIn)}`)
      .waitFor();
    expect(await page.locator(subj(DATA_TEST_SUBJ.valueMarkBenign)).count()).toBe(0);
    expect(context?.consoleErrors.filter((text) => !text.includes('403'))).toEqual([]);
  });

  it('marks one IP of a row benign from the grid, and the rows its events made go', async () => {
    const { server } = await restart();
    const page = await runHunt();
    const before = await shownCount(page);
    const benign = [{ principal: BENIGN_PRINCIPAL }];
    const rows = await expectedRows(server.url, SCENARIO_NOW, { benign });
    expect(rows).toHaveLength(before);
    // An address whose events, left out, change the rows: found by the loops, not by the page.
    let chosen: { principal: string; action: string; ip: string; after: number } | undefined;
    for (const row of rows) {
      for (const ip of row.ips) {
        const after = await expectedRowCount(server.url, SCENARIO_NOW, {
          benign: [...benign, { cidr: `${ip}/${ip.includes(':') ? 128 : 32}` }],
        });
        if (after !== before && row.principal && row.action) {
          chosen = { principal: row.principal, action: row.action, ip, after };
          break;
        }
      }
      if (chosen) break;
    }
    if (!chosen) throw new Error('no address of the scenario changes the rows when marked benign');
    const { principal, action, ip, after } = chosen;

    const shown = await gridRows(page);
    const index = shown.findIndex((text) => text.includes(principal) && text.includes(action));
    expect(index).toBeGreaterThanOrEqual(0);
    await revealGridCell(page, index, 'ips');
    await page.focus(gridCell(index, 'ips'));
    await page.keyboard.press('Enter');
    const value = page.locator(`${subj(DATA_TEST_SUBJ.valueList)} li`, { hasText: ip });
    await value.locator(subj(DATA_TEST_SUBJ.valueMarkBenign)).waitFor();
    // EUI draws an icon once its module has loaded: the picture waits for every icon of the list.
    await page.waitForFunction(
      (listSubj) =>
        [...document.querySelectorAll(`[data-test-subj="${listSubj}"] svg`)].every(
          (icon) => icon.getAttribute('data-is-loading') !== 'true'
        ),
      DATA_TEST_SUBJ.valueList
    );
    await screenshot(page, 'allowlist-ip-actions', false);
    await value.locator(subj(DATA_TEST_SUBJ.valueMarkBenign)).click();
    // The form opens on that address.
    expect(await page.inputValue(subj(DATA_TEST_SUBJ.markCidr))).toBe(ip);
    await page.fill(subj(DATA_TEST_SUBJ.markNote), 'Office egress, confirmed by the network team');
    await page.click(subj(DATA_TEST_SUBJ.markSubmit));
    await page.waitForSelector(subj(DATA_TEST_SUBJ.markForm), { state: 'detached' });
    await page.waitForFunction(
      ([shownSubj, count]) =>
        document
          .querySelector(`[data-test-subj="${shownSubj}"]`)
          ?.textContent?.includes(`of ${count} rows`),
      [DATA_TEST_SUBJ.resultsShown, after.toLocaleString('en-US')] as const,
      { timeout: 60_000 }
    );
    expect(await shownCount(page)).toBe(after);
    const sent = await lastHuntRequest(server.url);
    expect(sent.query).not.toContain(ip);
    // Stored as the one-address block Elasticsearch matches; reaching it only as a param.
    const bits = ip.includes(':') ? 128 : 32;
    expect(sent.params).toContainEqual({ allowlist_cidr_0: `${ip}/${bits}` });
  });
});
