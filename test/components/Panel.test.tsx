// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { PageContextReport } from '@/lib/context/patient-context';
import type { LookupView } from '@/lib/lookup';
import { combineSources } from '@/lib/summary/combine';
import { buildSourceSummary } from '@/lib/summary/source-summary';
import { hollowayContext, hollowayPatient, hollowayResources, okaforContext } from '../fixtures';

const sources = [{ id: 'gp', name: 'Riverside GP Practice' }];
const hollowayReport: PageContextReport = { kind: 'patient', context: hollowayContext };
const hollowaySummary = combineSources(hollowayContext.key, { patientKey: hollowayContext.key }, [
  buildSourceSummary({ sourceId: 'gp', patientKey: hollowayContext.key, patient: hollowayPatient, resources: hollowayResources }),
]);
const NOW = new Date('2026-11-26T10:30:00').getTime();

function show(report: PageContextReport | undefined, view?: LookupView): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel report={report} view={view} sources={sources} onSignIn={() => {}} signingIn={false} now={NOW} />, root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('the panel', () => {
  it('says there is no patient when the page shows none', () => {
    expect(show({ kind: 'none', url: 'x' }).textContent).toContain('No patient on this page');
  });

  it('explains a rejected NHS number instead of looking anyone up', () => {
    const text = show({ kind: 'rejected', url: 'x', found: '9990000019', reason: 'its check digit is wrong' }).textContent;
    expect(text).toContain('999 000 0019');
    expect(text).toContain('its check digit is wrong');
  });

  it('shows the live summary with the CUI banner and source chips', () => {
    const root = show(hollowayReport, { context: hollowayContext, live: hollowaySummary, sources: { gp: { state: 'done', resourceCount: 4 } }, complete: true });
    expect(root.querySelector('.banner-name')?.textContent).toBe('HOLLOWAY, Susan Jane (Mrs)');
    expect(root.querySelector('.banner')?.textContent).toContain('14-Mar-1962');
    expect(root.querySelector('.banner-nhs')?.textContent).toBe('999 000 0018');
    const allergy = root.querySelector('.section-allergies li');
    expect(allergy?.textContent).toContain('Penicillin');
    expect(allergy?.textContent).toContain('Riverside GP Practice');
    expect(allergy?.getAttribute('data-patient')).toBe(hollowayContext.key);
    expect(root.querySelector('.cached-notice')).toBeNull();
  });

  it("never draws a look-up made for another patient, even for one frame", () => {
    const root = show({ kind: 'patient', context: okaforContext }, { context: hollowayContext, live: hollowaySummary, sources: {}, complete: true });
    expect(root.textContent).not.toContain('HOLLOWAY');
    expect(root.querySelectorAll('[data-patient]').length).toBeGreaterThan(0);
    for (const el of root.querySelectorAll('[data-patient]')) expect(el.getAttribute('data-patient')).toBe(okaforContext.key);
  });

  it('marks a saved copy with its time and age until the sources have answered', () => {
    const savedAt = NOW - 25 * 60_000;
    const root = show(hollowayReport, { context: hollowayContext, cached: { value: hollowaySummary, savedAt }, sources: { gp: { state: 'loading' } }, complete: false });
    expect(root.querySelector('.cached-notice')?.textContent).toContain('Saved copy from 10:05 (25 minutes ago)');
  });

  it('says the allergy list may be incomplete when a source could not load it', () => {
    const partial = { ...hollowaySummary, incomplete: { allergies: 'The source is busy; try again shortly' } };
    const root = show(hollowayReport, { context: hollowayContext, live: partial, sources: { gp: { state: 'done', resourceCount: 3 } }, complete: true });
    expect(root.querySelector('.section-allergies [role=alert]')?.textContent).toBe('May be incomplete: The source is busy; try again shortly');
  });

  it('offers sign-in for a source that needs it', () => {
    const root = show(hollowayReport, { context: hollowayContext, sources: { gp: { state: 'needs-sign-in' } }, complete: true });
    expect(root.querySelector('.sources button')?.textContent).toBe('Sign in to Riverside GP Practice');
  });

  it('replaces the saved copy section by section as sources deliver, keeping the rest saved', () => {
    const savedAt = NOW - 5 * 60_000;
    const saved = { ...hollowaySummary, sections: { ...hollowaySummary.sections, allergies: [], problems: hollowaySummary.sections.problems.slice(0, 1) } };
    const root = show(hollowayReport, {
      context: hollowayContext,
      cached: { value: saved, savedAt },
      live: { ...hollowaySummary, sections: { ...hollowaySummary.sections, problems: [] } },
      liveSections: ['allergies'],
      sources: { gp: { state: 'loading', received: 1 } },
      complete: false,
    });
    expect(root.querySelector('.section-allergies .row-text')?.textContent).toBe('Penicillin');
    expect(root.querySelectorAll('.section-problems li')).toHaveLength(1);
    expect(root.querySelector('.cached-notice')?.textContent).toContain('Saved copy');
  });
});
