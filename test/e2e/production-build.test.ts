/**
 * A production build (`npm run build`, `npm run zip`) carries nothing of the sandbox world: no
 * loopback host access, no demo source, rule or FHIRcast topic. On a shared terminal server any user
 * can bind a loopback port, so a demo value shipped to a trust is a way in. The same look at the demo
 * build (which scripts/e2e.ts made) finds them, so the check can fail.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../lib/config/built-in';
import { DEMO_HOOKS_GLOBAL } from '../../lib/platform/demo-hooks-contract';
import { EXTENSION_DIR } from '../../scripts/extension-browser';

const ROOT = resolve(import.meta.dirname, '../..');
const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

/** Values only the sandbox world has: a production bundle holding one is shipping the demo. */
const DEMO_VALUES = [
  ...DEMO_CONFIG.sources.map((source) => source.name),
  ...DEMO_CONFIG.contextRules.map((rule) => `"${rule.id}"`),
  ...DEMO_CONFIG.contextRules.map((rule) => `\`${rule.id}\``),
  DEMO_CONFIG.fhircast?.topic ?? 'demo FHIRcast topic missing',
  // The hook the tests use to save settings: a production build must not let anyone else do so.
  DEMO_HOOKS_GLOBAL,
];

interface Manifest {
  readonly host_permissions?: readonly string[];
  readonly content_scripts?: readonly { readonly matches?: readonly string[] }[];
  readonly web_accessible_resources?: readonly { readonly matches?: readonly string[] }[];
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const matchPatternsOf = (m: Manifest) => [
  ...(m.host_permissions ?? []),
  ...(m.content_scripts ?? []).flatMap((s) => s.matches ?? []),
  ...(m.web_accessible_resources ?? []).flatMap((r) => r.matches ?? []),
];
const scriptsOf = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
const demoValuesIn = (dir: string) => DEMO_VALUES.filter((value) => scriptsOf(dir).includes(value));

const builds = [
  { browser: 'chrome', args: [], dir: join(ROOT, '.output/chrome-mv3') },
  { browser: 'firefox', args: ['-b', 'firefox', '--mv3'], dir: join(ROOT, '.output/firefox-mv3') },
];

describe('production build', () => {
  beforeAll(() => {
    // Its own folders (.output/chrome-mv3, firefox-mv3), never the demo build the other tests load.
    for (const { args } of builds) execFileSync('npx', ['wxt', 'build', ...args], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it.each(builds)('$browser: no loopback host in the manifest', ({ dir }) => {
    expect(matchPatternsOf(manifestOf(dir)).filter((pattern) => LOOPBACK.test(pattern))).toEqual([]);
  });

  it.each(builds)('$browser: no demo source, rule or FHIRcast topic in the bundle', ({ dir }) => {
    expect(demoValuesIn(dir)).toEqual([]);
  });

  it('the same checks find the demo in the demo build', () => {
    expect(matchPatternsOf(manifestOf(EXTENSION_DIR)).filter((pattern) => LOOPBACK.test(pattern))).not.toEqual([]);
    expect(demoValuesIn(EXTENSION_DIR)).toEqual(expect.arrayContaining([DEMO_CONFIG.fhircast?.topic, DEMO_CONFIG.sources[0]?.name]));
  });
});
