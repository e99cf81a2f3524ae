#!/usr/bin/env node
/**
 * The project's one test command: check formatting and lint (fast, so they come first), type-check
 * everything, lay out the plugin's zip and check it, run the unit and component tests, then the
 * browser tests, and end with one summary line of passed and failed counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureNodeModules, root } from './ensure_setup.mjs';

ensureNodeModules();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = { passed: 0, failed: 0 };
let exitCode = 0;

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) exitCode = 1;
  return result.status === 0;
}

function jest(label, extraArgs) {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'entra-sp-hunt-')), 'jest.json');
  run(label, bin('jest'), ['--ci', '--json', `--outputFile=${outputFile}`, ...extraArgs]);
  if (!existsSync(outputFile)) {
    results.failed += 1;
    console.log(`${label}: no results were written`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
}

/** A whole-project check (formatter, linter, type-checker) counts as one test. */
function check(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else results.failed += 1;
}

check('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
check('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
check('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('build check (what plugin-helpers build would zip)', process.execPath, [
  join(root, 'scripts', 'build_check.mjs'),
]);
jest('unit and component tests (jest)', []);
if (existsSync(join(root, 'test/e2e/jest.config.js'))) {
  ensureChromium();
  jest('browser tests (Playwright + Chromium)', ['-c', 'test/e2e/jest.config.js', '--runInBand']);
}

console.log(`\nSummary: ${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode || (results.failed > 0 ? 1 : 0));
