/**
 * One browser check shared by `npm start` and `npm test`: use CHROME_PATH, else Debian's
 * /usr/bin/chromium; when neither exists, install Debian's `chromium` where we can (root with
 * apt-get, as on CI), and otherwise stop and say exactly what to do. Firefox ESR the same way
 * (FIREFOX_PATH, else Debian's `firefox-esr`). Never downloads a browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';

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

/** Installs one Debian package as root, saying so; the caller checks the binary is there after. */
function aptInstall(debianPackage: string, log: (line: string) => void): void {
  log(`${debianPackage} is missing: installing Debian's "${debianPackage}" package with apt-get (running as root)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], { stdio: 'inherit', env });
}

interface BrowserCheck {
  readonly name: string;
  readonly envVariable: string;
  readonly debianPath: string;
  readonly debianPackage: string;
}

/** The configured binary, else the Debian one, installed if missing and possible. */
function ensureBrowser(check: BrowserCheck, log: (line: string) => void): string {
  const configured = process.env[check.envVariable];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`${check.envVariable} is set to ${configured}, but there is no file there.`);
  }
  if (existsSync(check.debianPath)) return check.debianPath;
  if (!canInstallWithApt()) {
    throw new Error(
      `${check.name} was not found at ${check.debianPath}.\n` +
        `Install it with:  sudo apt-get update && sudo apt-get install -y ${check.debianPackage}\n` +
        `or point ${check.envVariable} at a ${check.name} binary:  ${check.envVariable}=/path/to/binary npm test`,
    );
  }
  aptInstall(check.debianPackage, log);
  if (!existsSync(check.debianPath)) throw new Error(`apt-get finished but ${check.debianPath} is still missing.`);
  log(`Installed ${check.debianPath}.`);
  return check.debianPath;
}

/** Returns the path of a usable Chromium, installing Debian's package if needed and possible. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  return ensureBrowser({ name: 'Chromium', envVariable: 'CHROME_PATH', debianPath: DEBIAN_CHROMIUM, debianPackage: 'chromium' }, log);
}

/** Returns the path of a usable Firefox ESR, installing Debian's `firefox-esr` if needed and possible. */
export function ensureFirefox(log: (line: string) => void = console.log): string {
  return ensureBrowser({ name: 'Firefox ESR', envVariable: 'FIREFOX_PATH', debianPath: DEBIAN_FIREFOX, debianPackage: 'firefox-esr' }, log);
}
