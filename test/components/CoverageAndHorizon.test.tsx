// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CoverageTable } from '@/components/CoverageTable';
import { ResultsHorizon } from '@/components/ResultsHorizon';
import { emptySections, type Coverage, type Summary } from '@/lib/summary/model';

function show(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('what the panel says about what it did not draw', () => {
  it('states the latest results horizon of the sources, with Show older that asks for the rest', () => {
    let asked = 0;
    const root = show(<ResultsHorizon since={{ gp: '2021-12-02', acute: '2025-12-02' }} patientKey="k1" onShowOlder={() => (asked += 1)} />);
    expect(root.textContent).toBe('Results since 02-Dec-2025 — Show older');
    expect(root.querySelector('.horizon')?.getAttribute('data-patient')).toBe('k1');
    root.querySelector('button')!.click();
    expect(asked).toBe(1);
    expect(show(<ResultsHorizon since={undefined} patientKey="k1" />).innerHTML).toBe('');
  });

  it('counts, per source and type, the records returned that no section draws', () => {
    const summary: Summary = {
      patientKey: 'k1', banner: { patientKey: 'k1' }, sections: emptySections(() => []), incomplete: {}, sourceIds: ['gp'],
      coverage: { gp: emptySections<Coverage>(() => ({ state: 'empty' })) },
      undrawn: { gp: { Consent: 2, ServiceRequest: 1 } },
    };
    const root = show(<CoverageTable summary={summary} sources={[{ id: 'gp', name: 'Riverside GP Practice' }]} />);
    const rows = [...root.querySelectorAll('tr.undrawn')].map((tr) => tr.textContent);
    expect(rows).toEqual(['Consent (not shown in a section)2', 'ServiceRequest (not shown in a section)1']);
    expect(root.querySelector('tr.undrawn td')?.getAttribute('data-patient')).toBe('k1');
  });
});
