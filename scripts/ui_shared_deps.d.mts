/** Types for ui_shared_deps.mjs, read by the TypeScript benchmarks. */
export declare const UI_SHARED_DEPS: ReadonlySet<string>;
