// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_RULES } from '@/lib/config/defaults';
import { scanPage } from '@/lib/context/page-scan';

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
