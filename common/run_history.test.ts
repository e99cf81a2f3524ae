/**
 * "New since the previous run": which earlier run a run compares with, and which rows are new,
 * checked against expectations written as plain loops over the data, never by the code under test.
 */
import fc from 'fast-check';
import { DEFAULT_HUNT_PARAMS } from './hunt/hunt_params';
import type { HuntRow } from './hunt/shape_results';
import {
  buildRunRecord,
  describeNewSince,
  MAX_RUN_KEYS,
  previousComparableRun,
  rowsNewSince,
  viewKey,
  type RunRowKey,
  type RunSummary,
} from './run_history';

const DAY_MS = 86_400_000;
const BASE = Date.UTC(2026, 10, 1);
const PRINCIPALS = ['app-a', 'app-b', null];
const ACTIONS = ['Add owner', 'Update application', null];

function row(principal: string | null, action: string | null, dayIndex: number | null): HuntRow {
  return {
    day: dayIndex === null ? null : new Date(BASE + dayIndex * DAY_MS).toISOString(),
    action,
    service_principal_name: principal,
    service_principal_id: principal === null ? null : `${principal}-id`,
    service_principal_names: principal === null ? [] : [principal],
    service_principal_ids: principal === null ? [] : [`${principal}-id`],
    event_count: 1,
    daily_action_count: 1,
    distinct_ips: 2,
    ips: [],
    datasets: [],
    event_actions: [],
  };
}

function summary(
  id: string,
  ranAtDay: number,
  endDay: number,
  overrides: Partial<RunSummary> = {}
): RunSummary {
  return {
    id,
    view_key: viewKey(DEFAULT_HUNT_PARAMS),
    params: DEFAULT_HUNT_PARAMS,
    window: {
      start: new Date(BASE + (endDay - 7) * DAY_MS).toISOString(),
      end: new Date(BASE + endDay * DAY_MS).toISOString(),
    },
    ran_at: new Date(BASE + ranAtDay * DAY_MS).toISOString(),
    outcome: 'ok',
    error_kind: null,
    row_count: 1,
    keys_capped: false,
    author: 'analyst',
    ...overrides,
  };
}

describe('rowsNewSince', () => {
  const rowArbitrary = fc
    .record({
      principal: fc.constantFrom(...PRINCIPALS),
      action: fc.constantFrom(...ACTIONS),
      day: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    })
    .map(({ principal, action, day }) => row(principal, action, day));

  it('marks exactly the rows whose key the previous run lacked, on days it looked at or later', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 30 }),
        fc.array(rowArbitrary, { maxLength: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 23 }),
        (rows, earlier, startDay, startHour) => {
          const groupBy = 'name';
          const previousKeys: RunRowKey[] = earlier.map((each) => ({
            principal: each.service_principal_name,
            action: each.action,
            day: each.day,
          }));
          // The previous window starts inside a UTC day: that whole day counts as looked at.
          const start = BASE + startDay * DAY_MS + startHour * 3_600_000;
          const previous = {
            keys: previousKeys,
            window: {
              start: new Date(start).toISOString(),
              end: new Date(start + 7 * DAY_MS).toISOString(),
            },
          };
          const expected: HuntRow[] = [];
          for (const candidate of rows) {
            if (candidate.day === null) continue;
            const candidateDay = Math.floor(Date.parse(candidate.day) / DAY_MS);
            if (candidateDay < Math.floor(start / DAY_MS)) continue;
            let seen = false;
            for (const key of previousKeys) {
              if (
                key.principal === candidate.service_principal_name &&
                key.action === candidate.action &&
                key.day === candidate.day
              ) {
                seen = true;
              }
            }
            if (!seen) expected.push(candidate);
          }
          const marked = rowsNewSince(rows, groupBy, previous);
          expect(rows.filter((candidate) => marked.has(candidate))).toEqual(expected);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('keys by id when the view groups by id', () => {
    const previous = {
      keys: [{ principal: 'app-a-id', action: 'Add owner', day: row(null, null, 3).day }],
      window: {
        start: new Date(BASE).toISOString(),
        end: new Date(BASE + 9 * DAY_MS).toISOString(),
      },
    };
    const same = row('app-a', 'Add owner', 3);
    const other = row('app-b', 'Add owner', 3);
    const marked = rowsNewSince([same, other], 'id', previous);
    expect([...marked]).toEqual([other]);
  });
});

describe('previousComparableRun', () => {
  it('a first run has nothing to compare with', () => {
    const shown = summary('now', 10, 10);
    expect(
      previousComparableRun([shown], { id: 'now', ranAt: shown.ran_at, window: shown.window })
    ).toBeUndefined();
  });

  it('the weekly run compares with last week, not with an older window opened again later', () => {
    const lastWeek = summary('last-week', 3, 3);
    const reopened = summary('reopened-old', 9, -4);
    const shown = summary('now', 10, 10);
    const runs = [shown, reopened, lastWeek];
    expect(
      previousComparableRun(runs, { id: 'now', ranAt: shown.ran_at, window: shown.window })?.id
    ).toBe('last-week');
    // The old window opened again compares with the run over that same window.
    const original = summary('original', -4, -4);
    expect(
      previousComparableRun([...runs, original], {
        id: 'reopened-old',
        ranAt: reopened.ran_at,
        window: reopened.window,
      })?.id
    ).toBe('original');
  });

  it('skips runs whose rows are not all known, and runs recorded after the shown one', () => {
    const shown = summary('now', 10, 10);
    const candidates = [
      summary('partial', 9, 9, { outcome: 'partial' }),
      summary('truncated', 8, 8, { outcome: 'truncated' }),
      summary('failed', 7, 7, { outcome: 'error', error_kind: 'timeout' }),
      summary('capped', 6, 6, { keys_capped: true }),
      summary('later', 11, 9),
      summary('complete', 2, 2),
    ];
    // Plain loop: the complete runs recorded before, window ending no later, latest end first.
    let expected: RunSummary | undefined;
    for (const run of candidates) {
      if (run.outcome !== 'ok' || run.keys_capped) continue;
      if (Date.parse(run.ran_at) >= Date.parse(shown.ran_at)) continue;
      if (Date.parse(run.window.end) > Date.parse(shown.window.end)) continue;
      if (!expected || Date.parse(run.window.end) > Date.parse(expected.window.end)) expected = run;
    }
    expect(expected?.id).toBe('complete');
    expect(
      previousComparableRun([shown, ...candidates], {
        id: 'now',
        ranAt: shown.ran_at,
        window: shown.window,
      })
    ).toBe(expected);
  });
});

describe('buildRunRecord', () => {
  const window = {
    start: new Date(BASE).toISOString(),
    end: new Date(BASE + DAY_MS).toISOString(),
  };

  it('says partial before truncated before ok, and an error with its kind and no rows', () => {
    const rows = [row('app-a', 'Add owner', 0)];
    const base = { params: DEFAULT_HUNT_PARAMS, window, rows };
    expect(buildRunRecord({ ...base, partial: true, truncated: true }).outcome).toBe('partial');
    expect(buildRunRecord({ ...base, truncated: true }).outcome).toBe('truncated');
    expect(buildRunRecord(base).outcome).toBe('ok');
    expect(buildRunRecord({ ...base, errorKind: 'circuit_breaker' })).toMatchObject({
      outcome: 'error',
      error_kind: 'circuit_breaker',
      row_count: 0,
      keys: [],
    });
    expect(buildRunRecord({ ...base, errorKind: 'Not A Code!' }).error_kind).toBe('unknown');
  });

  it('caps the keys and says so', () => {
    const rows: HuntRow[] = [];
    for (let index = 0; index < MAX_RUN_KEYS + 3; index += 1) rows.push(row(`p${index}`, 'a', 0));
    const record = buildRunRecord({ params: DEFAULT_HUNT_PARAMS, window, rows });
    expect(record.keys).toHaveLength(MAX_RUN_KEYS);
    expect(record.keys_capped).toBe(true);
    expect(record.row_count).toBe(MAX_RUN_KEYS + 3);
  });
});

describe('describeNewSince', () => {
  it('states the count and the instant of the previous run, or that there is none', () => {
    expect(
      describeNewSince({ previousRanAt: '2026-11-23T09:00:00.000Z', newCount: 2, total: 3 })
    ).toBe('2 of 3 finding(s) new since the previous run of this view (2026-11-23T09:00:00.000Z).');
    expect(describeNewSince({ newCount: 0, total: 3 })).toBe(
      'No earlier run of this view to compare with.'
    );
  });
});

describe('viewKey', () => {
  it('is the same view whatever the window, limit, triage settings or list order', () => {
    const base = viewKey(DEFAULT_HUNT_PARAMS);
    expect(base).toMatch(/^v1:[0-9a-f]{64}$/);
    const same = [
      { ...DEFAULT_HUNT_PARAMS, limit: DEFAULT_HUNT_PARAMS.limit + 1 },
      { ...DEFAULT_HUNT_PARAMS, time_range: { from: 'now-7d', to: 'now' } },
      { ...DEFAULT_HUNT_PARAMS, baseline_days: DEFAULT_HUNT_PARAMS.baseline_days + 1 },
      {
        ...DEFAULT_HUNT_PARAMS,
        shared_ip_principals: DEFAULT_HUNT_PARAMS.shared_ip_principals + 1,
      },
      { ...DEFAULT_HUNT_PARAMS, datasets: [...DEFAULT_HUNT_PARAMS.datasets].reverse() },
      { ...DEFAULT_HUNT_PARAMS, include_hidden: false },
    ];
    for (const params of same) expect(viewKey(params)).toBe(base);
  });

  it('is another view when thresholds, sources, grouping, ranges or shown hidden rows differ', () => {
    const base = viewKey(DEFAULT_HUNT_PARAMS);
    const other = [
      { ...DEFAULT_HUNT_PARAMS, max_daily_actions: DEFAULT_HUNT_PARAMS.max_daily_actions + 1 },
      { ...DEFAULT_HUNT_PARAMS, min_distinct_ips: DEFAULT_HUNT_PARAMS.min_distinct_ips + 1 },
      { ...DEFAULT_HUNT_PARAMS, datasets: DEFAULT_HUNT_PARAMS.datasets.slice(1) },
      { ...DEFAULT_HUNT_PARAMS, index_patterns: ['logs-azure.*'] },
      { ...DEFAULT_HUNT_PARAMS, group_by: 'id' as const },
      { ...DEFAULT_HUNT_PARAMS, trusted_cidrs: ['10.0.0.0/8'] },
      // Rows benign entries hide would all read as new beside the usual view's.
      { ...DEFAULT_HUNT_PARAMS, include_hidden: true },
    ];
    const keys = new Set(other.map((params) => viewKey(params)));
    expect(keys.size).toBe(other.length);
    expect(keys.has(base)).toBe(false);
  });
});
