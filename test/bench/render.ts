/**
 * Render benchmark (not a test): how the page behaves with large results in real Chromium. The
 * fake Elasticsearch answers the hunt with N synthetic rows; this measures, per N, the time from
 * Run to the first table page on screen, to re-sort (the daily count, descending), and to move to the next page,
 * plus the server-side shaping cost. Prints figures.
 *   npm run bench:render -- --rows 1000,10000
 */
import { chromium } from 'playwright-core';
import { shapeHuntResponse } from '../../common/hunt/shape_results';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import { startDevServer } from '../harness/dev_server';
import { syntheticHuntResult } from '../harness/fake_elasticsearch/server';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const subj = (id: string) => `[data-test-subj="${id}"]`;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const sizes = option('rows', '1000,10000').split(',').map(Number);
  const server = await startDevServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: FLAGS,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const figures = [];
  for (const rows of sizes) {
    const synthetic = syntheticHuntResult(rows);
    const shaping = median(
      Array.from({ length: 5 }, () => {
        const started = performance.now();
        shapeHuntResponse(synthetic, rows);
        return performance.now() - started;
      })
    );
    await page.goto(`${server.url}/app/entraSpHunt?limit=${rows}`);
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
    await fetch(`${server.url}/__harness/faults`, {
      method: 'POST',
      body: JSON.stringify({
        endpoint: '_query',
        queryContains: 'daily_action_count',
        syntheticRows: rows,
      }),
    });
    const started = performance.now();
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} tbody tr`);
    const toTable = performance.now() - started;
    // Measured inside the page, without driver overhead: from the click to the next animation
    // frame, by which React has rendered and committed the update (it flushes in a microtask).
    const timeClick = (selector: string, text: string) =>
      page.evaluate(
        ([target, label]) =>
          new Promise<number>((resolve, reject) => {
            const button = [...document.querySelectorAll<HTMLElement>(target)].find(
              (element) => element.textContent?.includes(label) ?? false
            );
            if (!button) return reject(new Error(`no button ${label}`));
            const clickedAt = window.performance.now();
            button.click();
            requestAnimationFrame(() => resolve(window.performance.now() - clickedAt));
          }),
        [selector, text] as const
      );
    const before = await page
      .locator(`${subj(DATA_TEST_SUBJ.resultsTable)} tbody tr`)
      .first()
      .innerText();
    const sort = await timeClick(`${subj(DATA_TEST_SUBJ.resultsTable)} thead button`, 'Per day');
    const sorted = await page
      .locator(`${subj(DATA_TEST_SUBJ.resultsTable)} tbody tr`)
      .first()
      .innerText();
    if (sorted === before) throw new Error('sorting did not change the first row');
    const nextPage = await timeClick('[data-test-subj="pagination-button-next"]', '');
    if (
      (await page
        .locator(`${subj(DATA_TEST_SUBJ.resultsTable)} tbody tr`)
        .first()
        .innerText()) === sorted
    )
      throw new Error('paging did not change the rows');
    figures.push({
      rows,
      shaping_ms: Number(shaping.toFixed(1)),
      run_to_table_ms: Math.round(toTable),
      sort_ms: Math.round(sort),
      next_page_ms: Math.round(nextPage),
    });
  }
  await browser.close();
  await server.close();
  console.table(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
