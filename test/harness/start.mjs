#!/usr/bin/env node
// `npm start`: installs the locked packages when needed, then runs the harness (TypeScript, via tsx).
import { spawn } from 'node:child_process';
import { ensureNodeModules, root } from '../../scripts/ensure_setup.mjs';

ensureNodeModules();
const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
