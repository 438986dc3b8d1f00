// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextConflictWarning } from '@/components/ContextConflictWarning';
import { LaunchStatus } from '@/components/LaunchStatus';
import { NoPatient } from '@/components/NoPatient';
import { SiteAccessRequest } from '@/components/SiteAccessRequest';

function show(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('what the panel says about patient context', () => {
  it('warns, naming both patients and where each came from, when sources of context disagree', () => {
    const root = show(<ContextConflictWarning conflict={{
      shown: { origin: 'fhircast', key: 'k1', label: '999 015 8398', displayName: 'OKAFOR, David' },
      others: [{ origin: 'page', key: 'k2', label: '999 000 0018' }],
    }} />);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.getAttribute('data-context-conflict')).toBe('fhircast');
    expect(alert?.textContent).toBe('Check the patient. Showing OKAFOR, David, NHS No. 999 015 8398 from the EPR session (FHIRcast), but this page names NHS No. 999 000 0018.');
    // The warning is not clinical data: it never carries another patient's data-patient.
    expect(root.querySelector('[data-patient]')).toBeNull();
    expect(show(<ContextConflictWarning conflict={undefined} />).innerHTML).toBe('');
  });

  it('says why it shows no one when a page shows several patients', () => {
    const root = show(<NoPatient report={{ kind: 'ambiguous', url: 'u', found: ['9990000018', '999 015 8398'], reason: 'the page shows 2 different NHS numbers' }} />);
    expect(root.textContent).toContain('cannot tell which patient this page is about: the page shows 2 different NHS numbers (999 000 0018, 999 015 8398)');
    expect(root.querySelector('[data-state="ambiguous"]')).not.toBeNull();
  });

  it('offers to allow a configured EPR site it may not read yet', () => {
    let allowed = 0;
    const root = show(<SiteAccessRequest site="https://epr.trust.nhs.uk/*" onAllow={() => allowed++} />);
    root.querySelector('button')!.click();
    expect(root.textContent).toContain('not allowed to read pages on epr.trust.nhs.uk');
    expect(allowed).toBe(1);
    expect(show(<SiteAccessRequest site={undefined} onAllow={() => {}} />).innerHTML).toBe('');
  });

  it('shows the launch page\'s progress, sign-in button and failure', () => {
    let clicked = 0;
    expect(show(<LaunchStatus state={{ step: 'working', what: 'Signing in…' }} onSignIn={() => {}} />).textContent).toBe('Signing in…');
    const signIn = show(<LaunchStatus state={{ step: 'sign-in', sourceName: 'St Elsewhere' }} onSignIn={() => clicked++} />);
    signIn.querySelector('button')!.click();
    expect(clicked).toBe(1);
    expect(show(<LaunchStatus state={{ step: 'failed', problem: 'No.' }} onSignIn={() => {}} />).querySelector('[role="alert"]')?.textContent).toBe('No.');
  });
});

describe('the FHIRcast link to the EPR', () => {
  it('says the panel is not in sync with the EPR while the hub cannot be followed, and nothing otherwise', async () => {
    const { HubSyncWarning } = await import('@/components/HubSyncWarning');
    const lost = show(<HubSyncWarning sync={{ status: 'retrying', detail: 'the connection closed' }} />);
    expect(lost.querySelector('[role="alert"]')?.textContent).toMatch(/^Not in sync with the EPR\. fhirside cannot follow the EPR session \(the connection closed\)/);
    expect(show(<HubSyncWarning sync={{ status: 'subscribed' }} />).innerHTML).toBe('');
    expect(show(<HubSyncWarning sync={undefined} />).innerHTML).toBe('');
  });
});
