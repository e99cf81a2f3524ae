import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDevServer, type DevServer, type DevServerOptions } from '../harness/dev_server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the main states, for people to look at; not committed. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2eContext {
  server: DevServer;
  browser: Browser;
  page: Page;
  /** Browser console errors seen so far (a test fails on unexpected ones). */
  consoleErrors: string[];
}

export async function startE2e(options: DevServerOptions = {}): Promise<E2eContext> {
  const server = await startDevServer(options);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1200 } });
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { server, browser, page, consoleErrors };
}

export async function stopE2e(context: E2eContext | undefined): Promise<void> {
  await context?.browser.close();
  await context?.server.close();
}

/** Saves a screenshot: the whole page, or (`fullPage: false`) what the viewport shows. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export const subj = (id: string) => `[data-test-subj="${id}"]`;

/** Starts the harness and a browser for a test file, and stops them after it; returns a getter. */
export function e2eSuite(options: DevServerOptions = {}): () => E2eContext {
  let context: E2eContext | undefined;
  beforeAll(async () => {
    context = await startE2e(options);
  });
  afterAll(async () => stopE2e(context));
  return () => {
    if (!context) throw new Error('e2e context did not start');
    return context;
  };
}

/**
 * Waits until the reads that follow the rows have answered: the triage (which re-sorts the rows
 * by evidence) and the count of rows hidden by benign entries (whose line sits above the grid).
 * Until then a row's position, and the grid's place on the page, may still change.
 */
export async function waitForRowsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector(
        '[data-test-subj="entraSpHuntTriageStatus"][data-status="loading"], [data-test-subj="entraSpHuntHiddenRowsCounting"]'
      ) === null,
    undefined,
    { timeout: 60_000 }
  );
}

/**
 * The results grid's rows as shown (top to bottom), each as its cells' text joined by " | ".
 * EuiDataGrid renders cells (role gridcell) tagged with the row they are shown in.
 */
export async function gridRows(
  page: Page,
  testSubj = 'entraSpHuntResultsTable'
): Promise<string[]> {
  await page.waitForSelector(`${subj(testSubj)} [role="gridcell"]`);
  if (testSubj === 'entraSpHuntResultsTable') await waitForRowsSettled(page);
  return page.evaluate((gridSubj) => {
    const rows = new Map<number, string[]>();
    const cells = document.querySelectorAll<HTMLElement>(
      `[data-test-subj="${gridSubj}"] [role="gridcell"]`
    );
    for (const cell of cells) {
      const index = Number(cell.getAttribute('data-gridcell-visible-row-index'));
      const content = cell.querySelector('[data-datagrid-cellcontent]') ?? cell;
      rows.set(index, [...(rows.get(index) ?? []), (content.textContent ?? '').trim()]);
    }
    return [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, texts]) => texts.filter(Boolean).join(' | '));
  }, testSubj);
}

/** The shown position of the first grid row whose text contains `text`. */
export async function gridRowIndex(page: Page, text: string): Promise<number> {
  const rows = await gridRows(page);
  const index = rows.findIndex((row) => row.includes(text));
  if (index === -1) throw new Error(`no result row contains ${text}`);
  return index;
}

/** A selector for the cell of `columnId` in the grid row shown at `index`. */
export function gridCell(index: number, columnId: string): string {
  return `[data-test-subj="entraSpHuntResultsTable"] [role="gridcell"][data-gridcell-visible-row-index="${index}"][data-gridcell-column-id="${columnId}"]`;
}

/** How far one step of revealGridCell scrolls the grid sideways, in pixels. */
const GRID_SCROLL_STEP = 200;

/**
 * Brings a grid cell into the page. EuiDataGrid renders only the columns in (or next to) its
 * view, so a column to the right of a narrow window is not in the page until the grid is
 * scrolled sideways to it: from the left edge, one step at a time, until the cell is rendered.
 */
export async function revealGridCell(page: Page, index: number, columnId: string): Promise<void> {
  const selector = gridCell(index, columnId);
  const scroller = page.locator(
    '[data-test-subj="entraSpHuntResultsTable"] .euiDataGrid__virtualized'
  );
  await scroller.evaluate((element) => {
    element.scrollLeft = 0;
  });
  for (;;) {
    if ((await page.locator(selector).count()) > 0) break;
    const moved = await scroller.evaluate((element, step) => {
      const before = element.scrollLeft;
      element.scrollLeft = before + step;
      return element.scrollLeft !== before;
    }, GRID_SCROLL_STEP);
    if (!moved) throw new Error(`the grid has no cell ${columnId} in row ${index}`);
    // The grid renders the newly visible columns on its next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  }
  await page.locator(selector).scrollIntoViewIfNeeded();
}
