/**
 * `npm run test:e2e`: make sure Chromium and Firefox ESR are there, build the extension for each,
 * run the browser tests. Files named on the command line run in their own browser: test/e2e/ in
 * Chromium, test/e2e-firefox/ in Firefox; with none named, both suites run.
 */
import { execFileSync } from 'node:child_process';
import { ensureChromium, ensureFirefox } from './chromium';
import { runUnderE2eLock } from './e2e-lock';
import { DEMO_BUILD_COMMAND } from './extension-browser';

runUnderE2eLock();

/** The build each suite tests, in one place. */
const BUILDS = {
  chromium: DEMO_BUILD_COMMAND,
  firefox: [...DEMO_BUILD_COMMAND, '-b', 'firefox', '--mv3'],
} as const;

const CONFIGS = { chromium: 'vitest.e2e.config.ts', firefox: 'vitest.e2e-firefox.config.ts' } as const;

const args = process.argv.slice(2);
const named = args.filter((arg) => !arg.startsWith('-'));
const options = args.filter((arg) => arg.startsWith('-'));
const isFirefoxFile = (file: string) => file.includes('e2e-firefox/');
const suites: { browser: keyof typeof BUILDS; files: string[] }[] =
  named.length === 0
    ? [
        { browser: 'chromium', files: [] },
        { browser: 'firefox', files: [] },
      ]
    : [
        { browser: 'chromium' as const, files: named.filter((file) => !isFirefoxFile(file)) },
        { browser: 'firefox' as const, files: named.filter(isFirefoxFile) },
      ].filter((suite) => suite.files.length > 0);

const env = {
  ...process.env,
  CHROME_PATH: ensureChromium(),
  ...(suites.some((suite) => suite.browser === 'firefox') && { FIREFOX_PATH: ensureFirefox() }),
};
const run = (command: string, commandArgs: readonly string[]) => execFileSync(command, commandArgs, { stdio: 'inherit', env });

try {
  for (const suite of suites) {
    run('npx', BUILDS[suite.browser]);
    run('npx', ['vitest', 'run', '--config', CONFIGS[suite.browser], ...options, ...suite.files]);
  }
} catch {
  process.exit(1);
}
