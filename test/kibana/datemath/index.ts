/**
 * Stand-in for `@kbn/datemath`: Kibana's copy of Elastic's date math parser.
 *
 * Source: elastic/kibana:src/platform/packages/shared/kbn-datemath/index.d.ts
 * Checked at elastic/kibana@f2b3c8a688987cea1638ad18dc3586b187858182:src/platform/packages/shared/kbn-datemath/index.d.ts
 *
 * That file declares the same default export (`parse(text, { roundUp, momentInstance, forceNow })`,
 * `unitsMap`, `units`, `unitsAsc`, `unitsDesc`) as the npm package `@elastic/datemath` it was
 * forked from, which this stand-in re-exports; it also exports each of them by name, which the
 * npm package's typings do not, so they are named here too.
 */
import dateMath from '@elastic/datemath';

export type { Unit } from '@elastic/datemath';
export const { parse, unitsMap, units, unitsAsc, unitsDesc } = dateMath;
export default dateMath;
