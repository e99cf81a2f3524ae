/**
 * Set-up both README commands share, using only Node's built-ins so it runs on a fresh clone:
 * install the locked npm packages when they are missing or stale, and (for browser tests) Debian's
 * Chromium when it is not on the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function sh(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

/** npm writes node_modules/.package-lock.json on install; a differing lockfile means stale. */
export function ensureNodeModules() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const locked = join(root, 'package-lock.json');
  const lockedPackages = JSON.parse(readFileSync(locked, 'utf8')).packages ?? {};
  const current = existsSync(installed)
    ? (JSON.parse(readFileSync(installed, 'utf8')).packages ?? {})
    : {};
  const stale = Object.entries(lockedPackages).some(
    ([path, meta]) => path !== '' && !meta.optional && current[path]?.version !== meta.version
  );
  if (!stale) return;
  console.log('Installing npm packages from package-lock.json …');
  sh('npm', ['ci', '--no-audit', '--no-fund']);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install Debian's chromium package or set CHROMIUM_PATH.`
    );
  }
  console.log("Installing Debian's chromium for the browser tests …");
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', 'chromium']);
}
