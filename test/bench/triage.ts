/**
 * Triage benchmark (not a test): the default hunt and the triage's two extra queries (prevalence
 * over the window, baseline over the 30 days before it) as the server sends them, run by the fake
 * Elasticsearch's ES|QL interpreter in process, over the scenario and over a synthetic set spread
 * over 60 days (so the baseline has history to read). Prints min/median/max of each and the ratio
 * of the triage's cost to the hunt's.
 *   npm run bench:triage -- --runs 20 --documents 100000
 */
import { MAX_TRIAGE_IPS, MAX_TRIAGE_PRINCIPALS } from '../../common/constants';
import { triageSubjects } from '../../common/hunt/triage';
import { buildBaselineQuery, buildPrevalenceQuery } from '../../common/hunt/triage_query';
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
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
    hunt: built,
    rows,
  } = defaultHunt(inputs, new Date());
  const subjects = triageSubjects(rows, params.group_by, {
    ips: MAX_TRIAGE_IPS,
    principals: MAX_TRIAGE_PRINCIPALS,
  });
  const hunt = timeQuery(indices, built, runs);
  const prevalence = timeQuery(
    indices,
    buildPrevalenceQuery(params, window, fields, subjects.ips),
    runs
  );
  const baseline = timeQuery(
    indices,
    buildBaselineQuery(params, window, fields, subjects.principals),
    runs
  );
  const ratio = (prevalence.median + baseline.median) / hunt.median;
  console.log(
    [
      `${label}: ${documents.toLocaleString('en')} documents, ${rows.length} rows, ${subjects.ips.length} addresses and ${subjects.principals.length} principals asked about; ${runs} runs each`,
      `  hunt:       ${figuresLine(hunt)}`,
      `  prevalence: ${figuresLine(prevalence)}`,
      `  baseline:   ${figuresLine(baseline)}`,
      `  triage / hunt (medians, both extra queries): ${ratio.toFixed(2)}x`,
    ].join('\n')
  );
}

function main() {
  const runs = option('runs', 20);
  const documents = option('documents', 100_000);
  const now = new Date();
  measure('scenario', buildScenarioIndices(now), runs);
  measure('synthetic', syntheticIndices(documents, now, 60), Math.max(3, Math.round(runs / 4)));
}

main();
