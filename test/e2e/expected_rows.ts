/**
 * How many rows the demo should show, from plain loops over the scenario the harness built
 * (test/helpers/scenario_expectations.ts), for the thresholds a test set and the window the page
 * resolved: that window is read from the last hunt the fake Elasticsearch received, since the page
 * resolves "now" itself. Nothing here reads the query text.
 */
import { buildScenario, type ScenarioDocument } from '../fixtures/scenario/build_scenario';
import type { RecordedEsRequest } from '../harness/fake_elasticsearch/server';
import {
  expectedHuntRows,
  type ExpectedRow,
  type HuntExpectation,
} from '../helpers/scenario_expectations';

const DAY_MS = 86_400_000;
const DEFAULT_LOOKBACK_DAYS = 30;

export type Thresholds = Pick<HuntExpectation, 'maxDaily' | 'minIps' | 'trustedCidrs' | 'benign'>;

const scenarios = new Map<number, ScenarioDocument[]>();

function documentsFor(scenarioNow: Date): ScenarioDocument[] {
  const cached = scenarios.get(scenarioNow.getTime());
  if (cached) return cached;
  const documents = buildScenario(scenarioNow);
  scenarios.set(scenarioNow.getTime(), documents);
  return documents;
}

interface HuntBody {
  params?: Array<Record<string, unknown>>;
  filter?: { range?: Record<string, { gt?: string; lte?: string }> };
}

/** The window (start, end] of the last hunt the fake Elasticsearch received. */
export async function lastHuntWindow(serverUrl: string): Promise<{ start: number; end: number }> {
  const requests = (await (
    await fetch(`${serverUrl}/__harness/es-requests`)
  ).json()) as RecordedEsRequest[];
  const hunts = requests.filter(
    (request) =>
      request.path === '/_query/async' &&
      JSON.stringify(request.body).includes('daily_action_count')
  );
  const body = hunts[hunts.length - 1]?.body as HuntBody | undefined;
  const range = body?.filter?.range?.['@timestamp'];
  if (!range?.gt || !range.lte) throw new Error('no hunt with a time filter reached Elasticsearch');
  return { start: Date.parse(range.gt), end: Date.parse(range.lte) };
}

/** The rows of the last hunt, expected from the scenario documents. */
export async function expectedRows(
  serverUrl: string,
  scenarioNow: Date,
  thresholds: Thresholds = {}
): Promise<ExpectedRow[]> {
  const window = await lastHuntWindow(serverUrl);
  return expectedHuntRows(documentsFor(scenarioNow), { ...window, ...thresholds });
}

/** Rows of the last hunt, expected from the scenario documents. */
export async function expectedRowCount(
  serverUrl: string,
  scenarioNow: Date,
  thresholds: Thresholds = {}
): Promise<number> {
  const window = await lastHuntWindow(serverUrl);
  return expectedHuntRows(documentsFor(scenarioNow), { ...window, ...thresholds }).length;
}

/**
 * Rows of the last hunt that satisfy `keep`, from the scenario documents: what a filter on the
 * page should leave, whatever part of each row the grid has scrolled into view.
 */
export async function expectedRowCountWhere(
  serverUrl: string,
  scenarioNow: Date,
  keep: (row: ExpectedRow) => boolean,
  thresholds: Thresholds = {}
): Promise<number> {
  const window = await lastHuntWindow(serverUrl);
  return expectedHuntRows(documentsFor(scenarioNow), { ...window, ...thresholds }).filter(keep)
    .length;
}

/** Rows of the default 30-day window ending now (as Discover resolves `now-30d` when it runs). */
export function expectedRowCountNow(scenarioNow: Date, thresholds: Thresholds = {}): number {
  const end = Date.now();
  return expectedHuntRows(documentsFor(scenarioNow), {
    start: end - DEFAULT_LOOKBACK_DAYS * DAY_MS,
    end,
    ...thresholds,
  }).length;
}
