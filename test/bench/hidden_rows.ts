/**
 * Hidden-rows benchmark (not a test): the default hunt without entries, the same hunt with the
 * space's benign entries applied, and the hidden-rows count the page asks for after it, each as
 * the server sends it, run by the fake Elasticsearch's ES|QL interpreter in process over the
 * scenario and a synthetic set. The entries are three principals of the hunt's own rows (one of
 * them for one action only) and one CIDR block. Prints min/median/max and the count's cost next to
 * the hunt's.
 *   npm run bench:hidden -- --runs 20 --documents 100000
 */
import { performance } from 'perf_hooks';
import { buildHiddenRowsQuery, type AllowlistMatch } from '../../common/hunt/allowlist';
import { buildHuntQuery, type BuiltQuery } from '../../common/hunt/build_hunt_query';
import { COVERAGE_FIELDS } from '../../common/hunt/data_sources';
import { huntParamsSchema } from '../../common/hunt/hunt_params';
import { shapeHuntResponse, type EsqlResponseLike } from '../../common/hunt/shape_results';
import { resolveTimeRange } from '../../common/hunt/time_range';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { runEsql } from '../harness/fake_elasticsearch/esql_engine';
import {
  FakeIndex,
  fieldCapabilities,
  type IndexInput,
} from '../harness/fake_elasticsearch/indices';
import { syntheticIndices } from './synthetic';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

interface Figures {
  min: number;
  median: number;
  max: number;
}

function time(indices: FakeIndex[], query: BuiltQuery, runs: number): Figures {
  const body = { query: query.query, params: query.params, filter: query.filter };
  runEsql(indices, body); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    runEsql(indices, body);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    min: times[0],
    median: times[Math.floor(times.length / 2)],
    max: times[times.length - 1],
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (figures: Figures) =>
  `min ${ms(figures.min)}, median ${ms(figures.median)}, max ${ms(figures.max)}`;

function measure(label: string, inputs: IndexInput[], runs: number): void {
  const now = new Date();
  const indices = inputs.map((input) => new FakeIndex(input));
  const documents = indices.reduce((sum, index) => sum + index.documents.length, 0);
  const fields = new Set(
    Object.keys(
      fieldCapabilities(indices, { fields: COVERAGE_FIELDS, includeUnmapped: false }).fields
    )
  );
  const params = huntParamsSchema.parse({});
  const window = resolveTimeRange(params.time_range, now);
  if (!window) throw new Error('time did not resolve');
  const plain = buildHuntQuery(params, window, fields);
  if (!plain.ok) throw new Error('no hunt query for these indices');
  const answer = runEsql(indices, {
    query: plain.hunt.query,
    params: plain.hunt.params,
    filter: plain.hunt.filter,
  });
  const rows = shapeHuntResponse(answer.body as EsqlResponseLike, params.limit).rows;
  const principals = rows.flatMap((row) =>
    row.service_principal_name === null ? [] : [row.service_principal_name]
  );
  const entries: AllowlistMatch[] = [
    ...principals.slice(0, 3).map((principal, index) => ({
      id: `entry-${index}`,
      principal,
      principal_field: 'name' as const,
      action: index === 0 ? (rows[0]?.action ?? null) : null,
      cidr: null,
    })),
    { id: 'range', principal: null, principal_field: 'name', action: null, cidr: '192.0.2.0/24' },
  ];
  const applied = buildHuntQuery(params, window, fields, { allowlist: entries });
  const hidden = buildHiddenRowsQuery(params, window, fields, entries);
  if (!applied.ok || !hidden) throw new Error('no query with entries');
  const counted = runEsql(indices, {
    query: hidden.query,
    params: hidden.params,
    filter: hidden.filter,
  }).body as EsqlResponseLike;
  // The same block as the analyst's trusted range: what an event-level range check costs anyway.
  const trusted = buildHuntQuery({ ...params, trusted_cidrs: ['192.0.2.0/24'] }, window, fields);
  if (!trusted.ok) throw new Error('no query with a trusted range');
  const without = time(indices, plain.hunt, runs);
  const withTrusted = time(indices, trusted.hunt, runs);
  const withEntries = time(indices, applied.hunt, runs);
  const count = time(indices, hidden, runs);
  console.log(
    [
      `${label}: ${documents.toLocaleString('en')} documents, ${rows.length} rows without entries, ${entries.length} entries hide ${counted.values?.length ?? 0}; ${runs} runs each`,
      `  hunt without entries: ${line(without)}`,
      `  hunt, range trusted:  ${line(withTrusted)}`,
      `  hunt with entries:    ${line(withEntries)}`,
      `  hidden-rows count:    ${line(count)}`,
      `  with entries / without (medians): ${(withEntries.median / without.median).toFixed(2)}x; count / hunt with entries: ${(count.median / withEntries.median).toFixed(2)}x`,
    ].join('\n')
  );
}

function main() {
  const runs = option('runs', 20);
  const documents = option('documents', 100_000);
  const now = new Date();
  measure('scenario', buildScenarioIndices(now), runs);
  measure('synthetic', syntheticIndices(documents, now, 30), Math.max(3, Math.round(runs / 4)));
}

main();
