// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { PatientContext } from '@/lib/context/patient-context';
import type { LookupView } from '@/lib/lookup';
import { patientKeyOf, rosterPatient, sandboxSummary } from '../fixtures/sandbox-summary';

const sources = [{ id: 'gp', name: 'Riverside GP Practice' }, { id: 'acute', name: 'St Elsewhere Acute Trust' }, { id: 'mh', name: 'Northfield Mental Health Trust' }];
const NOW = new Date('2026-11-26T10:30:00Z').getTime();
const root = document.createElement('div');

function contextOf(key: string): PatientContext {
  const p = rosterPatient(key);
  return { key: patientKeyOf(p), identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber }, origin: 'page', url: 'x', detectedAt: 0 };
}

function show(key: string): HTMLElement {
  const context = contextOf(key);
  const view: LookupView = { context, live: sandboxSummary(key), sources: { gp: { state: 'done', resourceCount: 1 } }, complete: true };
  if (!root.isConnected) document.body.replaceChildren(root);
  void act(() => render(<Panel report={{ kind: 'patient', context }} view={view} sources={sources} onSignIn={() => {}} signingIn={false} now={NOW} asOf={NOW} />, root));
  return root;
}

function find(text: string): void {
  const input = root.querySelector<HTMLInputElement>('#find-input')!;
  input.value = text;
  void act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

const texts = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent?.trim());
const click = (name: string) => void act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!.click());

afterEach(() => {
  render(null, root);
  document.body.replaceChildren();
});

describe('find in record', () => {
  it('narrows every section to matching rows, with counts before narrowing', () => {
    show('p08');
    find('sertraline');
    expect(texts('li.row .row-text')).toEqual(['Sertraline 50mg tablets']);
    expect(root.querySelector('.section-medications .count')?.textContent).toMatch(/^\(1 of \d+\)$/);
    expect(root.querySelector('#find-status')?.textContent).toContain('1 match for "sertraline"');
  });

  it('says how many allergies it hides, in the allergies section and beside the box', () => {
    show('p08');
    find('sertraline');
    expect(root.querySelector('.section-allergies .find-hidden-allergies')?.textContent).toBe('1 allergy is hidden by find. Clear find to see every allergy.');
    expect(root.querySelector('.find-allergies-hidden')?.textContent).toContain('1 allergy hidden by find');
  });

  it('clears when the patient changes', () => {
    show('p08');
    find('sertraline');
    show('p04');
    expect(root.querySelector<HTMLInputElement>('#find-input')!.value).toBe('');
    expect(root.querySelector('.find-hidden-allergies')).toBeNull();
    expect(root.querySelectorAll('.section-medications li.row').length).toBeGreaterThan(1);
  });
});

describe('expand and collapse all', () => {
  it('collapses every section but allergies, and opens them again', () => {
    show('p04');
    click('Collapse all');
    expect(texts('.section-toggle[aria-expanded="true"]')).toEqual([]);
    expect(root.querySelectorAll('.section-allergies li.row').length).toBeGreaterThan(0);
    click('Expand all');
    expect(root.querySelectorAll('.section-toggle[aria-expanded="false"]').length).toBe(0);
  });
});

describe('medicines the UK way', () => {
  it('lists repeats first, acutes of the year, and folds the recently stopped and earlier ones', () => {
    show('p08');
    const group = (id: string) => texts(`[data-medicines="${id}"] li.row .row-text`);
    expect(group('repeats')).toEqual(['Salbutamol 100micrograms/dose inhaler CFC free', 'Sertraline 50mg tablets']);
    expect(group('acutes')).toEqual(['Amoxicillin 500mg capsules']);
    expect(group('stopped')).toEqual(['Omeprazole 20mg gastro-resistant capsules']);
    expect(texts('.medicine-folded > summary')).toEqual(['Stopped in the last 6 months (1)', 'Earlier medicines (1)']);
    expect(root.querySelector('[data-medicines="repeats"] li.row .medicine-facts')?.textContent).toBe('Repeat · Quantity 1 inhaler · Last issued 03-Sep-2026 · 4 issued · Review due 01-Mar-2027');
  });
});

describe('timeline', () => {
  it('opens to every event newest first, each under data-patient and data-source', () => {
    show('p04');
    void act(() => root.querySelector<HTMLButtonElement>('#title-timeline button')!.click());
    const dates = [...root.querySelectorAll('.timeline-event')].map((e) => e.querySelector('.timeline-date')!.textContent!);
    expect(dates.length).toBeGreaterThan(5);
    const iso = dates.map((d) => new Date(`${d} UTC`).toISOString());
    expect(iso).toEqual([...iso].sort().reverse());
    for (const e of root.querySelectorAll('.timeline-event')) {
      expect(e.getAttribute('data-patient')).toBe(patientKeyOf(rosterPatient('p04')));
      expect(e.getAttribute('data-source')).toMatch(/^(gp|acute|mh)$/);
    }
  });
});
