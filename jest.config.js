/**
 * Three projects: pure TypeScript and server code run under node; browser code under jsdom; and
 * the schema and validation tests again on zod 4 (`zod4`). Kibana 9.3 ships zod 3.25, whose
 * `zod/v4` subpath is what `@kbn/zod/v4` re-exports there; Kibana 9.4 and later ship zod 4.x, so
 * the same schemas must behave the same on both.
 * `@kbn/*` resolves to the stand-ins in test/kibana (standalone only, never shipped).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'classic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@kbn/(.*)$': '<rootDir>/test/kibana/$1' },
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/test/e2e/'],
  // @elastic/charts depends on uuid's ESM build; let swc compile it like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?uuid/)'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      globals: { EXPECTED_ZOD_VERSION: require('zod/package.json').version },
      testMatch: ['<rootDir>/{common,server,test}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'zod4',
      testEnvironment: 'node',
      // The `zod4` dev dependency is `npm:zod@4.x`; its `v4` entry stands in for `zod/v4`.
      moduleNameMapper: {
        '^zod/v4$': '<rootDir>/node_modules/zod4/v4/index.cjs',
        ...shared.moduleNameMapper,
      },
      globals: { EXPECTED_ZOD_VERSION: require('zod4/package.json').version },
      testMatch: [
        '<rootDir>/common/**/*.test.ts',
        '<rootDir>/server/routes/*.test.ts',
        '<rootDir>/test/zod_version.test.ts',
      ],
    },
    {
      ...shared,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/public/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/setup_jsdom.ts'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        // EUI's build for test environments, as Kibana's own jest preset maps it
        // (elastic/kibana:src/platform/packages/shared/kbn-test/jest-preset.js): icons render as
        // plain spans instead of loading SVG components one module at a time, and code blocks do
        // not highlight. Measured on the page: module loading 3.5 -> 2.6 s of CPU, first render
        // 2.8 -> 1.3 s. What only real EUI shows (highlighting, icons) is checked in the browser.
        '^@elastic/eui$': '<rootDir>/node_modules/@elastic/eui/test-env',
        '^@elastic/eui/lib/(.*)$': '<rootDir>/node_modules/@elastic/eui/test-env/$1',
        // EUI's code block imports refractor with all ~290 Prism languages, and registering them
        // walks every grammar again and again (Prism's insertBefore DFS): about 1 s of CPU per test
        // file. The core build has the few base grammars; EUI registers ES|QL on it itself.
        '^refractor$': 'refractor/core',
      },
    },
  ],
};
