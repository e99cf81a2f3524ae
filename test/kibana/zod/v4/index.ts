/**
 * Stand-in for `@kbn/zod/v4`.
 *
 * Source: elastic/kibana:src/platform/packages/shared/kbn-zod/v4/index.ts
 * Checked at elastic/kibana@0079f10619fd860ceaf7f0fa1121296796e3940b:src/platform/packages/shared/kbn-zod/v4/index.ts
 *
 * That file is `export * from 'zod/v4'`, so the stand-in is zod itself: zod 3.25's `zod/v4` in
 * Kibana 9.3, zod 4's in 9.4 and later (the `zod4` jest project runs the schema tests on it).
 */
export * from 'zod/v4';
