/**
 * Render benchmark (not a test): how the results page responds with large results in real
 * Chromium. The fake Elasticsearch answers the hunt with N synthetic rows; for each N this prints
 * the server-side shaping cost and, over several tries each, the time from a click (or key) to the
 * next paint, measured by the browser itself with the Event Timing API (PerformanceObserver
 * 'event' entries, durationThreshold 16 ms; one interaction is the longest entry of its
 * interactionId), for: re-sorting a column, the next page, one keystroke in the filter; and, for
 * each, from the event's time to the frame that shows the changed rows (a filter: the changed row
 * count), which is later when the rows follow the control's own feedback. Run to table is timed
 * in the page from the Run click's event time to the first frame with rows.
 *   npm run bench:render -- --rows 1000,10000 --tries 5
 */
import { chromium, type Page } from 'playwright-core';
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
/** Event Timing reports only interactions at least this long (its minimum is 16 ms). */
const DURATION_THRESHOLD_MS = 16;
/** How long to wait for the browser to report an interaction before calling it under 16 ms. */
const ENTRY_WAIT_MS = 1_500;
/** Lets the menu's own paint and its Event Timing entry pass before the timed click. */
const MENU_SETTLE_MS = 300;
/** Typed one key at a time into the filter: five keystrokes, each filtering every row. */
const FILTER_TEXT = '51.12';
const subj = (id: string) => `[data-test-subj="${id}"]`;
const GRID = subj(DATA_TEST_SUBJ.resultsTable);
const FIRST_ROW = `${GRID} [role="gridcell"][data-gridcell-visible-row-index="0"]`;

/** An Event Timing entry (elements of PerformanceObserver 'event' lists). */
interface EventTimingEntry extends PerformanceEntry {
  interactionId: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

interface Stats {
  min: number;
  median: number;
  max: number;
  /** Tries faster than the threshold (no Event Timing entry): counted at the threshold. */
  under: number;
}

function stats(values: number[], under = 0): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: Math.round(sorted[0]),
    median: Math.round(sorted[Math.floor(sorted.length / 2)]),
    max: Math.round(sorted[sorted.length - 1]),
    under,
  };
}

const format = ({ min, median, max, under }: Stats) =>
  `${median} (${min}–${max})${under ? ` [${under}× <${DURATION_THRESHOLD_MS}]` : ''}`;

/** Collects Event Timing entries in the page from its first script on. */
async function observeEvents(page: Page) {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript((threshold) => {
    const store = window as unknown as { __eventEntries: EventTimingEntry[] };
    store.__eventEntries = [];
    new PerformanceObserver((list) => {
      store.__eventEntries.push(...(list.getEntries() as EventTimingEntry[]));
    }).observe({
      type: 'event',
      durationThreshold: threshold,
      buffered: true,
    } as PerformanceObserverInit);
  }, DURATION_THRESHOLD_MS);
}

async function clearEntries(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __eventEntries: unknown[] }).__eventEntries = [];
  });
}

/**
 * The duration of the interaction an action causes: the longest Event Timing entry of the first
 * interaction reported after it, or undefined when the browser reports none (under 16 ms).
 */
async function interaction(page: Page, act: () => Promise<void>): Promise<number | undefined> {
  await clearEntries(page);
  await act();
  return page.evaluate(
    (wait) =>
      new Promise<number | undefined>((resolve) => {
        const started = performance.now();
        const check = () => {
          const entries = (window as unknown as { __eventEntries: EventTimingEntry[] })
            .__eventEntries;
          const first = entries.find((entry) => entry.interactionId > 0);
          if (first) {
            const same = entries.filter((entry) => entry.interactionId === first.interactionId);
            resolve(Math.max(...same.map((entry) => entry.duration)));
          } else if (performance.now() - started > wait) resolve(undefined);
          else setTimeout(check, 50);
        };
        check();
      }),
    ENTRY_WAIT_MS
  );
}

/**
 * Arms the page to note the event time of the next `eventType` and the frame in which the text of
 * `watched` (all matches, joined) first differs from what it is now.
 */
async function armRowsChange(page: Page, eventType: 'click' | 'keydown', watched: string) {
  await page.evaluate(
    ([type, selector]) => {
      const store = window as unknown as { __eventAt?: number; __rowsAt?: number };
      const text = () =>
        [...document.querySelectorAll(selector)].map((element) => element.textContent).join('|');
      const before = text();
      store.__eventAt = undefined;
      store.__rowsAt = undefined;
      document.addEventListener(
        type,
        (event) => {
          store.__eventAt = event.timeStamp;
        },
        { capture: true, once: true }
      );
      const observer = new MutationObserver(() => {
        if (text() === before) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          store.__rowsAt = performance.now();
        });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [eventType, watched] as const
  );
}

/** The time from the armed event to the frame with the changed rows; undefined if none came. */
async function rowsChangeTime(page: Page): Promise<number | undefined> {
  return page
    .waitForFunction(
      () => {
        const store = window as unknown as { __eventAt?: number; __rowsAt?: number };
        return store.__eventAt !== undefined && store.__rowsAt !== undefined
          ? store.__rowsAt - store.__eventAt
          : undefined;
      },
      undefined,
      { timeout: ENTRY_WAIT_MS }
    )
    .then((handle) => handle.jsonValue())
    .catch(() => undefined);
}

interface Measured {
  /** Event Timing: the event to the next paint. */
  interaction: Stats;
  /** The event to the frame that shows the changed rows (or row count). */
  toRows: Stats | undefined;
}

async function measure(
  page: Page,
  tries: number,
  act: (attempt: number) => Promise<void>,
  verify: (attempt: number) => Promise<void>,
  changes: { eventType: 'click' | 'keydown'; watched: string },
  prepare?: () => Promise<void>
): Promise<Measured> {
  const values: number[] = [];
  const toRows: number[] = [];
  let under = 0;
  for (let attempt = 0; attempt < tries; attempt += 1) {
    // What leads up to the interaction (opening a menu) is an interaction of its own: not timed.
    await prepare?.();
    await armRowsChange(page, changes.eventType, changes.watched);
    const duration = await interaction(page, () => act(attempt));
    await verify(attempt);
    const rowsAfter = await rowsChangeTime(page);
    if (rowsAfter !== undefined) toRows.push(rowsAfter);
    if (duration === undefined) under += 1;
    values.push(duration ?? DURATION_THRESHOLD_MS);
  }
  return { interaction: stats(values, under), toRows: toRows.length ? stats(toRows) : undefined };
}

const firstRowText = (page: Page) =>
  page.evaluate((selector) => {
    return [...document.querySelectorAll(selector)].map((cell) => cell.textContent).join('|');
  }, FIRST_ROW);

/** Click Run, and time in the page from the click's event time to the first frame with rows. */
async function runToTable(page: Page): Promise<number> {
  await page.evaluate((runButton) => {
    const store = window as unknown as { __runClickedAt?: number };
    store.__runClickedAt = undefined;
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest(runButton)) store.__runClickedAt = event.timeStamp;
      },
      { capture: true, once: true }
    );
  }, subj(DATA_TEST_SUBJ.runButton));
  // The previous run's rows go first, so the rows found below are this run's.
  await page.click(subj(DATA_TEST_SUBJ.runButton));
  return page.evaluate(
    (rows) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const clickedAt = (window as unknown as { __runClickedAt?: number }).__runClickedAt;
          const loading = document.querySelector('[data-test-subj="entraSpHuntLoading"]');
          if (clickedAt !== undefined && !loading && document.querySelector(rows))
            requestAnimationFrame(() => resolve(performance.now() - clickedAt));
          else requestAnimationFrame(check);
        };
        check();
      }),
    FIRST_ROW
  );
}

async function main() {
  const sizes = option('rows', '1000,10000').split(',').map(Number);
  const tries = Number(option('tries', '5'));
  const server = await startDevServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: FLAGS,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await observeEvents(page);
  const figures: Array<Record<string, string | number>> = [];
  for (const rows of sizes) {
    const synthetic = syntheticHuntResult(rows);
    const shaping = stats(
      Array.from({ length: tries }, () => {
        const started = performance.now();
        shapeHuntResponse(synthetic, rows);
        return performance.now() - started;
      })
    );
    await fetch(`${server.url}/__harness/faults`, { method: 'DELETE' });
    await fetch(`${server.url}/__harness/faults`, {
      method: 'POST',
      body: JSON.stringify({
        endpoint: '_query',
        queryContains: 'daily_action_count',
        syntheticRows: rows,
        times: tries,
      }),
    });
    await page.goto(`${server.url}/app/entraSpHunt?limit=${rows}`);
    await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
    const runs: number[] = [];
    for (let attempt = 0; attempt < tries; attempt += 1) runs.push(await runToTable(page));
    // The triage answers after the rows are on screen and re-orders them by evidence: the timed
    // interactions start once it has, so its arrival never lands inside one (nor re-renders the
    // header while its menu is being opened).
    await page.waitForFunction(
      ([status, failed]) =>
        !!document.querySelector(failed) ||
        document.querySelector(status)?.textContent?.startsWith('Sorted by evidence'),
      [subj(DATA_TEST_SUBJ.triageStatus), subj(DATA_TEST_SUBJ.triageError)] as const
    );
    const shown = await page.innerText(subj(DATA_TEST_SUBJ.resultsShown));
    if (!shown.includes(`of ${rows.toLocaleString('en-US')} rows`))
      throw new Error(`expected ${rows} rows, the page says ${shown}`);

    // Re-sort: the column's header menu opens (not timed), then the sort itself is timed.
    let before = await firstRowText(page);
    const sort = await measure(
      page,
      tries,
      async (attempt) => {
        const label = attempt % 2 === 0 ? 'Sort High-Low' : 'Sort Low-High';
        await page.click(`${subj('dataGridHeaderCellActionGroup-dailyCount')} >> text="${label}"`);
      },
      async () => {
        await page.waitForFunction(
          ([selector, previous]) =>
            [...document.querySelectorAll(selector)].map((cell) => cell.textContent).join('|') !==
            previous,
          [FIRST_ROW, before] as const
        );
        before = await firstRowText(page);
      },
      { eventType: 'click', watched: FIRST_ROW },
      async () => {
        // The column's menu opens from the keyboard, as EuiDataGrid offers it: focus the header
        // cell, press Enter. Pointing at the header instead raced its menu button's reveal
        // animation (and, after a run, the header sat at the page's bottom edge), so the click
        // timed out now and then with "element is outside of the viewport".
        await page.focus(subj('dataGridHeaderCell-dailyCount'));
        await page.keyboard.press('Enter');
        await page.waitForSelector(subj('dataGridHeaderCellActionGroup-dailyCount'));
        await page.waitForTimeout(MENU_SETTLE_MS);
      }
    );

    const nextPage = await measure(
      page,
      tries,
      () => page.click('[data-test-subj="pagination-button-next"]'),
      async () => {
        await page.waitForFunction(
          ([selector, previous]) =>
            [...document.querySelectorAll(selector)].map((cell) => cell.textContent).join('|') !==
            previous,
          [FIRST_ROW, before] as const
        );
        before = await firstRowText(page);
      },
      { eventType: 'click', watched: FIRST_ROW }
    );

    await page.click(subj(DATA_TEST_SUBJ.resultsFilter));
    const keys = FILTER_TEXT.length;
    // The field echoes a key in the frame Event Timing measures; the rows are filtered once that
    // has painted, so the time to the frame in which the row count changed is given too.
    const keystroke = await measure(
      page,
      keys,
      (attempt) => page.keyboard.type(FILTER_TEXT[attempt]),
      async (attempt) => {
        await page.waitForFunction(
          ([selector, typed]) =>
            (document.querySelector(selector) as HTMLInputElement)?.value === typed,
          [subj(DATA_TEST_SUBJ.resultsFilter), FILTER_TEXT.slice(0, attempt + 1)] as const
        );
      },
      { eventType: 'keydown', watched: subj(DATA_TEST_SUBJ.resultsShown) }
    );
    // Every row's IPs are 198.51.<n % 250>.x: the filter keeps those with 51.12 in them.
    const expected = syntheticHuntResult(rows).values.filter((values) =>
      (values[1] as string[]).some((ip) => ip.includes(FILTER_TEXT))
    ).length;
    await page
      .waitForFunction(
        ([counter, count]) =>
          document.querySelector(counter)?.textContent?.startsWith(`${count} of`),
        [subj(DATA_TEST_SUBJ.resultsShown), expected.toLocaleString('en-US')] as const,
        { timeout: 10_000 }
      )
      .catch(() => undefined);
    const filtered = await page.innerText(subj(DATA_TEST_SUBJ.resultsShown));
    if (!filtered.startsWith(`${expected.toLocaleString('en-US')} of`))
      throw new Error(`the filter should keep ${expected} rows; the page says ${filtered}`);
    await page.fill(subj(DATA_TEST_SUBJ.resultsFilter), '');

    figures.push({
      rows,
      'shaping ms': format(shaping),
      'run to table ms': format(stats(runs)),
      'sort ms': format(sort.interaction),
      'sort to rows ms': sort.toRows ? format(sort.toRows) : '—',
      'next page ms': format(nextPage.interaction),
      'next page to rows ms': nextPage.toRows ? format(nextPage.toRows) : '—',
      'filter keystroke ms': format(keystroke.interaction),
      'keystroke to rows ms': keystroke.toRows ? format(keystroke.toRows) : '—',
    });
  }
  await browser.close();
  await server.close();
  console.log(
    `Median (min–max) over ${tries} tries; interactions are Event Timing durations (click or key to next paint); "to rows" is the click or key to the frame that shows the changed rows (a filter: the changed row count).`
  );
  console.table(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
