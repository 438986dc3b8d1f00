/** `npm run test:e2e`: make sure Chromium is there, build the extension, run the browser tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';

const LOCK = '/tmp/fhirside-e2e.lock';

// The sandbox listens on fixed ports and the build has one output folder: two end-to-end runs on
// one machine take turns, the second waiting for the first under a file lock.
if (!process.env['FHIRSIDE_E2E_LOCKED'] && spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0) {
  const locked = spawnSync('flock', [LOCK, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, FHIRSIDE_E2E_LOCKED: '1' },
  });
  process.exit(locked.status ?? 1);
}

const chromePath = ensureChromium();
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromePath } });

try {
  run('npx', ['wxt', 'build']);
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
} catch {
  process.exit(1);
}
