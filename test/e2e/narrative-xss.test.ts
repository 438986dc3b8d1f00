/**
 * A hostile source: narrative (`text.div`), display strings and extensions carrying script, event
 * handlers, `javascript:` URLs, CSS, media and images that load from the network (a tracker that
 * learns who viewed whom), a phishing link and markup that borrows the panel's alert styling and
 * its `data-patient` hooks. The panel holds every source's token, so none of it may run or load: a
 * canary — a global the payloads set and a host they call — must stay silent while the rows still
 * show their words.
 */
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { collectPageErrors, EPR1, launch, openEprWithPanel } from './support';

const CANARY = 'http://canary.fhirside.test';
const patient = ROSTER.find((p) => p.key === 'p05')!;
const subject = { reference: `Patient/${patient.key}-acute` };
const sing = (how: string) => `window.__canary='${how}';fetch('${CANARY}/${how}')`;

const DIV = `<div xmlns="http://www.w3.org/1999/xhtml"><p>Discharge letter</p>
<script>${sing('script')}</script>
<img src="${CANARY}/img" onerror="${sing('onerror')}"/>
<a id="hostile-link" href="javascript:${sing('js-url')}">open the letter</a>
<svg><animate onbegin="${sing('svg')}" attributeName="x" dur="1s"/></svg>
<iframe src="javascript:${sing('iframe')}"></iframe>
<div style="background:url(${CANARY}/css)">styled</div>
<style>@import '${CANARY}/style';</style>
<form action="${CANARY}/form"><button formaction="javascript:${sing('form')}">go</button></form>
<details open ontoggle="${sing('toggle')}"><summary>s</summary></details>
<math><mi xlink:href="javascript:${sing('math')}">x</mi></math>
<video src="${CANARY}/video" poster="${CANARY}/poster" autoplay></video><audio src="${CANARY}/audio" autoplay></audio>
<picture><source srcset="${CANARY}/srcset"/><img srcset="${CANARY}/img-srcset" alt="scan"/></picture>
<table background="${CANARY}/background"><tr><td colspan="2">Creatinine 88</td></tr></table>
<p class="row alert" id="allergy-alert" data-patient="9990000018" data-source="gp">Fake allergy alert</p>
<p>To read it, <a href="${CANARY}/phish">re-enter your smartcard PIN</a>.</p></div>`;
const HOSTILE_TEXT = `<img src=${CANARY}/text onerror="${sing('text')}">Hostile letter`;
const extension = [{ url: `javascript:${sing('ext-url')}`, valueString: `<script>${sing('ext')}</script>` }];

const hostile: Record<string, object> = {
  DocumentReference: {
    resourceType: 'DocumentReference', id: 'xss-doc', status: 'current', subject, date: '2026-11-20', description: HOSTILE_TEXT, extension,
    text: { status: 'generated', div: DIV },
    content: [{ attachment: { contentType: 'text/html', title: HOSTILE_TEXT, url: `javascript:${sing('attachment')}`, data: btoa(`<script>${sing('data')}</script>`) } }],
  },
  DiagnosticReport: {
    resourceType: 'DiagnosticReport', id: 'xss-report', status: 'final', subject, effectiveDateTime: '2026-11-20', extension,
    code: { text: HOSTILE_TEXT, coding: [{ system: 'http://loinc.org', code: '<script>x</script>', display: HOSTILE_TEXT }] },
    conclusion: `<script>${sing('conclusion')}</script>Conclusion in words`, text: { status: 'generated', div: DIV },
  },
  CarePlan: {
    resourceType: 'CarePlan', id: 'xss-plan', status: 'active', intent: 'plan', subject, title: HOSTILE_TEXT, extension, text: { status: 'generated', div: DIV },
  },
  AllergyIntolerance: {
    resourceType: 'AllergyIntolerance', id: 'xss-allergy', patient: subject, extension,
    clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: HOSTILE_TEXT },
    reaction: [{ manifestation: [{ text: `<svg onload="${sing('reaction')}">` }] }],
  },
};

/** Adds the hostile resource of the searched type to the acute trust's real answer. */
async function poison(route: Route): Promise<void> {
  const type = new URL(route.request().url()).pathname.split('/').pop() ?? '';
  const response = await route.fetch();
  const bundle = (await response.json()) as { entry?: unknown[] };
  const extra = hostile[type];
  await route.fulfill({ response, json: extra ? { ...bundle, entry: [{ resource: extra, search: { mode: 'match' } }, ...(bundle.entry ?? [])] } : bundle });
}

describe('hostile narrative and display strings', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders them inert: the canary neither runs nor loads, and the words are still shown', async () => {
    const canaryCalls: string[] = [];
    await browser.context.route(`${CANARY}/**`, (route) => {
      canaryCalls.push(route.request().url());
      return route.abort();
    });
    await browser.context.route(/127\.0\.0\.1:8102\/fhir\/(DocumentReference|DiagnosticReport|CarePlan|AllergyIntolerance)\?/, poison);
    // A batch answer would bypass the search routes: the acute trust's first screen comes by search too.
    await browser.context.route(/127\.0\.0\.1:8102\/fhir\/?$/, (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 501, body: '' }) : route.fallback()));

    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    const errors = collectPageErrors(panel);
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 60_000 });
    await panel.locator('.row', { hasText: 'Hostile letter' }).first().waitFor({ timeout: 30_000 });

    // Open everything a clinician could open, and follow the hostile link if it survived as one.
    await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await panel.locator('#hostile-link').click({ timeout: 2000 }).catch(() => undefined);
    await panel.waitForTimeout(1500);

    expect(await panel.evaluate(() => (window as unknown as { __canary?: string }).__canary)).toBeUndefined();
    expect(canaryCalls).toEqual([]);
    const dom = await panel.evaluate(() => {
      const all = [...document.querySelectorAll('main *')];
      return {
        scripts: document.querySelectorAll('main script, main iframe, main object, main embed, main style, main form, main img').length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
        jsUrls: all.flatMap((e) => [...e.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`)),
        styled: all.filter((e) => e.closest('.narrative') && e.hasAttribute('style')).length,
      };
    });
    expect(dom).toEqual({ scripts: 0, handlers: [], jsUrls: [], styled: 0 });
    // Nothing that loads or borrows the panel's styling or its test hooks; a link is its words and host.
    const borrowed = await panel.evaluate(() => ({
      media: document.querySelectorAll('.narrative :is(video, audio, source, picture, img, [src], [srcset], [poster], [background])').length,
      links: document.querySelectorAll('.narrative :is(a, [href])').length,
      classes: [...document.querySelectorAll('.narrative [class]')].map((e) => e.className).filter((c) => c !== 'narrative-link'),
      ids: document.querySelectorAll('.narrative [id]').length,
      hooks: document.querySelectorAll('.narrative :is([data-patient], [data-source])').length,
    }));
    expect(borrowed).toEqual({ media: 0, links: 0, classes: [], ids: 0, hooks: 0 });
    const phish = panel.locator('.narrative .narrative-link', { hasText: 'smartcard PIN' }).first();
    expect(await phish.textContent()).toBe('re-enter your smartcard PIN (link to canary.fhirside.test)');
    const pagesBefore = browser.context.pages().length;
    await phish.click();
    await panel.waitForTimeout(500);
    expect(browser.context.pages().length).toBe(pagesBefore);
    expect(canaryCalls).toEqual([]);
    // Inert, not lost: the words of the hostile resources are on screen as text.
    expect(await panel.locator('.narrative', { hasText: 'Discharge letter' }).count()).toBeGreaterThan(0);
    // Sanitised, not only flattened to text: once the sanitiser has loaded the letter keeps its paragraph and table.
    await expect.poll(() => panel.locator('.narrative p', { hasText: 'Discharge letter' }).count()).toBeGreaterThan(0);
    expect(await panel.locator('.narrative td[colspan="2"]', { hasText: 'Creatinine 88' }).count()).toBeGreaterThan(0);
    expect(await panel.locator('.section-allergies .row', { hasText: 'Hostile letter' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
