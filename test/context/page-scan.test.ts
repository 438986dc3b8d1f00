// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_RULES } from '@/lib/config/defaults';
import { scanPage } from '@/lib/context/page-scan';
import type { ContextRule } from '@/lib/context/rules';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('reading the patient off an EPR page', () => {
  it('takes the NHS number and date of birth from the Riverside PAS banner', () => {
    const doc = page(`<div id="patient-banner"><span class="nhs-number">NHS No. 999 000 0018</span><span class="dob" data-dob="1962-03-14">14-Mar-1962</span></div>`);
    const report = scanPage(doc, 'http://127.0.0.1:8110/patient/p01', DEFAULT_CONTEXT_RULES, 1);
    expect(report).toMatchObject({
      kind: 'patient',
      context: { key: 'https://fhir.nhs.uk/Id/nhs-number|9990000018', birthDate: '1962-03-14', origin: 'page' },
    });
  });

  it('takes the NHS number from the URL on Northfield ClinicalWorks', () => {
    const report = scanPage(page('<section class="pt-header">Okafor</section>'), 'http://127.0.0.1:8111/app/patient/9990158398', DEFAULT_CONTEXT_RULES);
    expect(report.kind === 'patient' && report.context.identifier.value).toBe('9990158398');
  });

  it('refuses a number that fails the check digit, and says what it found', () => {
    const report = scanPage(page('<p>NHS Number: 999 000 0019</p>'), 'https://epr.example.nhs.uk/x', DEFAULT_CONTEXT_RULES);
    expect(report).toEqual({ kind: 'rejected', url: 'https://epr.example.nhs.uk/x', found: '999 000 0019', reason: 'its check digit is wrong' });
  });

  it('finds a labelled NHS number anywhere on another site', () => {
    const report = scanPage(page('<main><p>Patient: Jo Bloggs</p><p>NHS No. 943 476 5919</p></main>'), 'https://other.example/', DEFAULT_CONTEXT_RULES);
    expect(report.kind === 'patient' && report.context.identifier.value).toBe('9434765919');
  });

  it('reports no patient on a page without one', () => {
    expect(scanPage(page('<h1>Ward list</h1>'), 'http://127.0.0.1:8110/', DEFAULT_CONTEXT_RULES).kind).toBe('none');
  });
});

const rule = (extra: Omit<ContextRule, 'id' | 'urlPattern'>): ContextRule[] => [{ id: 'r', urlPattern: '^https://epr/', ...extra }];
const EPR = 'https://epr/patient';
const banner: Omit<ContextRule, 'id' | 'urlPattern'> = { identifier: { from: 'selector', selector: '.nhs' }, birthDate: { selector: '.dob' }, name: { selector: '.name' } };

describe('reading a page that cannot be trusted', () => {
  it('ignores the previous patient\'s banner kept hidden in the page', () => {
    const doc = page(`<div hidden><span class="nhs">999 000 0018</span></div>
      <div style="display:none"><span class="nhs">999 015 8398</span></div>
      <div style="visibility:hidden"><span class="nhs">999 023 7581</span></div>
      <div><span class="nhs">999 095 0296</span></div>`);
    const report = scanPage(doc, EPR, rule(banner));
    expect(report.kind === 'patient' && report.context.identifier.value).toBe('9990950296');
  });

  it('picks no patient when the page shows two different NHS numbers, and says which', () => {
    const doc = page('<span class="nhs">999 000 0018</span><span class="nhs">999 015 8398</span>');
    expect(scanPage(doc, EPR, rule(banner))).toEqual({
      kind: 'ambiguous', url: EPR, found: ['999 000 0018', '999 015 8398'], reason: 'the page shows 2 different NHS numbers',
    });
  });

  it('counts one number written twice (a sticky header and the banner) as one', () => {
    const doc = page('<span class="nhs">999 000 0018</span><span class="nhs">9990000018</span>');
    expect(scanPage(doc, EPR, rule(banner)).kind).toBe('patient');
  });

  it('picks no patient for two labelled numbers anywhere in the text, hidden text aside', () => {
    const doc = page('<p>NHS No. 943 476 5919</p><p>Mother: NHS Number 999 000 0018</p><p hidden>NHS No. 999 015 8398</p>');
    const report = scanPage(doc, EPR, rule({ identifier: { from: 'text' } }));
    expect(report).toMatchObject({ kind: 'ambiguous', found: ['943 476 5919', '999 000 0018'] });
  });

  it('reads a label and a number split across elements, but not script or style text', () => {
    const doc = page('<span>NHS No.</span><b>943 476 5919</b><script>var x = "NHS No. 999 000 0018"</script><style>/* NHS No. 999 015 8398 */</style>');
    const report = scanPage(doc, EPR, rule({ identifier: { from: 'text' } }));
    expect(report.kind === 'patient' && report.context.identifier.value).toBe('9434765919');
  });

  it('gives up on a page too large to check within its budget, and says so', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<p>row ${i}</p>`).join('');
    const doc = page(`<p>NHS No. 943 476 5919</p>${rows}`);
    const report = scanPage(doc, EPR, rule({ identifier: { from: 'text' } }), { budget: { maxNodes: 1000, maxChars: 1e6, maxMs: 1000, now: () => 0 } });
    expect(report).toMatchObject({ kind: 'ambiguous', reason: expect.stringMatching(/too large/) });
    const slow = scanPage(doc, EPR, rule({ identifier: { from: 'text' } }), { budget: { maxNodes: 1e6, maxChars: 1e6, maxMs: 5, now: (() => { let t = 0; return () => (t += 1); })() } });
    expect(slow.kind).toBe('ambiguous');
  });

  it('reads the date of birth as the page writes it, and the name for display', () => {
    const doc = page('<span class="nhs">943 476 5919</span><span class="dob">14-Jul-1945</span><span class="name">WALSH, Patricia</span>');
    expect(scanPage(doc, EPR, rule(banner))).toMatchObject({ kind: 'patient', context: { birthDate: '1945-07-14', displayName: 'WALSH, Patricia' } });
    const slashes = page('<span class="nhs">943 476 5919</span><span class="dob">14/07/1945</span>');
    expect(scanPage(slashes, EPR, rule(banner))).toMatchObject({ context: { birthDate: '1945-07-14' } });
  });

  it('picks no patient when the page shows two dates of birth', () => {
    const doc = page('<span class="nhs">943 476 5919</span><span class="dob">1945-07-14</span><span class="dob">1962-03-14</span>');
    expect(scanPage(doc, EPR, rule(banner))).toMatchObject({ kind: 'ambiguous', reason: 'the page shows more than one date of birth' });
  });

  it('takes a local MRN by its own system, without the NHS number check', () => {
    const doc = page('<span class="mrn">RX901-000123</span>');
    const report = scanPage(doc, EPR, rule({ identifier: { from: 'selector', selector: '.mrn' }, system: 'https://trust.example/mrn' }));
    expect(report).toMatchObject({ kind: 'patient', context: { key: 'https://trust.example/mrn|RX901-000123' } });
  });

  it('finds nothing (rather than failing) with an invalid selector or URL pattern in configuration', () => {
    const doc = page('<span class="nhs">943 476 5919</span>');
    expect(scanPage(doc, EPR, rule({ identifier: { from: 'selector', selector: '[[[' } })).kind).toBe('none');
    expect(scanPage(doc, EPR, rule({ identifier: { from: 'url', pattern: '(' } })).kind).toBe('none');
  });
});

describe('previewing a page from its markup alone', () => {
  it('counts what CSS hides as shown, but never what the markup hides, by selector and in the text', () => {
    const doc = page(`<div hidden><span class="nhs">NHS No. 999 000 0018</span></div>
      <div style="display:none"><span class="nhs">NHS No. 999 015 8398</span></div>
      <div><span class="nhs">NHS No. 999 095 0296</span></div>`);
    const exact = scanPage(doc, EPR, rule(banner));
    expect(exact.kind === 'patient' && exact.context.identifier.value).toBe('9990950296');
    const preview = { visibility: 'markup' } as const;
    expect(scanPage(doc, EPR, rule(banner), preview)).toMatchObject({ kind: 'ambiguous', found: ['999 015 8398', '999 095 0296'] });
    expect(scanPage(doc, EPR, rule({ identifier: { from: 'text' } }), preview)).toMatchObject({ kind: 'ambiguous', found: ['999 015 8398', '999 095 0296'] });
  });

  it('gives the exact answer for a page that hides nothing with CSS', () => {
    const doc = page('<span class="nhs">943 476 5919</span><span class="dob">14-Jul-1945</span><span class="name">WALSH, Patricia</span>');
    expect(scanPage(doc, EPR, rule(banner), { now: 1, visibility: 'markup' })).toEqual(scanPage(doc, EPR, rule(banner), { now: 1 }));
  });
});
