/**
 * The hostile source's payloads, shared by the Chromium and Firefox narrative tests: narrative
 * (`text.div`), display strings and extensions carrying script, event handlers, `javascript:` URLs,
 * CSS, media and images that load from the network (a tracker that learns who viewed whom), a
 * phishing link and markup that borrows the panel's alert styling and its `data-patient` hooks.
 * Each payload, if it ran or loaded, would set `window.__canary` or call the canary host.
 */
import { ROSTER } from '../../sandbox/data/roster';

export const CANARY = 'http://canary.fhirside.test';
export const patient = ROSTER.find((p) => p.key === 'p05')!;
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

/** One hostile resource per searched type, added to the acute trust's real answer. */
export const hostile: Record<string, object> = {
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

/** The FHIR searches the hostile resources are added to (the acute trust's), as a URL test. */
export const POISONED_SEARCH = /127\.0\.0\.1:8102\/fhir\/(DocumentReference|DiagnosticReport|CarePlan|AllergyIntolerance)\?/;

/** A search answer with the hostile resource of its type added first. */
export function poisoned(url: string, bundle: { entry?: unknown[] }): object {
  const type = new URL(url).pathname.split('/').pop() ?? '';
  const extra = hostile[type];
  return extra ? { ...bundle, entry: [{ resource: extra, search: { mode: 'match' } }, ...(bundle.entry ?? [])] } : bundle;
}

/** Run in the panel page: what of the payloads survived as live markup (all must be zero or empty). */
export function liveMarkup() {
  const all = [...document.querySelectorAll('main *')];
  return {
    scripts: document.querySelectorAll('main script, main iframe, main object, main embed, main style, main form, main img').length,
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
    jsUrls: all.flatMap((e) => [...e.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`)),
    styled: all.filter((e) => e.closest('.narrative') && e.hasAttribute('style')).length,
  };
}

/** Run in the panel page: narrative that loads, links, or borrows the panel's styling or test hooks. */
export function borrowedMarkup() {
  return {
    media: document.querySelectorAll('.narrative :is(video, audio, source, picture, img, [src], [srcset], [poster], [background])').length,
    links: document.querySelectorAll('.narrative :is(a, [href])').length,
    classes: [...document.querySelectorAll('.narrative [class]')].map((e) => e.className).filter((c) => c !== 'narrative-link'),
    ids: document.querySelectorAll('.narrative [id]').length,
    hooks: document.querySelectorAll('.narrative :is([data-patient], [data-source])').length,
  };
}

export const NOTHING_LIVE = { scripts: 0, handlers: [], jsUrls: [], styled: 0 };
export const NOTHING_BORROWED = { media: 0, links: 0, classes: [], ids: 0, hooks: 0 };
