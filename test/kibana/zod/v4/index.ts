/**
 * Stand-in for `@kbn/zod/v4`. Kibana's package re-exports zod's v4 API unchanged
 * (elastic/kibana:src/platform/packages/shared/kbn-zod/v4/index.ts), so the stand-in is zod itself.
 */
export * from 'zod/v4';
