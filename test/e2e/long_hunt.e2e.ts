import type { Page } from 'playwright-core';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import { gridRows, screenshot, startE2e, stopE2e, subj, type E2eContext } from './browser';
import { expectedRowCount } from './expected_rows';

/** Proxies commonly cut a request after 30 to 60 s; a long hunt must outlast that. */
const PROXY_LIMIT_MS = 30_000;
const LONG_HUNT_MS = 33_000;

let context: E2eContext | undefined;
const durations: Array<{ url: string; ms: number }> = [];

beforeAll(async () => {
  context = await startE2e();
  context.page.on('requestfinished', (request) => {
    const timing = request.timing();
    if (request.url().includes('/internal/'))
      durations.push({ url: request.url(), ms: timing.responseEnd });
  });
});
afterAll(async () => stopE2e(context));

function current(): E2eContext {
  if (!context) throw new Error('e2e context did not start');
  return context;
}

async function fault(body: object) {
  await fetch(`${current().server.url}/__harness/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

async function esRequests(): Promise<RecordedEsRequest[]> {
  return (await (
    await fetch(`${current().server.url}/__harness/es-requests`)
  ).json()) as RecordedEsRequest[];
}

async function open(): Promise<Page> {
  const { page, server } = current();
  await page.goto(`${server.url}/app/entraSpHunt`);
  await page.waitForSelector(subj(DATA_TEST_SUBJ.coverageRow));
  return page;
}

describe('long hunts in Chromium', () => {
  it('shows progress while a long hunt runs, and Cancel deletes it in Elasticsearch', async () => {
    const page = await open();
    await fault({ endpoint: '_query', queryContains: 'daily_action_count', runningMs: 120_000 });
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await page.waitForSelector(subj(DATA_TEST_SUBJ.elapsed));
    await page.waitForFunction(
      (id) =>
        /([3-9]|\d\d)s elapsed/.test(
          document.querySelector(`[data-test-subj="${id}"]`)?.textContent ?? ''
        ),
      DATA_TEST_SUBJ.elapsed
    );
    await screenshot(page, '06-long-hunt-running');
    expect(current().server.fakeElasticsearch?.asyncQueryIds()).toHaveLength(1);

    await page.click(subj(DATA_TEST_SUBJ.cancelButton));
    await page.waitForSelector(subj(DATA_TEST_SUBJ.runButton) + ':not([disabled])');
    for (
      let attempt = 0;
      attempt < 50 && (current().server.fakeElasticsearch?.asyncQueryIds().length ?? 0) > 0;
      attempt += 1
    ) {
      await page.waitForTimeout(100);
    }
    expect(current().server.fakeElasticsearch?.asyncQueryIds()).toEqual([]);
    expect(
      (await esRequests()).some(
        (request) => request.method === 'DELETE' && request.path.startsWith('/_query/async/')
      )
    ).toBe(true);
    expect(await page.isVisible(subj(DATA_TEST_SUBJ.loading))).toBe(false);
  });

  it(`completes a hunt that runs longer than ${PROXY_LIMIT_MS / 1000} s with no request lasting that long`, async () => {
    const page = await open();
    durations.length = 0;
    await fault({
      endpoint: '_query',
      queryContains: 'daily_action_count',
      runningMs: LONG_HUNT_MS,
    });
    const started = Date.now();
    await page.click(subj(DATA_TEST_SUBJ.runButton));
    await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`, {
      timeout: LONG_HUNT_MS + 30_000,
    });
    const took = Date.now() - started;
    expect(took).toBeGreaterThan(LONG_HUNT_MS);
    expect(await gridRows(page)).toHaveLength(
      await expectedRowCount(current().server.url, current().server.scenarioNow)
    );
    const huntRequests = durations.filter((entry) => /\/hunt(\/status)?$/.test(entry.url));
    expect(huntRequests.length).toBeGreaterThan(3);
    expect(Math.max(...huntRequests.map((entry) => entry.ms))).toBeLessThan(10_000);
    // The finished result was read once and deleted: nothing stays stored.
    expect(current().server.fakeElasticsearch?.asyncQueryIds()).toEqual([]);
    await screenshot(page, '07-long-hunt-completed');
  });
});
