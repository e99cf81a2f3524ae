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

/** How long set-up waits for another apt-get or dpkg to release the package lock. */
export const APT_LOCK_WAIT_SECONDS = Number(process.env.APT_LOCK_WAIT_SECONDS ?? 600);
/** What apt says when another process holds one of its locks (dpkg's, or the lists directory's). */
const APT_LOCKED =
  /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock (?:the administration )?directory|is another process using it/;

function sleepSeconds(seconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

/**
 * Runs apt-get, waiting (bounded) while another apt-get or dpkg holds the package lock, as on a
 * machine where other work installs packages at the same time. apt's own `DPkg::Lock::Timeout`
 * covers dpkg's lock; `apt-get update` takes the lists lock without waiting, so a locked run is
 * also retried here until the deadline, with a message saying what is being waited for.
 */
export function aptGet(
  args,
  {
    waitSeconds = APT_LOCK_WAIT_SECONDS,
    pollSeconds = 5,
    command = 'apt-get',
    log = console.log,
  } = {}
) {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    const result = spawnSync(command, ['-o', `DPkg::Lock::Timeout=${remaining}`, ...args], {
      cwd: root,
      stdio: ['inherit', 'inherit', 'pipe'],
      encoding: 'utf8',
    });
    process.stderr.write(result.stderr ?? '');
    if (result.status === 0) return;
    if (!APT_LOCKED.test(result.stderr ?? '')) {
      throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Another apt-get or dpkg held the package lock for more than ${waitSeconds} s, so "${command} ${args.join(' ')}" could not run. Let it finish (ps -C apt-get,dpkg shows it), then run npm test again; APT_LOCK_WAIT_SECONDS sets how long to wait.`
      );
    }
    log(
      `Another apt-get or dpkg holds the package lock; waiting for it (at most ${remaining} s more) …`
    );
    sleepSeconds(Math.min(pollSeconds, remaining));
  }
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
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', 'chromium']);
}
