/** `npm run test:e2e`: make sure Chromium is there, build the extension, run the browser tests. */
import { execFileSync } from 'node:child_process';
import { ensureChromium } from './chromium';
import { runUnderE2eLock } from './e2e-lock';
import { DEMO_BUILD_COMMAND } from './extension-browser';

runUnderE2eLock();

const chromePath = ensureChromium();
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromePath } });

try {
  run('npx', [...DEMO_BUILD_COMMAND]);
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
} catch {
  process.exit(1);
}
