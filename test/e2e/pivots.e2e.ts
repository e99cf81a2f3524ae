import type { Page } from 'playwright-core';
import { decodeRedirectParams } from '@kbn/share-plugin/public/mocks';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import { e2eSuite, gridCell, gridRowIndex, revealGridCell, screenshot, subj } from './browser';
import { expectedRowCount, lastHuntWindow } from './expected_rows';

const current = e2eSuite();

async function esRequests(): Promise<RecordedEsRequest[]> {
  return (await (
    await fetch(`${current().server.url}/__harness/es-requests`)
  ).json()) as RecordedEsRequest[];
}

async function openResults(query = '?run=1'): Promise<Page> {
  const { page, server } = current();
  await page.goto(`${server.url}/app/entraSpHunt${query}`);
  await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`);
  return page;
}

/** A control in the row actions of the grid row that mentions `text`. */
async function rowAction(page: Page, text: string, testSubj: string) {
  const index = await gridRowIndex(page, text);
  await revealGridCell(page, index, 'rowActions');
  return page.locator(`${gridCell(index, 'rowActions')} ${subj(testSubj)}`);
}

/** The Discover links of every value of the row that mentions `text`: principal, action, IPs. */
async function valuePivotHrefs(page: Page, text: string): Promise<string[]> {
  const index = await gridRowIndex(page, text);
  const hrefs: string[] = [];
  // In reading order: a single value shows its actions on hover; a cell with several values (the
  // other identity, the IPs) lists them in a popover, each with its own link.
  const columns = [
    { id: 'principal', multiValued: false },
    { id: 'principalKeys', multiValued: true },
    { id: 'action', multiValued: false },
    { id: 'ips', multiValued: true },
  ];
  for (const { id, multiValued } of columns) {
    await revealGridCell(page, index, id);
    await page.hover(gridCell(index, id));
    const inPlace = page.locator(`${gridCell(index, id)} ${subj(DATA_TEST_SUBJ.valuePivot)}`);
    // A cell that holds one value offers its actions in place.
    if (!multiValued || (await inPlace.count()) === 1) {
      hrefs.push((await inPlace.getAttribute('href')) ?? '');
      continue;
    }
    await page.click(gridCell(index, id));
    await page.keyboard.press('Enter');
    const list = page.locator(subj(DATA_TEST_SUBJ.valueList));
    await list.waitFor();
    hrefs.push(
      ...(await list
        .locator(subj(DATA_TEST_SUBJ.valuePivot))
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))
    );
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
  }
  return hrefs;
}

function discoverParams(url: string) {
  const hash = new URL(url).hash.replace(/^#\/?\??/, '');
  const params = new URLSearchParams(hash);
  return { esql: params.get('esql') ?? '', from: params.get('from'), to: params.get('to') };
}

describe('pivots from a result to the evidence, in Chromium', () => {
  it('opens a row flyout with the raw events, timeline and IPs, read from Elasticsearch', async () => {
    const page = await openResults();
    await (
      await rowAction(page, 'Add service principal credentials', DATA_TEST_SUBJ.inspectRow)
    ).click();
    const flyout = page.locator(subj(DATA_TEST_SUBJ.rowFlyout));
    await flyout
      .locator(`${subj(DATA_TEST_SUBJ.rowFlyoutEvents)} tbody tr`)
      .first()
      .waitFor();
    expect(await flyout.locator(`${subj(DATA_TEST_SUBJ.rowFlyoutEvents)} tbody tr`).count()).toBe(
      2
    );
    const ips = await flyout.locator(subj(DATA_TEST_SUBJ.rowFlyoutIps)).innerText();
    expect(ips).toContain('1.128.3.4');
    expect(ips).toContain('198.51.100.12');
    expect(
      await flyout.locator(`${subj(DATA_TEST_SUBJ.rowFlyoutTimeline)} canvas`).count()
    ).toBeGreaterThan(0);
    const pivot = (await esRequests()).filter(
      (request) => request.path === '/_query' && JSON.stringify(request.body).includes('KEEP')
    );
    expect(pivot.length).toBeGreaterThan(0);
    expect(JSON.stringify(pivot[pivot.length - 1].body)).toContain(
      '"principal":"Managed Service Identity"'
    );
    await screenshot(page, '09-row-flyout');
  });

  it('follows the row Discover link in a new tab: the ES|QL and the row day arrive, and the query runs', async () => {
    const huntPage = await openResults();
    // A real link opening a new tab: this page keeps its rows.
    const [page] = await Promise.all([
      huntPage.waitForEvent('popup'),
      (
        await rowAction(huntPage, 'Add service principal credentials', DATA_TEST_SUBJ.rowDiscover)
      ).click(),
    ]);
    await page.waitForURL(/\/app\/discover/);
    await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    const { esql, from, to } = discoverParams(page.url());
    expect(esql).toContain(
      '| WHERE MV_CONTAINS(event.action, "Add service principal credentials")'
    );
    expect(esql).toContain(
      '| WHERE MV_CONTAINS(service_principal_name, "Managed Service Identity")'
    );
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(Date.parse(to ?? '') - Date.parse(from ?? '')).toBe(86_400_000);
    expect(await page.innerText('[data-test-subj="harnessDiscoverCount"]')).toBe('2 results');
    await screenshot(page, '10-discover-row');
    expect(huntPage.url()).toContain('/app/entraSpHunt');
    await page.close();
  });

  it('follows a value pivot (an IP) and the whole hunt into Discover', async () => {
    const page = await openResults();
    const hrefs = await valuePivotHrefs(page, 'Add service principal credentials');
    // Redirect links carry their params lz-compressed, as Kibana writes them.
    const ipHref = hrefs.find((href) =>
      JSON.stringify(decodeRedirectParams(href)).includes('TO_IP(\\"1.128.3.4\\")')
    );
    expect(ipHref).toBeDefined();
    await page.goto(`${current().server.url}${ipHref}`);
    await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    const ip = discoverParams(page.url());
    expect(ip.esql).toContain('| WHERE MV_CONTAINS(source.ip, TO_IP("1.128.3.4"))');
    // Pinned: the run's first instant, not `now-30d`.
    const window = await lastHuntWindow(current().server.url);
    expect(ip.from).toBe(new Date(window.start).toISOString());
    expect(ip.to).toBe(new Date(window.end).toISOString());
    expect(
      Number((await page.innerText('[data-test-subj="harnessDiscoverCount"]')).split(' ')[0])
    ).toBeGreaterThan(2);

    const huntPage = await openResults();
    const huntHref = await huntPage.locator(subj(DATA_TEST_SUBJ.huntDiscover)).getAttribute('href');
    await huntPage.goto(`${current().server.url}${huntHref}`);
    await huntPage.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    expect(discoverParams(huntPage.url()).esql).toContain(
      '(daily_action_count <= 5 and distinct_ips >= 2)'
    );
    expect(await huntPage.innerText('[data-test-subj="harnessDiscoverCount"]')).toBe(
      `${await expectedRowCount(current().server.url, current().server.scenarioNow)} results`
    );
  });

  it('every value pivot of a row (principal name and id, action, each IP) runs in Discover and finds events', async () => {
    const page = await openResults();
    const hrefs = await valuePivotHrefs(page, 'Add service principal credentials');
    expect(hrefs).toHaveLength(5);
    const wheres: string[] = [];
    for (const href of hrefs) {
      await page.goto(`${current().server.url}${href}`);
      await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
      const { esql } = discoverParams(page.url());
      wheres.push(
        esql
          .split('\n')
          .filter((line) => line.startsWith('| WHERE'))
          .pop() ?? ''
      );
      expect(
        Number((await page.innerText('[data-test-subj="harnessDiscoverCount"]')).split(' ')[0])
      ).toBeGreaterThan(0);
    }
    expect(wheres).toEqual([
      '| WHERE MV_CONTAINS(service_principal_name, "Managed Service Identity")',
      '| WHERE MV_CONTAINS(service_principal_id, "b9814691-9ca1-4e55-a1ac-8ef5dd010ec0")',
      '| WHERE MV_CONTAINS(event.action, "Add service principal credentials")',
      '| WHERE MV_CONTAINS(source.ip, TO_IP("1.128.3.4"))',
      '| WHERE MV_CONTAINS(source.ip, TO_IP("198.51.100.12"))',
    ]);
  });

  it('saves the hunt as a Discover session that reopens in Discover', async () => {
    const page = await openResults();
    await page.click(subj(DATA_TEST_SUBJ.saveSession));
    await page.fill(subj(DATA_TEST_SUBJ.saveSessionTitle), 'Entra SP hunt for case 42');
    await page.click(subj(DATA_TEST_SUBJ.saveSessionConfirm));
    await page.waitForSelector(subj(DATA_TEST_SUBJ.saveSessionModal), { state: 'detached' });
    await page.goto(`${current().server.url}/app/discover#/view/session-1`);
    await page.waitForSelector('[data-test-subj="harnessDiscoverCount"]');
    expect(await page.innerText('h1')).toContain('Entra SP hunt for case 42');
    expect(await page.innerText('[data-test-subj="harnessDiscoverCount"]')).toBe(
      `${await expectedRowCount(current().server.url, current().server.scenarioNow)} results`
    );
  });

  it('had no unexpected browser errors', () => {
    expect(current().consoleErrors).toEqual([]);
  });
});
