/**
 * Stand-in for `@kbn/zod/v4`.
 * Mirrors elastic/kibana:src/platform/packages/shared/kbn-zod/v4/index.ts, which re-exports
 * `zod/v4` (on Kibana 9.3 from zod 3.25's v4 layer, on 9.4+ from zod 4).
 */
export * from 'zod/v4';
