import { spawnSync } from 'child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const SCRIPT = resolve(__dirname, '../scripts/ensure_setup.mjs');

/**
 * A stand-in apt-get that answers "locked" for its first `lockedRuns` calls (as apt does while
 * another apt-get holds dpkg's lock), then succeeds; it records each call's arguments.
 */
function fakeAptGet(
  lockedRuns: number,
  failure = 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)'
) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-apt-'));
  const calls = join(dir, 'calls');
  writeFileSync(calls, '');
  const command = join(dir, 'apt-get');
  writeFileSync(
    command,
    `#!/bin/sh
echo "$*" >> "${calls}"
n=$(wc -l < "${calls}")
if [ "$n" -le ${lockedRuns} ]; then echo "${failure}" >&2; exit 100; fi
exit 0
`
  );
  chmodSync(command, 0o755);
  return { command, calls: () => readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean) };
}

function runAptGet(command: string, waitSeconds: number) {
  const code = `import { aptGet } from ${JSON.stringify(SCRIPT)};
try { aptGet(['install', '-y', 'chromium'], { command: ${JSON.stringify(command)}, waitSeconds: ${waitSeconds}, pollSeconds: 0.05 }); console.log('INSTALLED'); }
catch (error) { console.log('FAILED: ' + error.message); }`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe('ensure_setup: apt-get beside another apt-get', () => {
  it('waits while another apt-get holds the lock, saying so, then installs', () => {
    const apt = fakeAptGet(2);
    const result = runAptGet(apt.command, 30);
    expect(result.stdout).toContain('INSTALLED');
    expect(result.stdout).toContain('Another apt-get or dpkg holds the package lock; waiting');
    expect(apt.calls()).toHaveLength(3);
    // apt's own lock timeout is passed too, bounded by what is left of the wait.
    expect(apt.calls()[0]).toMatch(/^-o DPkg::Lock::Timeout=\d+ install -y chromium$/);
  });

  it('gives up after the bounded wait with a message that says what to do', () => {
    const apt = fakeAptGet(1_000);
    const result = runAptGet(apt.command, 0.3);
    expect(result.stdout).toMatch(
      /FAILED: Another apt-get or dpkg held the package lock for more than 0.3 s.*run npm test again/
    );
  });

  it('fails at once on anything that is not the lock', () => {
    const apt = fakeAptGet(1, 'E: Unable to locate package chromium');
    const result = runAptGet(apt.command, 30);
    expect(result.stdout).toContain('FAILED: ');
    expect(apt.calls()).toHaveLength(1);
  });
});
