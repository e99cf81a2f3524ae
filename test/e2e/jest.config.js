/** Browser tests: the harness in real Chromium, one file at a time. */
const base = require('../../jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120_000,
};
