// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { PatientContext } from '@/lib/context/patient-context';
import type { LookupView } from '@/lib/lookup';
import { firstScreenCopy } from '@/lib/summary/first-screen-copy';
import type { Summary } from '@/lib/summary/model';
import { patientKeyOf, rosterPatient, sandboxSummary } from '../fixtures/sandbox-summary';

const sources = [{ id: 'gp', name: 'Riverside GP Practice' }, { id: 'acute', name: 'St Elsewhere Acute Trust' }];
const NOW = new Date('2026-11-26T10:30:00').getTime();

/** The panel's text for a saved copy of p10 (thousands of values per vital sign), as first drawn. */
function shownText(summary: Summary): string {
  const p = rosterPatient('p10');
  const context: PatientContext = { key: patientKeyOf(p), identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber }, origin: 'page', url: 'x', detectedAt: 0 };
  const view: LookupView = { context, cached: { value: summary, savedAt: NOW - 60_000 }, sources: { gp: { state: 'loading' }, acute: { state: 'loading' } }, complete: false };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel report={{ kind: 'patient', context }} view={view} sources={sources} onSignIn={() => {}} signingIn={false} now={NOW} />, root);
  return [...root.querySelectorAll('li[data-row]')].map((li) => li.textContent ?? '').join('\n');
}

afterEach(() => document.body.replaceChildren());

describe('a saved record drawn first from its first-screen copy', () => {
  it('reads exactly as the whole saved summary does: newest values, counts, sources', () => {
    const whole = sandboxSummary('p10');
    const copy = firstScreenCopy(whole)!;
    expect(copy.sections.vitals.some((row) => row.result?.thinned)).toBe(true);
    const text = shownText(whole);
    expect(text).toMatch(/\d{4} values/);
    expect(shownText(copy)).toBe(text);
  });
});
