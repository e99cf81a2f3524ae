/**
 * Two projects: pure TypeScript and server code run under node; browser code under jsdom.
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
      testMatch: ['<rootDir>/{common,server,test}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/public/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/setup_jsdom.ts'],
    },
  ],
};
