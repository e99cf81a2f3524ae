/**
 * Run history in Chromium against the harness, with its saved objects kept in a temporary folder:
 * a first run marks nothing and says there is no earlier run; a document planted in the fake
 * Elasticsearch between two runs makes a new row, which the second run marks "new since <the
 * first run>" in the grid and the flyout; after the harness restarts on the same folder the runs
 * are still listed, and an earlier run opens as its pinned view (its window in the URL).
 * Expected rows come from plain loops over the scenario documents and the planted ones.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import { buildScenario, type ScenarioDocument } from '../fixtures/scenario/build_scenario';
import { expectedHuntRows, type ExpectedRow } from '../helpers/scenario_expectations';
import {
  gridCell,
  revealGridCell,
  screenshot,
  startE2e,
  stopE2e,
  subj,
  type E2eContext,
  waitForRowsSettled,
} from './browser';

/** Two runs, a restart and a third run, each a hunt and a history round trip on a busy machine. */
jest.setTimeout(240_000);

const DAY_MS = 86_400_000;
const PLANTED_NAME = 'Planted-Backup-Agent';
const SIGNIN_INDEX = 'logs-azure.signinlogs-default';

let folder: string;
let context: E2eContext | undefined;
const scenarioNow = new Date();

async function start(): Promise<E2eContext> {
  context = await startE2e({
    now: scenarioNow,
    savedObjectsFile: join(folder, 'saved_objects.json'),
  });
  return context;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'entra-sp-hunt-history-'));
  await start();
});

afterAll(async () => {
  await stopE2e(context);
  rmSync(folder, { recursive: true, force: true });
});

/** Each grid row as { column id: text }, top to bottom. */
async function gridCells(page: Page): Promise<Array<Record<string, string>>> {
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`);
  await waitForRowsSettled(page);
  return page.evaluate((gridSubj) => {
    const rows = new Map<number, Record<string, string>>();
    for (const cell of document.querySelectorAll<HTMLElement>(
      `[data-test-subj="${gridSubj}"] [role="gridcell"]`
    )) {
      const index = Number(cell.getAttribute('data-gridcell-visible-row-index'));
      const column = cell.getAttribute('data-gridcell-column-id') ?? '';
      const content = cell.querySelector('[data-datagrid-cellcontent]') ?? cell;
      rows.set(index, { ...rows.get(index), [column]: (content.textContent ?? '').trim() });
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }, DATA_TEST_SUBJ.resultsTable);
}

async function waitForComparison(page: Page, status: string) {
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.recentRunsStatus)}[data-status="${status}"]`, {
    timeout: 60_000,
  });
}

/** Two sign-in events of a new principal yesterday from two addresses: one new rare row. */
function plantedDocuments(scenario: ScenarioDocument[]): ScenarioDocument[] {
  const template = scenario.find(
    (doc) =>
      doc._index === SIGNIN_INDEX && JSON.stringify(doc._source).includes('service_principal_name')
  );
  if (!template) throw new Error('the scenario has no sign-in event to derive from');
  const day = Math.floor(scenarioNow.getTime() / DAY_MS) * DAY_MS - DAY_MS;
  return ['203.0.113.77', '203.0.113.78'].map((ip, index) => {
    const source = structuredClone(template._source) as Record<string, unknown>;
    source['@timestamp'] = new Date(day + (10 + index) * 3_600_000).toISOString();
    source.source = { ...(source.source as Record<string, unknown>), ip };
    const azure = source.azure as { signinlogs: { properties: Record<string, unknown> } };
    azure.signinlogs.properties.service_principal_name = PLANTED_NAME;
    azure.signinlogs.properties.service_principal_id = '7d0c2b8e-5a51-4c0e-9a7e-0000000000aa';
    return { _index: SIGNIN_INDEX, _source: source };
  });
}

const keyOf = (row: ExpectedRow) => JSON.stringify([row.principal, row.action, row.day]);

describe('run history, in Chromium', () => {
  it('marks the planted row new on the second run, in the grid and the flyout', async () => {
    const { page, server } = await Promise.resolve(context as E2eContext);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/app/entraSpHunt`);
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await waitForComparison(page, 'first');
    expect(await page.innerText(subj(DATA_TEST_SUBJ.recentRunsStatus))).toContain(
      'No earlier run to compare'
    );
    const firstRows = await gridCells(page);
    expect(firstRows.length).toBeGreaterThan(0);
    for (const row of firstRows) expect(row.sinceLastRun).toBe('no earlier run to compare');
    const url = new URL(page.url());
    const window = {
      start: Date.parse(url.searchParams.get('start') ?? ''),
      end: Date.parse(url.searchParams.get('end') ?? ''),
    };

    // Plant the new principal's events, as an ingest pipeline would index them.
    const scenario = buildScenario(scenarioNow);
    const planted = plantedDocuments(scenario);
    for (const doc of planted) {
      const answer = await fetch(`${server.fakeElasticsearch?.url}/${doc._index}/_doc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc._source),
      });
      expect(answer.status).toBe(201);
    }

    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await waitForComparison(page, 'compared');
    const secondUrl = new URL(page.url());
    const secondWindow = {
      start: Date.parse(secondUrl.searchParams.get('start') ?? ''),
      end: Date.parse(secondUrl.searchParams.get('end') ?? ''),
    };
    // Expected by plain loops: the second run's rows whose key the first run's rows lack.
    const before = new Set(expectedHuntRows(scenario, window).map(keyOf));
    const after = expectedHuntRows([...scenario, ...planted], secondWindow);
    const expectedNew: string[] = [];
    for (const row of after) if (!before.has(keyOf(row))) expectedNew.push(row.principal ?? '');
    expect(expectedNew).toEqual([PLANTED_NAME]);

    const secondRows = await gridCells(page);
    expect(secondRows).toHaveLength(after.length);
    const markedNew = secondRows
      .filter((row) => row.sinceLastRun.startsWith('new since'))
      .map((row) => row.principal);
    expect(markedNew).toEqual(expectedNew);
    expect(await page.innerText(subj(DATA_TEST_SUBJ.recentRunsStatus))).toContain(
      '1 row is new since the previous complete run of this view'
    );

    // The new row in view, for a person to look at.
    const index = secondRows.findIndex((row) => row.principal === PLANTED_NAME);
    await revealGridCell(page, index, 'sinceLastRun');
    await screenshot(page, '30-history-new-row', false);

    // Its flyout says so too. The inspect button is found in that row's own actions cell: the
    // grid renders only the rows and columns in view, so the n-th button on the page need not
    // belong to the n-th row.
    await revealGridCell(page, index, 'rowActions');
    await page
      .locator(`${gridCell(index, 'rowActions')} ${subj(DATA_TEST_SUBJ.inspectRow)}`)
      .click();
    await page.waitForSelector(subj(DATA_TEST_SUBJ.rowFlyout));
    expect(await page.innerText('#entraSpHuntRowFlyoutTitle')).toBe(PLANTED_NAME);
    const badge = page.locator(subj(DATA_TEST_SUBJ.flyoutSinceLastRun));
    await badge.waitFor();
    expect(await badge.innerText()).toMatch(/^new since /);
    await screenshot(page, '31-history-new-row-flyout', false);
    await page.keyboard.press('Escape');
    await page.waitForSelector(subj(DATA_TEST_SUBJ.rowFlyout), { state: 'detached' });

    await page.locator(subj(DATA_TEST_SUBJ.recentRuns)).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${subj(DATA_TEST_SUBJ.recentRunsChart)} canvas`);
    expect(await page.locator(subj(DATA_TEST_SUBJ.recentRunsRow)).count()).toBe(2);
    await screenshot(page, '32-history-panel', false);
  });

  it('after a restart on the same folder the runs are listed, and an earlier run opens pinned', async () => {
    const previous = context as E2eContext;
    const firstIds = await previous.page
      .locator(subj(DATA_TEST_SUBJ.recentRunsRow))
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    await stopE2e(previous);
    context = undefined;
    const { page, server } = await start();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/app/entraSpHunt`);
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await page.waitForSelector(subj(DATA_TEST_SUBJ.recentRunsRow));
    await page.waitForFunction(
      (rowSubj) => document.querySelectorAll(`[data-test-subj="${rowSubj}"]`).length >= 3,
      DATA_TEST_SUBJ.recentRunsRow
    );
    const listed = await page
      .locator(subj(DATA_TEST_SUBJ.recentRunsRow))
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    // The two runs from before the restart, after this one.
    expect(listed.slice(1)).toEqual(firstIds);

    // The oldest run's pinned view: its window in the URL, run over exactly those instants.
    const oldest = page.locator(subj(DATA_TEST_SUBJ.recentRunsRow)).last();
    const href = await oldest.locator(subj(DATA_TEST_SUBJ.recentRunsOpen)).getAttribute('href');
    expect(href).toContain('run=1');
    await oldest.locator(subj(DATA_TEST_SUBJ.recentRunsOpen)).click();
    await page.waitForFunction(
      (expected) => window.location.search.includes(expected),
      new URL(href ?? '', server.url).search.slice(1)
    );
    const opened = new URL(page.url());
    const pinned = new URL(href ?? '', server.url);
    expect(opened.searchParams.get('start')).toBe(pinned.searchParams.get('start'));
    expect(opened.searchParams.get('end')).toBe(pinned.searchParams.get('end'));
    // Compared with that same run over the same window: the planted events are gone with the
    // restart (the fake starts from the scenario), so nothing is new.
    await waitForComparison(page, 'compared');
    const rows = await gridCells(page);
    const pinnedWindow = {
      start: Date.parse(pinned.searchParams.get('start') ?? ''),
      end: Date.parse(pinned.searchParams.get('end') ?? ''),
    };
    expect(rows).toHaveLength(expectedHuntRows(buildScenario(scenarioNow), pinnedWindow).length);
    expect(rows.filter((row) => row.sinceLastRun.startsWith('new since'))).toEqual([]);
  });
});
