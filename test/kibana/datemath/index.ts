/**
 * Stand-in for `@kbn/datemath`: Kibana's copy of Elastic's date math parser, with the same default
 * export (`parse(text, { roundUp, momentInstance, forceNow })`, `unitsMap`, `units`…) as the npm
 * package `@elastic/datemath` it was forked from
 * (elastic/kibana:src/platform/packages/shared/kbn-datemath/index.d.ts).
 */
export { default } from '@elastic/datemath';
export * from '@elastic/datemath';
