// @vitest-environment happy-dom
// Shared workstation: a panel left with a patient on screen is blanked after a spell without use,
// and stays blank, whatever happens on the EPR page, until the clinician clicks Continue.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '@/components/IdleLock';
import { useIdleLock } from '@/entrypoints/sidepanel/useIdleLock';

const MINUTE = 60_000;

function Probe({ patient }: { readonly patient: string }) {
  const idle = useIdleLock(15 * MINUTE, patient);
  return idle.locked ? <IdleLock onContinue={idle.unlock} /> : <p data-patient={patient}>Record of {patient}</p>;
}

const root = document.createElement('div');
const show = (patient: string) => act(() => render(<Probe patient={patient} />, root));
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const press = () => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' })));

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
  vi.useRealTimers();
});

describe('the idle lock', () => {
  it('blanks the panel after 15 minutes without input or a change of patient: no record, no patient', async () => {
    await show('A');
    await wait(15 * MINUTE - 1);
    expect(root.textContent).toBe('Record of A');
    await wait(1);
    expect(root.querySelector('[data-patient]')).toBeNull();
    expect(root.textContent).toMatch(/Paused/);
  });

  it('counts input in the panel and a change of patient as use', async () => {
    await show('A');
    await wait(10 * MINUTE);
    await press();
    await wait(10 * MINUTE);
    await show('B');
    await wait(10 * MINUTE);
    expect(root.textContent).toBe('Record of B');
  });

  it('stays blank when the patient changes behind it, until Continue is clicked', async () => {
    await show('A');
    await wait(15 * MINUTE);
    await show('B');
    expect(root.querySelector('[data-patient]')).toBeNull();
    await act(() => (root.querySelector('button') as HTMLButtonElement).click());
    expect(root.textContent).toBe('Record of B');
    // And the clock starts again from the click.
    await wait(15 * MINUTE);
    expect(root.textContent).toMatch(/Paused/);
  });
});
