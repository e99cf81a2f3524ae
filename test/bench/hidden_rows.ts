/**
 * Hidden-rows benchmark (not a test): the default hunt without entries, the same hunt with the
 * space's benign entries applied, and the hidden-rows count the page asks for after it, each as
 * the server sends it, run by the fake Elasticsearch's ES|QL interpreter in process over the
 * scenario and a synthetic set. The entries are three principals of the hunt's own rows (one of
 * them for one action only) and one CIDR block. Prints min/median/max and the count's cost next to
 * the hunt's.
 *   npm run bench:hidden -- --runs 20 --documents 100000
 */
import { buildHiddenRowsQuery, type AllowlistMatch } from '../../common/hunt/allowlist';
import { buildHuntQuery } from '../../common/hunt/build_hunt_query';
import type { EsqlResponseLike } from '../../common/hunt/shape_results';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { runEsql } from '../harness/fake_elasticsearch/esql_engine';
import type { IndexInput } from '../harness/fake_elasticsearch/indices';
import { defaultHunt, figuresLine, option, timeQuery } from './esql_bench';
import { syntheticIndices } from './synthetic';

function measure(label: string, inputs: IndexInput[], runs: number): void {
  const {
    indices,
    documents,
    fields,
    params,
    window,
    hunt: plainHunt,
    rows,
  } = defaultHunt(inputs, new Date());
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
  const without = timeQuery(indices, plainHunt, runs);
  const withTrusted = timeQuery(indices, trusted.hunt, runs);
  const withEntries = timeQuery(indices, applied.hunt, runs);
  const count = timeQuery(indices, hidden, runs);
  console.log(
    [
      `${label}: ${documents.toLocaleString('en')} documents, ${rows.length} rows without entries, ${entries.length} entries hide ${counted.values?.length ?? 0}; ${runs} runs each`,
      `  hunt without entries: ${figuresLine(without)}`,
      `  hunt, range trusted:  ${figuresLine(withTrusted)}`,
      `  hunt with entries:    ${figuresLine(withEntries)}`,
      `  hidden-rows count:    ${figuresLine(count)}`,
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
