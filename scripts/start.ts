/**
 * `npm start`: build the extension, start the sandbox world, and open Chromium with fhirside on
 * the first demo EPR. Without a display it runs headless, signs in as the demo clinician, saves a
 * screenshot of the panel beside the page, and keeps the sandbox running until Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIRST_DEMO_PATIENT } from '../sandbox/data/roster';
import { bundlesFromEnv } from '../sandbox/bundle-files';
import { SOURCES } from '../sandbox/config';
import { startSandbox } from '../sandbox/world';
import { ensureChromium } from './chromium';
import { DEMO_BUILD_COMMAND, launchWithExtension, openPanel, signInFromPanel, tabIdOf } from './extension-browser';
import { screenshotSideBySide } from './screenshot';

const SCREENSHOT = resolve(import.meta.dirname, '../.output/screenshots/panel-beside-epr.png');

async function main(): Promise<void> {
  const chromePath = ensureChromium();
  execFileSync('npx', [...DEMO_BUILD_COMMAND], { stdio: 'inherit' });
  // FHIRSIDE_LOAD=gp=bundle.json adds a FHIR Bundle's resources to a source, as `npm run sandbox -- --load` does.
  const world = await startSandbox({ bundles: bundlesFromEnv(new Set(SOURCES.map((s) => s.id))), log: (line) => console.log(line) });
  const firstPatientUrl = `${world.urls.epr1}/patient/${FIRST_DEMO_PATIENT.key}`;
  const headless = !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];

  const browser = await launchWithExtension({ chromePath, headless });
  const epr = browser.context.pages()[0] ?? (await browser.context.newPage());
  await epr.goto(firstPatientUrl);

  const stop = async () => {
    await browser.close().catch(() => undefined);
    await world.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  if (!headless) {
    console.log(`\nChromium is open on ${firstPatientUrl}.`);
    console.log('Click the fhirside button in the toolbar to open the panel, then "Sign in" (the demo clinician is pre-filled).');
    console.log('Press Ctrl-C to stop.');
    return;
  }

  const panel = await openPanel(browser, await tabIdOf(browser, epr.url()));
  await signInFromPanel(browser, panel);
  await panel.locator('.source[data-state="loading"]').first().waitFor({ state: 'detached', timeout: 60_000 });
  // Signing in scrolled the panel to its sources list; the picture starts at the banner, as a clinician sees it.
  await panel.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
  await screenshotSideBySide(browser.context, epr, panel, SCREENSHOT);
  await browser.close();
  console.log(`\nNo display found, so Chromium ran headless.`);
  console.log(`Screenshot of the panel beside ${firstPatientUrl}:\n  ${SCREENSHOT}`);
  console.log('The sandbox keeps running for your own browser; press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
