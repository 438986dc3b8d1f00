/**
 * One browser check shared by `npm start` and `npm test`: use CHROME_PATH, else Debian's
 * /usr/bin/chromium; when neither exists, install Debian's `chromium` where we can (root with
 * apt-get, as on CI), and otherwise stop and say exactly what to do. Never downloads a browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for running Chromium on a locked-down machine without a sandbox-capable kernel. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
];

function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Returns the path of a usable Chromium, installing Debian's package if needed and possible. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const configured = process.env['CHROME_PATH'];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROME_PATH is set to ${configured}, but there is no file there.`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (!canInstallWithApt()) {
    throw new Error(
      'Chromium was not found at /usr/bin/chromium.\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chromium or Chrome binary:  CHROME_PATH=/path/to/chrome npm test',
    );
  }
  log('Chromium is missing: installing Debian\'s "chromium" package with apt-get (running as root)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(DEBIAN_CHROMIUM)) throw new Error('apt-get finished but /usr/bin/chromium is still missing.');
  log(`Installed ${DEBIAN_CHROMIUM}.`);
  return DEBIAN_CHROMIUM;
}
