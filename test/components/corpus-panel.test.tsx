// @vitest-environment happy-dom
/**
 * The panel drawing a public example record (R4 Patient/example): withdrawn records apart and
 * struck through, statements as statements, and every clinical item still saying whose it is.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { PatientContext } from '@/lib/context/patient-context';
import { PATIENT_KEY, r4Patient, summaryOf } from '../corpus/corpus';

const context: PatientContext = { key: PATIENT_KEY, identifier: { system: 'corpus', value: 'patient' }, origin: 'page', url: 'http://127.0.0.1:8110/', detectedAt: 0 };
const summary = summaryOf({ gp: r4Patient('example') });

function show(): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <Panel report={{ kind: 'patient', context }} view={{ context, live: summary, sources: { gp: { state: 'done', resourceCount: 61 } }, complete: true }}
      sources={[{ id: 'gp', name: 'GP' }]} onSignIn={() => {}} signingIn={false} now={Date.parse('2026-12-02T12:00:00Z')} />,
    root,
  );
  return root;
}

afterEach(() => {
  for (const root of document.body.children) render(null, root);
  document.body.replaceChildren();
});

describe('the panel on R4 Patient/example', () => {
  it('lists the cancelled blood pressure only under "Removed by the source", struck through', () => {
    const root = show();
    const removed = root.querySelector('.section-vitals .removed-rows')!;
    expect(removed.querySelector('summary')?.textContent).toBe('Removed by the source (1)');
    const row = removed.querySelector('li.removed')!;
    expect(row.querySelector('s')?.textContent).toBe('Blood pressure');
    expect(row.textContent).toContain('cancelled');
    expect(removed.hasAttribute('open')).toBe(false);
  });

  it('counts three allergies, not the "no known latex allergy" statement, which reads as a statement', () => {
    const root = show();
    expect(root.querySelector('.section-allergies h2 .count')?.textContent).toBe('(3)');
    const statement = root.querySelector('.section-allergies li.statement')!;
    expect(statement.textContent).toContain('No known latex allergy');
    expect(statement.textContent).toContain('recorded 06-Aug-2015');
    expect(statement.querySelector('.badge-alert')).toBeNull();
  });

  it('marks the family history as such', () => {
    const row = [...show().querySelectorAll('.section-problems li')].find((li) => li.textContent?.includes('Family history of cancer of colon'))!;
    expect(row.querySelector('.badge-context')?.textContent).toBe('Family history');
  });

  it('keeps data-patient and data-source on every clinical item, removed ones included', () => {
    const items = show().querySelectorAll('li.row');
    expect(items.length).toBeGreaterThan(20);
    for (const li of items) {
      expect(li.getAttribute('data-patient')).toBe(PATIENT_KEY);
      expect(li.getAttribute('data-source')).toBe('gp');
      expect(li.getAttribute('data-sources')).toBe('gp');
    }
  });
});

describe('accessibility of what the public record adds', () => {
  it('has no axe-core violations in the removed list, statements and context badges', async () => {
    const axe = (await import('axe-core')).default;
    const root = show();
    // Only the removed lists: a row's More would fetch its narrative sanitiser after the test.
    for (const details of root.querySelectorAll('details.removed-rows')) details.setAttribute('open', '');
    // Colour contrast needs a real layout engine; the end-to-end axe check in Chromium covers it.
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.passes.length).toBeGreaterThan(5);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
