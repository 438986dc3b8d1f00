// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { LookupView } from '@/lib/lookup';
import { combineSources } from '@/lib/summary/combine';
import { buildSourceSummary } from '@/lib/summary/source-summary';
import { hollowayContext, hollowayPatient } from '../fixtures';

const sources = [
  { id: 'gp', name: 'Riverside GP Practice' },
  { id: 'acute', name: 'St Elsewhere Acute Trust' },
];

function show(view: LookupView): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Panel report={{ kind: 'patient', context: hollowayContext }} view={view} sources={sources} onSignIn={() => {}} signingIn={false} now={0} />, root);
  return root;
}

const emptyTextOf = (root: HTMLElement, section: string) => root.querySelector(`.section-${section} .empty`)?.textContent;

afterEach(() => document.body.replaceChildren());

describe('an empty section before any source has answered', () => {
  it('says nothing has been loaded yet, never "none recorded", while every source waits for sign-in', () => {
    const root = show({ context: hollowayContext, sources: { gp: { state: 'needs-sign-in' }, acute: { state: 'needs-sign-in' } }, complete: true });
    expect(emptyTextOf(root, 'allergies')).toBe('Nothing loaded yet: no source has answered');
    expect(emptyTextOf(root, 'problems')).toBe('Nothing loaded yet: no source has answered');
    expect(root.textContent).not.toContain('None recorded');
    expect(root.textContent).not.toContain('No allergies recorded');
  });

  it('says "none recorded" for a section once a source has answered that it holds none', () => {
    const gpWithNothing = buildSourceSummary({ sourceId: 'gp', patientKey: hollowayContext.key, patient: hollowayPatient, resources: [] });
    const live = combineSources(hollowayContext.key, { patientKey: hollowayContext.key }, [gpWithNothing]);
    const root = show({ context: hollowayContext, live, sources: { gp: { state: 'done', resourceCount: 0 }, acute: { state: 'needs-sign-in' } }, complete: true });
    expect(emptyTextOf(root, 'allergies')).toBe('No allergies recorded in the sources that answered');
    expect(emptyTextOf(root, 'problems')).toBe('None recorded in the sources that answered');
  });
});
