/**
 * axe-core (WCAG 2.2 A and AA rules, and axe's best practices) on the page's main states, in light
 * and dark mode, with screenshots of each at 1440×900 and 1024×768 for people to look at.
 *
 * Scope: the plugin's own DOM, that is the app's mount element (#harness-app) and the portals EUI
 * renders its flyouts, modals and popovers into ([data-euiportal]). The harness's header stands in
 * for Kibana's chrome and is not the plugin's, so it is left out.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { DATA_TEST_SUBJ } from '../../public/data_test_subj';
import { e2eSuite, gridCell, screenshot, subj } from './browser';

const current = e2eSuite();

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING_IMPACTS = ['critical', 'serious'];
/** Half of 255: text brighter than this is light text (dark mode). */
const MID_BRIGHTNESS = 128;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const context = { include: [['#harness-app'], ['[data-euiportal]']] };
    const result = (await axe.run(context, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, WCAG_22_AA);
}

async function open(path: string, ready: string): Promise<Page> {
  const { page, server } = current();
  await page.setViewportSize(VIEWPORTS[0]);
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready);
  return page;
}

const ROWS = `${subj(DATA_TEST_SUBJ.resultsTable)} [role="gridcell"]`;

/** Each state the analyst meets, reached as they would reach it. */
const STATES: Array<[string, () => Promise<Page>]> = [
  ['first-open', () => open('/app/entraSpHunt', subj(DATA_TEST_SUBJ.coverageRow))],
  [
    'results',
    async () => {
      const page = await open('/app/entraSpHunt?run=1', ROWS);
      await page.waitForSelector(`${subj(DATA_TEST_SUBJ.resultsHistogram)} canvas`);
      return page;
    },
  ],
  [
    'flyout',
    async () => {
      const page = await open('/app/entraSpHunt?run=1', ROWS);
      await page.click(`${gridCell(0, 'rowActions')} ${subj(DATA_TEST_SUBJ.inspectRow)}`);
      await page.waitForSelector(`${subj(DATA_TEST_SUBJ.rowFlyoutTimeline)} canvas`);
      await page.waitForSelector(`${subj(DATA_TEST_SUBJ.rowFlyoutEvents)} tbody tr`);
      return page;
    },
  ],
  [
    'save-modal',
    async () => {
      const page = await open('/app/entraSpHunt?run=1', ROWS);
      await page.click(subj(DATA_TEST_SUBJ.saveSession));
      await page.waitForSelector(subj(DATA_TEST_SUBJ.saveSessionTitle));
      return page;
    },
  ],
  [
    'validation-error',
    async () => {
      const page = await open('/app/entraSpHunt', subj(DATA_TEST_SUBJ.coverageRow));
      await page.fill(subj(DATA_TEST_SUBJ.minIpsInput), '0');
      await page.waitForSelector('text=must be at least 1');
      return page;
    },
  ],
  [
    'hunt-error',
    async () => {
      await fetch(`${current().server.url}/__harness/faults`, {
        method: 'POST',
        body: JSON.stringify({
          endpoint: '_query',
          queryContains: 'daily_action_count',
          status: 500,
        }),
      });
      return open('/app/entraSpHunt?run=1', subj(DATA_TEST_SUBJ.error));
    },
  ],
  [
    'missing-source',
    () => open('/app/entraSpHunt?indices=logs-azure.*&run=1', subj(DATA_TEST_SUBJ.skippedSources)),
  ],
];

describe.each(['light', 'dark'])('accessibility in %s mode', (mode) => {
  beforeAll(async () => {
    await fetch(`${current().server.url}/__harness/ui-settings`, {
      method: 'POST',
      body: JSON.stringify({ 'theme:darkMode': mode === 'dark' ? 'enabled' : 'disabled' }),
    });
  });

  it.each(STATES)('%s has no critical or serious axe violations', async (name, reach) => {
    const page = await reach();
    // The page is in the mode asked for: EUI colours the title light on dark, or dark on light.
    const titleColor = await page.evaluate(() => {
      const title = document.querySelector('#harness-app h1');
      return title ? getComputedStyle(title).color : '';
    });
    const channels = (titleColor.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const brightness = channels.reduce((sum, value) => sum + value, 0) / channels.length;
    if (mode === 'dark') expect(brightness).toBeGreaterThan(MID_BRIGHTNESS);
    else expect(brightness).toBeLessThan(MID_BRIGHTNESS);
    const violations = await runAxe(page);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      // Where the page put the focus (the results, a dialog) stays in view at this size, as it
      // would have had the analyst worked at it.
      await page.evaluate(() => {
        const focused = document.activeElement;
        if (focused && focused !== document.body) focused.scrollIntoView({ block: 'start' });
      });
      // What the analyst sees at this size, where the page stands after reaching the state.
      await screenshot(page, `a11y-${name}-${mode}-${viewport.width}x${viewport.height}`, false);
    }
    await page.setViewportSize(VIEWPORTS[0]);
    const blocking = violations.filter((violation) =>
      BLOCKING_IMPACTS.includes(violation.impact ?? '')
    );
    expect(blocking).toEqual([]);
    // Headings in order is a best practice (moderate): checked on its own.
    expect(violations.filter((violation) => violation.id === 'heading-order')).toEqual([]);
  });
});
