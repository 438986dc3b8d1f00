// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '@/components/Panel';
import type { PatientContext } from '@/lib/context/patient-context';
import type { LookupView } from '@/lib/lookup';
import { snapshotOf, type Snapshot } from '@/lib/summary/diff';
import type { LensId } from '@/lib/summary/lens';
import type { Summary } from '@/lib/summary/model';
import { patientKeyOf, rosterPatient, sandboxSummary } from '../fixtures/sandbox-summary';

const sources = [{ id: 'gp', name: 'Riverside GP Practice' }, { id: 'acute', name: 'St Elsewhere Acute Trust' }, { id: 'mh', name: 'Northfield Mental Health Trust' }];
const NOW = new Date('2026-11-26T10:30:00').getTime();

function contextOf(key: string): PatientContext {
  const p = rosterPatient(key);
  return { key: patientKeyOf(p), identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber }, origin: 'page', url: 'x', detectedAt: 0 };
}

function show(key: string, o: { lens?: LensId; previous?: Snapshot; summary?: Summary } = {}): HTMLElement {
  const context = contextOf(key);
  const view: LookupView = { context, live: o.summary ?? sandboxSummary(key), sources: { gp: { state: 'done', resourceCount: 1 } }, complete: true };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel report={{ kind: 'patient', context }} view={view} sources={sources} onSignIn={() => {}} signingIn={false} now={NOW} lens={o.lens} previous={o.previous} asOf={NOW} />, root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('the consolidated summary', () => {
  it('shows a duplicated condition once with two source chips, and the conflicting dose as a conflict in words', () => {
    const root = show('p04');
    const diabetes = [...root.querySelectorAll('.section-problems li.row')].filter((li) => li.textContent?.includes('Diabetes mellitus type 2'));
    expect(diabetes).toHaveLength(1);
    expect([...diabetes[0]!.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Riverside GP Practice', 'St Elsewhere Acute Trust']);
    expect(diabetes[0]!.getAttribute('data-source')).toBe('gp');
    expect(diabetes[0]!.getAttribute('data-sources')).toBe('gp acute');
    const conflicts = root.querySelectorAll('.section-medications li.conflict');
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]!.querySelector('.badge-conflict')?.textContent).toBe('Conflict');
    expect(conflicts[0]!.querySelector('.conflict-note')?.textContent).toContain('Sources disagree on the dose');
  });

  it('puts every clinical row under data-patient and data-source', () => {
    const root = show('p03', { lens: 'mental-health' });
    const rows = root.querySelectorAll('li.row');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.getAttribute('data-patient')).toBe(patientKeyOf(rosterPatient('p03')));
      expect(row.getAttribute('data-source')).toMatch(/^(gp|acute|mh)$/);
    }
  });

  it('shows the cancer lens focus with stage, MDT outcome and tumour marker trend', () => {
    const root = show('p01', { lens: 'cancer' });
    const focus = root.querySelector('.focus')!;
    expect(focus.querySelector('[data-focus=cancer-diagnoses]')?.textContent).toContain('Stage IIB');
    expect(focus.querySelector('[data-focus=mdt]')?.textContent).toContain('Breast MDT outcome');
    expect(focus.querySelector('[data-focus=tumour-markers] .result-value')?.textContent).toBe('17 kU/L');
    expect(focus.querySelector('[data-focus=performance]')?.textContent).toContain('None found in the sources that answered');
    expect(root.querySelector('.section')?.getAttribute('data-section')).toBe('allergies');
  });

  it('shows the mental-health lens with the risk flag, crisis plan and care coordinator', () => {
    const focus = show('p03', { lens: 'mental-health' }).querySelector('.focus')!;
    expect(focus.querySelector('[data-focus=risk]')?.textContent).toContain('Risk to self');
    expect(focus.querySelector('[data-focus=crisis]')?.textContent).toContain('Crisis and contingency plan');
    expect(focus.querySelector('[data-focus=coordinator]')?.textContent).toContain('Care coordinator: Sam Okonkwo');
    expect(focus.querySelector('[data-focus=lithium]')?.textContent).toContain('Lithium level');
  });

  it('never lets allergies be collapsed, and collapses a lens\'s less-needed sections with their count', () => {
    const root = show('p01', { lens: 'cancer' });
    expect(root.querySelector('.section-allergies .section-toggle')).toBeNull();
    const vitals = root.querySelector('.section-vitals .section-toggle') as HTMLButtonElement;
    expect(vitals.getAttribute('aria-expanded')).toBe('false');
    expect(vitals.textContent).toMatch(/Vital signs \(\d+\)/);
    void act(() => vitals.click());
    expect(vitals.getAttribute('aria-expanded')).toBe('true');
  });

  it('caps long sections behind "Show n more" with the count', () => {
    const results = show('p04').querySelector('.section-results')!;
    const more = results.querySelector('button.more') as HTMLButtonElement;
    const total = Number(/\((\d+)\)/.exec(results.querySelector('h2')!.textContent!)![1]);
    expect(more.textContent).toBe(`Show ${total - 8} more`);
  });

  it('marks a new result since the last look, in words and in a list', () => {
    const summary = sandboxSummary('p04');
    const before: Summary = { ...summary, sections: { ...summary.sections, results: summary.sections.results.filter((r) => r.text !== 'HbA1c') } };
    const root = show('p04', { previous: snapshotOf(before), summary });
    expect(root.querySelector('.changes')?.textContent).toContain('New result: HbA1c');
    const hba1c = [...root.querySelectorAll('.section-results li.row')].find((li) => li.querySelector('.row-text')?.textContent === 'HbA1c');
    expect(hba1c?.querySelector('.badge-change')?.textContent).toBe('New result');
    expect(root.querySelector('.section-results h2')?.textContent).toContain('1 changed');
  });

  it('shows a result\'s latest value, flag in words, range and the trend on demand', async () => {
    const root = show('p02', { lens: 'cancer' });
    const cea = root.querySelector('[data-focus=tumour-markers] li.row')!;
    expect(cea.querySelector('.flag')?.textContent).toBe('High');
    expect(cea.textContent).toContain('Before: 5.6 ug/L');
    const button = cea.querySelector('.trend-button') as HTMLButtonElement;
    void act(() => button.click());
    // The chart's code is fetched on the click: a placeholder says so until it is drawn.
    expect(cea.querySelector('.trend-chart, .trend-loading')).not.toBeNull();
    await vi.waitFor(() => expect(cea.querySelector('.trend-chart table caption')?.textContent).toContain('CEA'));
    expect(cea.querySelector('.trend-loading')).toBeNull();
  });

  it('draws narrative only when its row is opened, and only through the sanitiser', async () => {
    const summary = sandboxSummary('p04');
    const row = { ...summary.sections.documents[0]!, narrative: '<div><p>Seen today</p><script>window.hacked = 1</script><img src=x onerror="window.hacked=1"></div>' };
    const root = show('p04', { summary: { ...summary, sections: { ...summary.sections, documents: [row] } } });
    const details = root.querySelector('.section-documents details.row-more') as HTMLDetailsElement;
    expect(details.querySelector('.narrative')).toBeNull();
    void act(() => {
      details.open = true;
    });
    // Drawn at once as words only; once the sanitiser is fetched, through it (Narrative.test.tsx).
    await vi.waitFor(() => expect(details.querySelector('.narrative[aria-busy]')).toBeNull());
    const narrative = details.querySelector('.narrative')!;
    expect(narrative.textContent).toContain('Seen today');
    expect(narrative.innerHTML).not.toMatch(/script|onerror|<img/);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });
});
