/**
 * The consolidated summary in a real browser against the sandbox: de-duplication with two source
 * chips, a conflicting dose shown as a conflict, the cancer and mental-health lenses, a result added
 * at a source between two looks marked as new, and no axe-core violations on the panel.
 * With FHIRSIDE_SCREENSHOTS=1 it also saves the panel screenshots in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { axeViolations } from './axe';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const SHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const nhs = (key: string) => ROSTER.find((p) => p.key === key)!.nhsNumber;

/** Waits until the look-up for the patient on screen has finished and been drawn. */
async function lookedUp(panel: Page, key: string): Promise<void> {
  try {
    await panel.locator(`main.panel[data-patient="${patientKey(nhs(key))}"] .banner-name`).filter({ hasNotText: 'Name not yet known' }).waitFor({ timeout: 30_000 });
    await panel.locator('.freshness', { hasText: /^As of/ }).waitFor({ timeout: 60_000 });
    await panel.locator('.cached-notice').waitFor({ state: 'detached', timeout: 60_000 });
  } catch (error) {
    // Say what the panel showed instead: a timeout alone does not tell which step stalled.
    const shown = await panel.locator('body').innerText().catch(() => '(panel unreadable)');
    throw new Error(`${(error as Error).message}\nThe panel showed:\n${shown.slice(0, 1500)}`);
  }
}

/** The panel as a clinician first sees it (top of the panel), and the whole panel scrolled. */
async function shoot(panel: Page, name: string): Promise<void> {
  if (process.env['FHIRSIDE_SCREENSHOTS'] !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await panel.evaluate(() => scrollTo(0, 0));
  await panel.screenshot({ path: resolve(SHOTS, `${name}.png`) });
  await panel.screenshot({ path: resolve('/tmp', `fhirside-${name}-full.png`), fullPage: true });
}

describe('the consolidated summary, end to end', () => {
  let browser: ExtensionBrowser;
  let epr: Page;
  let panel: Page;
  /** Uncaught errors of every panel opened, filled as they happen. */
  const errors: string[][] = [];

  /** Each patient in a tab of its own with its own pinned panel, as a clinician with several records open. */
  async function openPatient(key: string): Promise<void> {
    await panel?.close();
    await epr?.close();
    ({ epr, panel } = await openEprWithPanel(browser, `${EPR1}/patient/${key}`));
    errors.push(collectPageErrors(panel));
    await panel.setViewportSize({ width: 440, height: 1100 });
  }

  beforeAll(async () => {
    browser = await launch();
    await openPatient('p04');
    await signInFromPanel(browser, panel);
    await lookedUp(panel, 'p04');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the duplicated condition once with two chips and the conflicting metformin dose as a conflict', async () => {
    const diabetes = panel.locator('.section-problems li.row', { hasText: 'Diabetes mellitus type 2' });
    expect(await diabetes.count()).toBe(1);
    expect(await diabetes.locator('.chip').allTextContents()).toEqual(['Riverside GP Practice', 'St Elsewhere Acute Trust']);
    const metformin = panel.locator('.section-medications li.row', { hasText: 'Metformin' });
    expect(await metformin.count()).toBe(2);
    expect(await metformin.locator('.badge-conflict').allTextContents()).toEqual(['Conflict', 'Conflict']);
    expect(await metformin.first().locator('.conflict-note').textContent()).toContain('Sources disagree on the dose');
    expect(await patientsShown(panel)).toEqual([patientKey(nhs('p04'))]);
    expect(await panel.locator('li.row:not([data-source])').count()).toBe(0);
    await shoot(panel, 'summary-p04-dedup-conflict');
  });

  it('copies the summary as plain text, and offers no pop-out from a panel already pinned to its tab', async () => {
    // The clipboard is the boundary: headless Chromium grants no clipboard to an extension origin,
    // so what the panel hands to it is captured there.
    await panel.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: async (text: string) => void ((window as unknown as { copied: string }).copied = text) });
    });
    await panel.getByRole('button', { name: 'Copy summary' }).click();
    await panel.locator('.copied', { hasText: 'Summary copied as plain text' }).waitFor();
    const text = await panel.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(text.split('\n')[0]).toBe('KHAN, Imran (Mr)');
    expect(text).toContain('CONFLICT: Sources disagree on the dose');
    expect(await panel.getByRole('button', { name: 'Pop out' }).count()).toBe(0);
  });

  it('has no axe-core violations on the panel', async () => {
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('shows the cancer patient\'s stage, MDT outcome and tumour marker through the cancer lens', async () => {
    await openPatient('p01');
    await lookedUp(panel, 'p01');
    await panel.getByRole('radio', { name: 'Cancer' }).check();
    const focus = panel.locator('.focus');
    await expect.poll(() => focus.locator('[data-focus="cancer-diagnoses"]').textContent()).toContain('Stage IIB');
    expect(await focus.locator('[data-focus="mdt"]').textContent()).toContain('Breast MDT outcome');
    expect(await focus.locator('[data-focus="tumour-markers"] .row-text').first().textContent()).toBe('CA 15-3');
    expect(await focus.locator('[data-focus="treatment"]').textContent()).toContain('radiotherapy');
    expect(await panel.locator('.section').first().getAttribute('data-section')).toBe('allergies');
    expect(await axeViolations(panel)).toEqual([]);
    await shoot(panel, 'summary-p01-cancer-lens');
  });

  it('shows the risk flag, crisis plan, care coordinator and lithium monitoring through the mental-health lens', async () => {
    await openPatient('p03');
    await lookedUp(panel, 'p03');
    await panel.getByRole('radio', { name: 'Mental health' }).check();
    const focus = panel.locator('.focus');
    await expect.poll(() => focus.locator('[data-focus="risk"]').textContent()).toContain('Risk to self');
    expect(await focus.locator('[data-focus="crisis"]').textContent()).toContain('Crisis and contingency plan');
    expect(await focus.locator('[data-focus="coordinator"]').textContent()).toContain('Care coordinator: Sam Okonkwo');
    expect(await focus.locator('[data-focus="lithium"]').textContent()).toContain('Lithium level');
    expect(await panel.locator('[data-focus="lithium"] li.row[data-source]').count()).toBeGreaterThan(1);
    expect(await axeViolations(panel)).toEqual([]);
    await shoot(panel, 'summary-p03-mental-health-lens');
  });

  it('marks a result added at a source since the last look', async () => {
    // A new HbA1c arrives at the acute trust between two looks: added to its Observation answers,
    // whether asked for on their own or, as a warm look-up asks, inside a batch.
    const fresh = {
      resourceType: 'Observation', id: 'p04-acute-new-hba1c', status: 'final', subject: { reference: 'Patient/p04-acute' },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://snomed.info/sct', code: '999791000000106' }], text: 'HbA1c' },
      effectiveDateTime: '2026-11-25T09:10:00Z', valueQuantity: { value: 71, unit: 'mmol/mol' },
    };
    type SearchSet = { entry?: unknown[] };
    const withFresh = (bundle: SearchSet): SearchSet => ({ ...bundle, entry: [{ resource: fresh, search: { mode: 'match' } }, ...(bundle.entry ?? [])] });
    const isObservationSearch = (url: string) => /(^|\/)Observation\?/.test(url) && !url.includes('_summary=count');
    await browser.context.route('http://127.0.0.1:8102/fhir/Observation?**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: withFresh((await response.json()) as SearchSet) });
    });
    await browser.context.route('http://127.0.0.1:8102/fhir', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const asked = (route.request().postDataJSON() as { entry: { request: { url: string } }[] }).entry;
      const response = await route.fetch();
      const batch = (await response.json()) as { entry?: { resource?: SearchSet }[] };
      const entry = (batch.entry ?? []).map((answer, i) => (answer.resource && isObservationSearch(asked[i]!.request.url) ? { ...answer, resource: withFresh(answer.resource) } : answer));
      await route.fulfill({ response, json: { ...batch, entry } });
    });
    await openPatient('p04');
    await lookedUp(panel, 'p04');
    const changes = panel.locator('.changes');
    await changes.waitFor({ timeout: 30_000 });
    expect(await changes.textContent()).toContain('New result: HbA1c');
    const hba1c = panel.locator('.section-results li.row', { has: panel.locator('.row-text', { hasText: /^HbA1c$/ }) });
    expect(await hba1c.locator('.badge-change').textContent()).toBe('New result');
    expect(await hba1c.locator('.result-value').textContent()).toBe('71 mmol/mol');
    expect(errors.flat()).toEqual([]);
  });
});
