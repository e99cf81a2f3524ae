import { buildHuntQuery } from '../../../common/hunt/build_hunt_query';
import { COVERAGE_FIELDS } from '../../../common/hunt/data_sources';
import { huntParamsSchema } from '../../../common/hunt/hunt_params';
import { buildRowPivot, buildValuePivot, rowKey } from '../../../common/hunt/pivot_queries';
import { readRecords, shapeHuntResponse } from '../../../common/hunt/shape_results';
import { resolveTimeRange } from '../../../common/hunt/time_range';
import { buildScenario } from '../../fixtures/scenario/build_scenario';
import { evaluateEsql } from './evaluate';
import { evaluatePivot } from './evaluate_pivot';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const docs = buildScenario(NOW);
const fields = new Set(COVERAGE_FIELDS);

function hunt(input: object) {
  const params = huntParamsSchema.parse(input);
  const time = resolveTimeRange(params.time_range, NOW);
  if (!time) throw new Error('unresolved');
  const built = buildHuntQuery(params, time, fields);
  if (!built.ok) throw new Error('no query');
  const result = shapeHuntResponse(
    evaluateEsql(docs, {
      query: built.hunt.query,
      params: built.hunt.params,
      filter: built.hunt.filter,
    }),
    params.limit
  );
  return { params, time, rows: result.rows };
}

describe('the fake Elasticsearch', () => {
  it('answers the hunt with the scenario rows, and thresholds change them', () => {
    expect(hunt({}).rows).toHaveLength(6);
    expect(hunt({ max_daily_actions: 7 }).rows).toHaveLength(7);
    expect(hunt({ min_distinct_ips: 4 }).rows.map((row) => row.service_principal_name)).toEqual([
      'Legacy-Sync',
    ]);
    expect(hunt({ trusted_cidrs: ['10.20.0.0/16'] }).rows).toHaveLength(5);
    expect(hunt({ limit: 2 }).rows).toHaveLength(2);
  });

  it.each(['name', 'id'] as const)(
    'row pivots (grouped by %s) find exactly the events each row counted, parameterised or inlined',
    (groupBy) => {
      const { params, rows } = hunt({ group_by: groupBy });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const key = rowKey(row, params.group_by);
        const pivot = key && buildRowPivot(params, key, fields);
        if (!pivot) throw new Error('no pivot');
        const fromParams = readRecords(
          evaluatePivot(docs, pivot.query, pivot.params, NOW.getTime())
        );
        const fromInlined = readRecords(evaluatePivot(docs, pivot.inlined, [], NOW.getTime()));
        expect(fromParams).toHaveLength(row.daily_action_count);
        expect(fromInlined).toEqual(fromParams);
        expect(new Set(fromParams.map((event) => event['source.ip']))).toEqual(new Set(row.ips));
      }
    }
  );

  it('value pivots find every event of the value in the window', () => {
    const { params, time } = hunt({});
    const pivot = buildValuePivot(params, 'source.ip', '1.128.3.4', time, fields);
    if (!pivot) throw new Error('no pivot');
    const events = readRecords(evaluatePivot(docs, pivot.inlined, [], NOW.getTime()));
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((event) => event['source.ip'] === '1.128.3.4')).toBe(true);
  });
});

describe('the inlined hunt (as Discover sends it)', () => {
  it('gives the same rows as the parameterised hunt', () => {
    const params = huntParamsSchema.parse({ max_daily_actions: 7, min_distinct_ips: 3 });
    const time = resolveTimeRange(params.time_range, NOW);
    if (!time) throw new Error('unresolved');
    const built = buildHuntQuery(params, time, fields);
    if (!built.ok) throw new Error('no query');
    const fromParams = evaluateEsql(docs, {
      query: built.hunt.query,
      params: built.hunt.params,
      filter: built.hunt.filter,
    });
    const fromInlined = evaluateEsql(docs, {
      query: built.hunt.inlined.replace('now() - 30 day', `TO_DATETIME("${time.start}")`),
    });
    expect(fromInlined.values).toEqual(fromParams.values);
    expect(fromParams.values).toHaveLength(3);
  });
});
