/**
 * `npx tsx scripts/screenshot-ips.ts`: the screenshot in docs/screenshots/ of someone else's data in
 * the panel — the public IPS "all sections" example (hl7.fhir.uv.ips@2.0.0) loaded into the sandbox
 * GP source with an NHS number attached, as the README's "Your own data in the sandbox" describes.
 * Builds the demo extension, starts the sandbox (so it takes the end-to-end lock), signs in, and
 * saves the panel's first screen and the lower sections.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { NHS_NUMBER_SYSTEM } from '../sandbox/config';
import { startSandbox } from '../sandbox/world';
import { ensureChromium } from './chromium';
import { runUnderE2eLock } from './e2e-lock';
import { DEMO_BUILD_COMMAND, launchWithExtension, openPanel, signInFromPanel, tabIdOf } from './extension-browser';

runUnderE2eLock();

/** A valid test-range NHS number no sandbox patient has. */
const NHS = '9990001006';
const OUT = resolve(import.meta.dirname, '../docs/screenshots');

function ipsWithNhsNumber(): unknown {
  const file = createRequire(import.meta.url).resolve('hl7.fhir.uv.ips/example/Bundle-bundle-ips-all-sections.json');
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { entry: { resource: { resourceType: string; identifier?: unknown[] } }[] };
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
  patient.identifier = [...(patient.identifier ?? []), { system: NHS_NUMBER_SYSTEM, value: NHS }];
  return bundle;
}

async function main(): Promise<void> {
  execFileSync('npx', [...DEMO_BUILD_COMMAND], { stdio: 'ignore' });
  const world = await startSandbox({ log: () => {}, bundles: [{ source: 'gp', bundle: ipsWithNhsNumber() }] });
  const browser = await launchWithExtension({ chromePath: ensureChromium(), headless: true });
  try {
    const epr = await browser.context.newPage();
    await epr.goto(`${world.urls.epr2}/app/patient/${NHS}`);
    const panel = await openPanel(browser, await tabIdOf(browser, epr.url()), { width: 420, height: 1400 });
    await signInFromPanel(browser, panel);
    await panel.locator('.freshness', { hasText: /^As of/ }).waitFor({ timeout: 60_000 });
    await panel.screenshot({ path: `${OUT}/summary-ips-all-sections.png` });
    await panel.locator('section[data-section="devices"]').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${OUT}/summary-ips-devices-family-history.png` });
  } finally {
    await browser.close();
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
