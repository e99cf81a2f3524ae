import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { buildHuntQuery, type BuiltHuntQuery } from './build_hunt_query';
import {
  HUNT_FIELDS,
  O365_CATEGORY_FIELD,
  GRAPH_SP_ID_FIELD,
  SOURCE_IP_FIELD,
} from './data_sources';
import { normaliseEsql, scanEsql } from './esql_text';
import { huntParamsSchema, type HuntParamsInput } from './hunt_params';
import { resolveTimeRange } from './time_range';

const SEED_COPY = resolve(__dirname, '../../test/fixtures/seed/seed-query.esql');
const SHARED_SEED = resolve(__dirname, '../../../shared/seed-query.esql');
const NOW = new Date('2026-11-27T12:00:00.000Z');
const ALL_FIELDS: ReadonlySet<string> = new Set(HUNT_FIELDS);

function build(
  input: HuntParamsInput = {},
  fields: ReadonlySet<string> = ALL_FIELDS
): BuiltHuntQuery {
  const params = huntParamsSchema.parse(input);
  const time = resolveTimeRange(params.time_range, NOW);
  if (!time) throw new Error('test time range did not resolve');
  const result = buildHuntQuery(params, time, fields);
  if (!result.ok) throw new Error(`no query: ${result.reason}`);
  return result.hunt;
}

/** The pipeline's stages, normalised: a stage per `|` outside strings and comments. */
function stages(query: string): string[] {
  const out: string[][] = [[]];
  for (const token of scanEsql(query)) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'symbol' && token.text === '|') out.push([]);
    else out[out.length - 1].push(token.text);
  }
  return out.map((tokens) => tokens.join(' '));
}

function paramValue(hunt: BuiltHuntQuery, name: string): unknown {
  const entry = hunt.params.find((param) => name in param);
  return entry?.[name];
}

describe('seed fidelity', () => {
  const seed = readFileSync(SEED_COPY, 'utf8');

  it('keeps the repository copy of the seed identical to the shared one', () => {
    if (!existsSync(SHARED_SEED)) return expect(seed).toContain('FROM logs-azure.*');
    expect(seed).toBe(readFileSync(SHARED_SEED, 'utf8'));
  });

  it('renders the published seed query, token for token, with default parameters', () => {
    const built = stages(build().inlined);
    // The seed relies on ES|QL's implicit 1,000-row cap; the built query states it, asking for one
    // row more so that a cut result is known.
    expect(built[built.length - 1]).toBe('LIMIT 1001');
    expect(built.slice(0, -1)).toEqual(stages(seed));
    expect(normaliseEsql(built.slice(0, -1).join(' | '))).toBe(normaliseEsql(seed));
  });

  it('fails when any single token of the seed logic differs', () => {
    const seedStages = stages(seed);
    const inlined = stages(build().inlined).slice(0, -1);
    const seedTokens = scanEsql(seed).filter((token) => token.kind !== 'comment');
    let checked = 0;
    for (const token of seedTokens) {
      if (token.kind === 'symbol' && token.text === '|') continue;
      const mutated = `${seed.slice(0, token.start)}${token.text}X${seed.slice(token.start + token.text.length)}`;
      expect(stages(mutated)).not.toEqual(inlined);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(150);
    expect(inlined).toEqual(seedStages);
  });
});

describe('parameterised form', () => {
  it('sends thresholds, datasets and the window as named params, never in the text', () => {
    const hunt = build({ max_daily_actions: 3, min_distinct_ips: 4 });
    expect(hunt.query).toContain('daily_action_count <= ?max_daily and distinct_ips >= ?min_ips');
    expect(hunt.query).toContain(
      'event.dataset in (?dataset_0, ?dataset_1, ?dataset_2, ?dataset_3)'
    );
    expect(hunt.query).toContain('@timestamp > ?_tstart');
    expect(hunt.params).toEqual([
      { _tstart: '2026-10-28T12:00:00.000Z' },
      { dataset_0: 'azure.auditlogs' },
      { dataset_1: 'azure.signinlogs' },
      { dataset_2: 'o365.audit' },
      { dataset_3: 'azure.graphactivitylogs' },
      { max_daily: 3 },
      { min_ips: 4 },
    ]);
    expect(hunt.filter).toEqual({
      range: {
        '@timestamp': {
          gt: '2026-10-28T12:00:00.000Z',
          lte: '2026-11-27T12:00:00.000Z',
          format: 'strict_date_optional_time',
        },
      },
    });
    expect(hunt.inlined).toContain('(daily_action_count <= 3 and distinct_ips >= 4)');
  });

  it('has one single-key object per param, as the _query API requires', () => {
    for (const param of build({ trusted_cidrs: ['10.0.0.0/8'] }).params) {
      expect(Object.keys(param)).toHaveLength(1);
    }
  });
});

describe('each parameter changes the query', () => {
  it('time range: a relative lookback reads as now() minus the offset', () => {
    expect(build({ time_range: { from: 'now-7d', to: 'now' } }).inlined).toContain(
      '| WHERE @timestamp > now() - 7 day\n'
    );
    expect(build({ time_range: { from: 'now-12h', to: 'now' } }).inlined).toContain(
      '@timestamp > now() - 12 hour'
    );
  });

  it('time range: an absolute window bounds both ends and inlines the instants', () => {
    const hunt = build({
      time_range: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' },
    });
    expect(hunt.query).toContain('@timestamp > ?_tstart AND @timestamp <= ?_tend');
    expect(paramValue(hunt, '_tend')).toBe('2026-11-08T00:00:00.000Z');
    expect(hunt.inlined).toContain(
      '@timestamp > TO_DATETIME("2026-11-01T00:00:00.000Z") AND @timestamp <= TO_DATETIME("2026-11-08T00:00:00.000Z")'
    );
  });

  it('datasets: only the chosen branches remain', () => {
    const hunt = build({ datasets: ['azure.signinlogs', 'o365.audit'] });
    expect(hunt.inlined).toContain('event.dataset in ("azure.signinlogs", "o365.audit")');
    expect(hunt.inlined).toContain(
      '(azure.signinlogs.properties.service_principal_name IS NOT NULL) OR\n    `o365`.audit.ExtendedProperties.extendedAuditEventCategory == "ServicePrincipal"'
    );
    expect(hunt.inlined).not.toContain('azure.auditlogs.properties');
    expect(hunt.inlined).not.toContain('graphactivitylogs.properties');
    expect(hunt.datasets).toEqual(['azure.signinlogs', 'o365.audit']);
    expect(hunt.skipped.map((entry) => [entry.dataset, entry.reason])).toEqual([
      ['azure.auditlogs', 'not_selected'],
      ['azure.graphactivitylogs', 'not_selected'],
    ]);
  });

  it('index patterns: written into FROM as given', () => {
    expect(
      build({ index_patterns: ['remote:logs-azure.*', 'logs-o365.audit-prod'] }).query
    ).toMatch(/^FROM remote:logs-azure\.\*, logs-o365\.audit-prod\n/);
  });

  it('group by id: the id is the key and names are collected', () => {
    const hunt = build({ group_by: 'id' });
    expect(hunt.query).toContain('BY event.action, service_principal_id, timestamp_day_bucket');
    expect(hunt.query).toContain('service_principal_names = VALUES(service_principal_name)');
    expect(hunt.query).not.toContain('service_principal_ids =');
  });

  it('trusted CIDRs: an event is dropped before counting only when every address is trusted', () => {
    const hunt = build({ trusted_cidrs: ['10.0.0.0/8', '2001:db8::/32'] });
    const blocks = '?trusted_cidr_0, ?trusted_cidr_1';
    expect(hunt.query).toContain(
      [
        'WHERE source.ip IS NOT NULL AND NOT (',
        '    MV_COUNT(source.ip) <= 4',
        `    AND CIDR_MATCH(MV_SLICE(source.ip, 0), ${blocks})`,
        `    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 1), ${blocks}), true)`,
        `    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 2), ${blocks}), true)`,
        `    AND COALESCE(CIDR_MATCH(MV_SLICE(source.ip, 3), ${blocks}), true)`,
        '  )',
      ].join('\n')
    );
    expect(hunt.params.filter((param) => 'trusted_cidr_0' in param)).toEqual([
      { trusted_cidr_0: '10.0.0.0/8' },
    ]);
    expect(hunt.inlined).toContain(
      'AND CIDR_MATCH(MV_SLICE(source.ip, 0), "10.0.0.0/8", "2001:db8::/32")'
    );
  });

  it('limit: the query sent asks for one more row; the pinned query for the limit itself', () => {
    const hunt = build({ limit: 10_000 });
    expect(hunt.query).toMatch(/\n\| LIMIT 10001$/);
    expect(hunt.inlined).toMatch(/\n\| LIMIT 10001$/);
    expect(hunt.pinned).toMatch(/\n\| LIMIT 10000$/);
  });
});

describe('field coverage', () => {
  it('leaves out a branch whose selector field no index maps', () => {
    const fields = new Set([...ALL_FIELDS].filter((field) => field !== GRAPH_SP_ID_FIELD));
    const hunt = build({}, fields);
    expect(hunt.query).not.toContain('graphactivitylogs');
    expect(hunt.skipped).toEqual([
      {
        dataset: 'azure.graphactivitylogs',
        reason: 'missing_fields',
        missingFields: [GRAPH_SP_ID_FIELD],
      },
    ]);
    expect(hunt.inlined).toContain(
      'service_principal_id = COALESCE(\n    azure.auditlogs.properties.initiated_by.app.servicePrincipalId,\n    `o365`.audit.UserId,'
    );
  });

  it('o365 without the category field (no service principal event yet) is left out', () => {
    const fields = new Set([...ALL_FIELDS].filter((field) => field !== O365_CATEGORY_FIELD));
    const hunt = build({}, fields);
    expect(hunt.datasets).not.toContain('o365.audit');
    expect(hunt.query).not.toContain('`o365`');
  });

  it('flags datasets whose principals have no name when grouping by name', () => {
    expect(build({ datasets: ['azure.graphactivitylogs'] }).namelessDatasets).toEqual([
      'azure.graphactivitylogs',
    ]);
    expect(build({ datasets: ['azure.graphactivitylogs'] }).inlined).toContain(
      'service_principal_name = TO_STRING(NULL)'
    );
    expect(build({ group_by: 'id' }).namelessDatasets).toEqual([]);
  });

  it('says so instead of building a query when no branch is left', () => {
    const params = huntParamsSchema.parse({ datasets: ['azure.graphactivitylogs'] });
    const time = resolveTimeRange(params.time_range, NOW);
    if (!time) throw new Error('unresolved');
    const fields = new Set([...ALL_FIELDS].filter((field) => field !== GRAPH_SP_ID_FIELD));
    const result = buildHuntQuery(params, time, fields);
    expect(result).toMatchObject({
      ok: false,
      reason: 'no_data_sources',
      missingFields: [GRAPH_SP_ID_FIELD],
    });
  });

  it('says so when a field every branch needs is missing', () => {
    const params = huntParamsSchema.parse({});
    const time = resolveTimeRange(params.time_range, NOW);
    if (!time) throw new Error('unresolved');
    const result = buildHuntQuery(
      params,
      time,
      new Set([...ALL_FIELDS].filter((f) => f !== SOURCE_IP_FIELD))
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'no_common_fields',
      missingFields: [SOURCE_IP_FIELD],
    });
  });
});
