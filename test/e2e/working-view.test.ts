/**
 * The clinician's working view in a real browser against the sandbox: find narrows the record,
 * says what allergies it hides and clears on a switch of patient; expand and collapse all; the
 * timeline newest first and filtered by source; p08's medicines grouped the UK way; the print view
 * with its banner, summary sources and NHS-number footer; axe-clean, and nothing of it overflows a
 * 360 px panel at 200 % zoom. With FHIRSIDE_SCREENSHOTS=1 it saves the timeline and print screenshots.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const nhs = (key: string) => ROSTER.find((p) => p.key === key)!.nhsNumber;

async function lookedUp(panel: Page, key: string): Promise<void> {
  await panel.locator(`main.panel[data-patient="${patientKey(nhs(key))}"] .banner-name`).filter({ hasNotText: 'Name not yet known' }).waitFor({ timeout: 30_000 });
  await panel.locator('.freshness', { hasText: /^As of/ }).waitFor({ timeout: 60_000 });
}

async function axeViolations(panel: Page): Promise<string[]> {
  await panel.evaluate(readFileSync(AXE, 'utf8'));
  return panel.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document.querySelector('main')!)).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const SCREENSHOTS = process.env['FHIRSIDE_SCREENSHOTS'] === '1';

async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}

describe('the working view, end to end', () => {
  let browser: ExtensionBrowser;
  let epr: Page;
  let panel: Page;
  let errors: string[] = [];
  const rowTexts = () => panel.locator('li.row .row-text').allTextContents();

  beforeAll(async () => {
    browser = await launch();
    ({ epr, panel } = await openEprWithPanel(browser, `${EPR1}/patient/p08`));
    errors = collectPageErrors(panel);
    await panel.setViewportSize({ width: 440, height: 1000 });
    await signInFromPanel(browser, panel);
    await lookedUp(panel, 'p08');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('groups p08\'s medicines: repeats, acutes of the year, stopped in the last 6 months, earlier', async () => {
    const group = (id: string) => panel.locator(`[data-medicines="${id}"] li.row .row-text`).allTextContents();
    expect(await group('repeats')).toEqual(['Salbutamol 100micrograms/dose inhaler CFC free', 'Sertraline 50mg tablets']);
    expect(await group('acutes')).toEqual(['Amoxicillin 500mg capsules']);
    expect(await panel.locator('.medicine-folded > summary').allTextContents()).toEqual(['Stopped in the last 6 months (1)', 'Earlier medicines (1)']);
    expect(await panel.locator('[data-medicines="repeats"] li.row', { hasText: 'Sertraline' }).locator('.medicine-facts').textContent()).toBe('Repeat · Quantity 28 tablet · Last issued 04-Nov-2026 · 11 issued · Review due 15-Feb-2027');
    if (SCREENSHOTS) {
      await panel.locator('.medicine-folded > summary').first().click();
      await panel.locator('.section-medications').screenshot({ path: resolve(SHOTS, 'medicines-p08.png') });
      await panel.locator('.medicine-folded > summary').first().click();
    }
  });

  it('finds in the record, saying how many allergies it hides, and clears when the EPR opens another patient', async () => {
    await panel.keyboard.press('/');
    await panel.keyboard.type('sertraline');
    expect(await rowTexts()).toEqual(['Sertraline 50mg tablets']);
    expect(await panel.locator('.section-allergies .find-hidden-allergies').textContent()).toBe('1 allergy is hidden by find. Clear find to see every allergy.');
    expect(await panel.locator('.section-medications .count').textContent()).toBe('(1 of 5)');
    await epr.goto(`${EPR1}/patient/p04`);
    await lookedUp(panel, 'p04');
    expect(await panel.locator('#find-input').inputValue()).toBe('');
    expect(await panel.locator('.section-medications li.row').count()).toBeGreaterThan(2);
    expect(await panel.locator('.find-hidden-allergies').count()).toBe(0);
    expect(await patientsShown(panel)).toEqual([patientKey(nhs('p04'))]);
  });

  it('collapses and expands every section but allergies, by button and by key', async () => {
    // Each section follows the signal in an effect, after the next paint: polled, not read at once.
    await panel.getByRole('button', { name: 'Collapse all' }).click();
    await expect.poll(() => panel.locator('.section-toggle[aria-expanded="true"]').count()).toBe(0);
    expect(await panel.locator('.section-allergies li.row').count()).toBeGreaterThan(0);
    await expect.poll(() => panel.locator('.section-problems li.row').count()).toBe(0);
    await panel.locator('body').press('e');
    await expect.poll(() => panel.locator('.section-toggle[aria-expanded="false"]').count()).toBe(0);
    await expect.poll(() => panel.locator('.section-problems li.row').count()).toBeGreaterThan(0);
    // j moves to the next row, n to the next section's heading.
    await panel.keyboard.press('j');
    expect(await panel.evaluate(() => document.activeElement?.closest('.section')?.getAttribute('data-section'))).toBe('allergies');
    await panel.keyboard.press('n');
    expect(await panel.evaluate(() => document.activeElement?.closest('.section')?.getAttribute('data-section'))).toBe('alerts');
  });

  it('lists the timeline newest first with gaps, and filters it by source', async () => {
    // Opened by "expand all" above, as every section is.
    expect(await panel.locator('#title-timeline button').getAttribute('aria-expanded')).toBe('true');
    const events = panel.locator('.timeline-event');
    const dates = await events.evaluateAll((list) => list.map((e) => e.querySelector('.timeline-date')!.textContent!));
    const iso = dates.map((d) => new Date(`${d} UTC`).toISOString());
    expect(iso.length).toBeGreaterThan(5);
    expect(iso).toEqual([...iso].sort().reverse());
    await panel.locator('#title-timeline').scrollIntoViewIfNeeded();
    await shoot(panel, 'timeline-p04');
    // The banner stays in view however far the record is scrolled.
    await panel.evaluate(() => scrollTo(0, document.body.scrollHeight));
    expect((await panel.locator('.banner').boundingBox())?.y).toBe(0);
    await panel.locator('.timeline-filters label', { hasText: 'Riverside GP Practice' }).click();
    const sources = await events.evaluateAll((list) => list.map((e) => e.getAttribute('data-sources')!));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.split(' ').includes('acute'))).toBe(true);
  });

  it('has no axe-core violations with find, the keyboard help and the timeline open', async () => {
    await panel.locator('.section-jumps > summary').click();
    await panel.locator('.keyboard-help > summary').click();
    expect(await axeViolations(panel)).toEqual([]);
    await panel.keyboard.press('Escape');
  });

  it('keeps every new element within a 360 px panel at 200 % zoom (180 CSS px)', async () => {
    await panel.setViewportSize({ width: 180, height: 640 });
    const overflowing = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.find-bar, .find-row, .section-jumps, .medicines, .medicine-facts, .timeline, .timeline-event, .timeline-filters, .keyboard-help-body')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.className),
    );
    expect(overflowing).toEqual([]);
    await panel.setViewportSize({ width: 440, height: 1000 });
  });

  it('prints with the banner, the sources and time of the summary, the lens and the NHS-number footer', async () => {
    expect(await panel.getByRole('button', { name: 'Print' }).count()).toBe(1);
    await panel.emulateMedia({ media: 'print' });
    expect(await panel.locator('.banner-name').isVisible()).toBe(true);
    expect(await panel.locator('.print-header').textContent()).toMatch(/Summary from Riverside GP Practice, St Elsewhere Acute Trust\. Fetched .*\. General view\./);
    expect(await panel.locator('.print-footer').textContent()).toContain('NHS No. 999 ');
    expect(await panel.locator('.toolbar').isVisible()).toBe(false);
    expect(await panel.locator('.find-bar').isVisible()).toBe(false);
    expect(await panel.locator('.print-pages > thead').evaluate((e) => [getComputedStyle(e).display, e.querySelector('.banner-name')?.textContent])).toEqual(['table-header-group', 'KHAN, Imran (Mr)']);
    expect(await panel.locator('.print-pages > tfoot .print-footer').isVisible()).toBe(true);
    await shoot(panel, 'print-view-p04');
    const pdf = await panel.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (SCREENSHOTS) writeFileSync('/tmp/fhirside-print-p04.pdf', pdf);
    await panel.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});
