import fc from 'fast-check';
import { hostileString } from '../../test/helpers/hostile_string';
import { COVERAGE_FIELDS, EVENT_DETAIL_FIELDS, HUNT_FIELDS } from './data_sources';
import { decodeEsqlString, scanEsql } from './esql_text';
import { huntParamsSchema } from './hunt_params';
import {
  buildRowPivot,
  buildValuePivot,
  PIVOT_VALUE_KINDS,
  type PivotValueKind,
} from './pivot_queries';
import { resolveTimeRange } from './time_range';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const ALL = new Set(COVERAGE_FIELDS);
const DEFAULTS = huntParamsSchema.parse({});
const TIME = resolveTimeRange(DEFAULTS.time_range, NOW);
if (!TIME) throw new Error('unresolved');
const WINDOW = TIME;
const KEY = {
  day: '2026-11-20T00:00:00.000Z',
  action: 'Add service principal credentials',
  principal: 'Managed Service Identity',
};

function structure(text: string): string[] {
  return scanEsql(text).map((token) => (token.kind === 'string' ? '<string>' : token.text));
}

describe('row pivot', () => {
  it('selects the row day, action and principal with the hunt sources, derivation and IP filter', () => {
    const pivot = buildRowPivot(
      huntParamsSchema.parse({ trusted_cidrs: ['10.0.0.0/8'] }),
      KEY,
      ALL
    );
    if (!pivot) throw new Error('no pivot');
    expect(pivot.inlined).toBe(
      [
        'FROM logs-azure.*, logs-o365.audit-*',
        '| WHERE @timestamp >= TO_DATETIME("2026-11-20T00:00:00.000Z") AND @timestamp < TO_DATETIME("2026-11-21T00:00:00.000Z")',
        '| WHERE\n  event.dataset in ("azure.auditlogs", "azure.signinlogs", "o365.audit", "azure.graphactivitylogs")',
      ].join('\n') +
        pivot.inlined.slice(
          pivot.inlined.indexOf('\n  AND ('),
          pivot.inlined.indexOf('| WHERE source.ip')
        ) +
        [
          '| WHERE source.ip IS NOT NULL AND NOT (',
          '    MV_COUNT(source.ip) <= 4',
          '    AND CIDR_MATCH(MV_SLICE(source.ip, 0), "10.0.0.0/8")',
          '    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 1), "10.0.0.0/8"), true)',
          '    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 2), "10.0.0.0/8"), true)',
          '    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 3), "10.0.0.0/8"), true)',
          '  )',
          '| WHERE timestamp_day_bucket == TO_DATETIME("2026-11-20T00:00:00.000Z")',
          '| WHERE MV_CONTAINS(event.action, "Add service principal credentials")',
          '| WHERE MV_CONTAINS(service_principal_name, "Managed Service Identity")',
          '| KEEP @timestamp, event.dataset, event.action, event.outcome, service_principal_name, service_principal_id, source.ip, source.geo.country_iso_code, source.geo.country_name, source.as.organization.name, source.as.number, user_agent.original',
          '| SORT @timestamp DESC',
          '| LIMIT 1000',
        ].join('\n')
    );
    expect(pivot.inlined).toContain('service_principal_name = COALESCE(');
    expect(pivot.query).toContain('MV_CONTAINS(event.action, ?action)');
    expect(pivot.params).toContainEqual({ principal: 'Managed Service Identity' });
    expect(pivot.timeRange).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
    expect(pivot.filter.range['@timestamp']).toMatchObject({
      gte: '2026-11-20T00:00:00.000Z',
      lt: '2026-11-21T00:00:00.000Z',
    });
  });

  it('clamps the day to the hunt window on its first and last day', () => {
    const first = buildRowPivot(DEFAULTS, { ...KEY, day: '2026-10-28T00:00:00.000Z' }, ALL, WINDOW);
    expect(first?.inlined).toContain(
      '| WHERE @timestamp > TO_DATETIME("2026-10-28T12:00:00.000Z") AND @timestamp < TO_DATETIME("2026-10-29T00:00:00.000Z")'
    );
    expect(first?.timeRange).toEqual({
      from: '2026-10-28T12:00:00.000Z',
      to: '2026-10-29T00:00:00.000Z',
    });
    expect(first?.filter.range['@timestamp']).toMatchObject({
      gt: '2026-10-28T12:00:00.000Z',
      lt: '2026-10-29T00:00:00.000Z',
    });
    const last = buildRowPivot(DEFAULTS, { ...KEY, day: '2026-11-27T00:00:00.000Z' }, ALL, WINDOW);
    expect(last?.inlined).toContain(
      '| WHERE @timestamp >= TO_DATETIME("2026-11-27T00:00:00.000Z") AND @timestamp <= TO_DATETIME("2026-11-27T12:00:00.000Z")'
    );
    const middle = buildRowPivot(DEFAULTS, KEY, ALL, WINDOW);
    expect(middle?.timeRange).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
  });

  it('excludes an event at the midnight that starts the hunt window, as the hunt (`>`) does', () => {
    const window = { start: '2026-11-20T00:00:00.000Z', end: '2026-11-27T12:00:00.000Z' };
    const pivot = buildRowPivot(DEFAULTS, KEY, ALL, window);
    expect(pivot?.inlined).toContain(
      '| WHERE @timestamp > TO_DATETIME("2026-11-20T00:00:00.000Z") AND @timestamp < TO_DATETIME("2026-11-21T00:00:00.000Z")'
    );
    expect(pivot?.filter.range['@timestamp']).toMatchObject({
      gt: '2026-11-20T00:00:00.000Z',
      lt: '2026-11-21T00:00:00.000Z',
    });
  });

  it('matches an empty value as the smallest one, since MV_CONTAINS reads "" as null', () => {
    const pivot = buildRowPivot(DEFAULTS, { ...KEY, action: '' }, ALL);
    expect(pivot?.inlined).toContain('| WHERE MV_MIN(event.action) == ""');
  });

  it('matches a null principal (Graph activity grouped by name) with IS NULL', () => {
    const pivot = buildRowPivot(DEFAULTS, { ...KEY, principal: null }, ALL);
    expect(pivot?.query).toContain('| WHERE service_principal_name IS NULL');
  });

  it('uses the id when the hunt grouped by id', () => {
    const pivot = buildRowPivot(
      huntParamsSchema.parse({ group_by: 'id' }),
      { ...KEY, principal: 'b981' },
      ALL
    );
    expect(pivot?.inlined).toContain('| WHERE MV_CONTAINS(service_principal_id, "b981")');
  });

  it('keeps only detail columns that exist', () => {
    const pivot = buildRowPivot(DEFAULTS, KEY, new Set(HUNT_FIELDS));
    for (const field of EVENT_DETAIL_FIELDS) expect(pivot?.query).not.toContain(field);
    expect(pivot?.query).toContain(
      '| KEEP @timestamp, event.dataset, event.action, service_principal_name, service_principal_id, source.ip\n'
    );
  });

  it('refuses a row without a valid day', () => {
    expect(buildRowPivot(DEFAULTS, { ...KEY, day: 'not a date' }, ALL)).toBeUndefined();
  });
});

describe('value pivots', () => {
  it.each<[PivotValueKind, string, string]>([
    [
      'service_principal_name',
      'Terraform',
      '| WHERE MV_CONTAINS(service_principal_name, "Terraform")',
    ],
    ['service_principal_id', 'b981', '| WHERE MV_CONTAINS(service_principal_id, "b981")'],
    ['source.ip', '81.2.69.144', '| WHERE MV_CONTAINS(source.ip, TO_IP("81.2.69.144"))'],
    ['source.ip', '2001:db8::1', '| WHERE MV_CONTAINS(source.ip, TO_IP("2001:db8::1"))'],
    ['source.ip', 'not-an-ip', '| WHERE MV_CONTAINS(TO_STRING(source.ip), "not-an-ip")'],
    ['event.action', 'Sign-in activity', '| WHERE MV_CONTAINS(event.action, "Sign-in activity")'],
    ['event.action', '', '| WHERE MV_MIN(event.action) == ""'],
  ])('%s = %s', (kind, value, where) => {
    const pivot = buildValuePivot(DEFAULTS, kind, value, WINDOW, ALL);
    expect(pivot?.inlined).toContain(where);
    // Pinned to the run's instants, both bounds: opened next month it reads the same events.
    expect(pivot?.inlined).toContain(
      '| WHERE @timestamp > TO_DATETIME("2026-10-28T12:00:00.000Z") AND @timestamp <= TO_DATETIME("2026-11-27T12:00:00.000Z")\n'
    );
    expect(pivot?.inlined).not.toContain('now()');
    expect(pivot?.timeRange).toEqual({ from: WINDOW.start, to: WINDOW.end });
  });

  it('has no query when none of the chosen sources exists', () => {
    expect(
      buildValuePivot(DEFAULTS, 'event.action', 'x', WINDOW, new Set(['@timestamp']))
    ).toBeUndefined();
  });
});

describe('hostile values from the data', () => {
  it('stay inside one literal and never change the query structure', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (action, principal) => {
        const pivot = buildRowPivot(DEFAULTS, { ...KEY, action, principal }, ALL);
        // The empty value has its own (fixed) form; compare with a benign value of the same kind.
        const benignRow = buildRowPivot(
          DEFAULTS,
          { ...KEY, action: action && 'benign', principal: principal && 'benign' },
          ALL
        );
        if (!pivot || !benignRow) throw new Error('no pivot');
        expect(pivot.query).toBe(benignRow.query);
        expect(structure(pivot.inlined)).toEqual(structure(benignRow.inlined));
        const literals = scanEsql(pivot.inlined)
          .filter((token) => token.kind === 'string')
          .map((token) => decodeEsqlString(token.text));
        expect(literals).toContain(action);
        expect(literals).toContain(principal);
      }),
      { numRuns: 1000 }
    );
  });

  it('in every value pivot', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PIVOT_VALUE_KINDS), hostileString, (kind, value) => {
        const pivot = buildValuePivot(DEFAULTS, kind, value, WINDOW, ALL);
        const benign = buildValuePivot(
          DEFAULTS,
          kind,
          value === '' ? '' : kind === 'source.ip' ? 'x' : 'benign',
          WINDOW,
          ALL
        );
        if (!pivot || !benign) throw new Error('no pivot');
        expect(pivot.query).toBe(benign.query);
        expect(structure(pivot.inlined)).toEqual(structure(benign.inlined));
      }),
      { numRuns: 1000 }
    );
  });
});
