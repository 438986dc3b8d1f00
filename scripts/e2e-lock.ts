/**
 * The sandbox listens on fixed ports and the build has one output folder: end-to-end runs and the
 * bench on one machine take turns. The process re-runs itself under `flock` and waits its turn.
 */
import { spawnSync } from 'node:child_process';

const LOCK = '/tmp/fhirside-e2e.lock';

/** Call first thing: returns only in the process that holds the lock (or where flock is missing). */
export function runUnderE2eLock(): void {
  if (process.env['FHIRSIDE_E2E_LOCKED'] || spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status !== 0) return;
  const locked = spawnSync('flock', [LOCK, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, FHIRSIDE_E2E_LOCKED: '1' },
  });
  process.exit(locked.status ?? 1);
}
