// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/options/OptionsPage';
import type { ConnectionState } from '@/components/options/ConnectionResult';
import { resolveConfig } from '@/lib/config/resolve';
import { eprRule, gpSource, userSource } from '../../config/policies';

type Handlers = Pick<Parameters<typeof OptionsPage>[0], 'onTest' | 'onAddSource' | 'onRemoveSource' | 'onAddRule' | 'onRemoveRule' | 'onGeneral'>;

function show(managed: unknown, user: unknown, checks: Record<string, ConnectionState> = {}) {
  const handlers: Handlers = { onTest: vi.fn(), onAddSource: vi.fn(), onRemoveSource: vi.fn(), onAddRule: vi.fn(), onRemoveRule: vi.fn(), onGeneral: vi.fn() };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<OptionsPage resolved={resolveConfig(managed, user)} checks={checks} redirectUri="https://id.chromiumapp.org/" {...handlers} />, root);
  return { root, handlers };
}

const row = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`tr[data-source="${id}"]`)!;
const input = (root: HTMLElement, name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

afterEach(() => document.body.replaceChildren());

describe('the options page', () => {
  it('marks policy sources "Set by your organisation", offers no way to remove them, and no form when additions are not allowed', () => {
    const { root } = show({ sources: [gpSource], defaultLens: 'cancer' }, undefined);
    expect(root.querySelector('[data-managed]')?.textContent).toMatch(/set by your organisation/i);
    expect(row(root, 'gp').textContent).toContain('Set by your organisation');
    expect(row(root, 'gp').textContent).not.toContain('Remove');
    expect(root.querySelector('form[aria-label="Add a source"]')).toBeNull();
    expect(root.querySelector('[data-locked="sources"]')?.textContent).toBe('Your organisation manages the list of sources.');
    expect(input(root, 'defaultLens').disabled).toBe(true);
    expect(input(root, 'maxAgeMinutes').disabled).toBe(false);
  });

  it('shows the user\'s own source with a Remove button when policy allows additions', () => {
    const { root, handlers } = show({ sources: [gpSource], userMayAddSources: true }, { sources: [userSource] });
    expect(row(root, 'research').dataset['origin']).toBe('user');
    row(root, 'research').querySelector<HTMLButtonElement>('button.link')!.click();
    expect(handlers.onRemoveSource).toHaveBeenCalledWith('research');
    expect(root.querySelector('form[aria-label="Add a source"]')).not.toBeNull();
  });

  it('checks a typed source before adding it, and says what is wrong', async () => {
    const { root, handlers } = show({}, undefined);
    const type = (name: string, value: string) => {
      const field = root.querySelector<HTMLInputElement>(`form[aria-label="Add a source"] [name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      type('id', 'research');
      type('name', 'Research');
      type('fhirBaseUrl', 'http://research.example.org/fhir');
      type('clientId', 'me');
    });
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Add a source"]')!;
    await act(() => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(handlers.onAddSource).not.toHaveBeenCalled();
    expect(form.querySelector('[role="alert"]')?.textContent).toMatch(/must start with https/);
    await act(() => type('fhirBaseUrl', 'https://research.example.org/fhir'));
    await act(() => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    // Not yet: the clinician first confirms the server that will receive every NHS number looked up.
    expect(handlers.onAddSource).not.toHaveBeenCalled();
    const confirmation = form.querySelector('[role="alertdialog"]')!;
    expect(confirmation.textContent).toContain('research.example.org');
    await act(() => [...confirmation.querySelectorAll('button')].find((b) => b.textContent === 'Add research.example.org')!.click());
    expect(handlers.onAddSource).toHaveBeenCalledWith({ id: 'research', name: 'Research', fhirBaseUrl: 'https://research.example.org/fhir', clientId: 'me' });
  });

  it('adds nothing when the clinician cancels the confirmation', async () => {
    const { root, handlers } = show({}, undefined);
    const type = (name: string, value: string) => {
      const field = root.querySelector<HTMLInputElement>(`form[aria-label="Add a source"] [name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      type('id', 'collector');
      type('name', 'Collector');
      type('fhirBaseUrl', 'https://collector.example.org/fhir');
      type('clientId', 'me');
    });
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Add a source"]')!;
    await act(() => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    await act(() => void [...form.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent === 'Cancel')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(form.querySelector('[role="alertdialog"]')).toBeNull();
    expect(handlers.onAddSource).not.toHaveBeenCalled();
  });

  it('lists the policy\'s problems with what was left out', () => {
    const { root } = show({ sources: [{ ...gpSource, fhirBaseUrl: 'ftp://x' }], contextRules: [eprRule] }, undefined);
    const problems = root.querySelector('[aria-label="Configuration problems"]')!.textContent;
    expect(problems).toContain('Organisation policy');
    expect(problems).toContain('sources[0].fhirBaseUrl');
    expect(problems).toContain('left out: source "gp"');
  });

  it('runs "Test connection" for a source and shows each step', () => {
    const checks: Record<string, ConnectionState> = {
      gp: { state: 'done', steps: [{ name: 'discovery', ok: true, detail: 'SMART sign-in at auth, PKCE S256' }, { name: 'metadata', ok: false, detail: 'HTTP 503' }] },
    };
    const { root, handlers } = show({}, undefined, checks);
    row(root, 'acute').querySelector<HTMLButtonElement>('button')!.click();
    expect(handlers.onTest).toHaveBeenCalledWith('acute');
    expect([...row(root, 'gp').querySelectorAll('[data-step]')].map((li) => li.getAttribute('data-ok'))).toEqual(['true', 'false']);
    expect(row(root, 'gp').textContent).toContain('FHIR metadata: HTTP 503');
  });
});
