// @vitest-environment happy-dom
// The panel hears a tab's answer from the background directly and from storage; it draws the newest,
// whichever way comes first, and only for the tab it follows.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useTabReport } from '@/entrypoints/sidepanel/useTabReport';
import { NHS_NUMBER_SYSTEM } from '@/lib/context/nhs-number';
import type { PageContextReport } from '@/lib/context/patient-context';
import { setTabReport, tabContextKey } from '@/lib/context/tab-contexts';
import { tabReportMessage } from '@/lib/context/tab-report-message';
import { memoryStore, type KeyValueStore } from '@/lib/sources/key-value-store';

const EPR = 'http://epr/app';
const patient = (nhs: string): PageContextReport => ({
  kind: 'patient',
  context: { key: `${NHS_NUMBER_SYSTEM}|${nhs}`, identifier: { system: NHS_NUMBER_SYSTEM, value: nhs }, origin: 'page', url: EPR, detectedAt: 0 },
});
const none: PageContextReport = { kind: 'none', url: EPR };
const A = '9990000018';
const B = '9990158398';

function Probe({ store, tabId }: { readonly store: KeyValueStore; readonly tabId: number }) {
  const report = useTabReport(store, tabId);
  return <p>{report === undefined ? 'nothing' : report.kind === 'patient' ? report.context.identifier.value : report.kind}</p>;
}

async function panelFollowing(tabId: number, store: KeyValueStore = memoryStore()) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<Probe store={store} tabId={tabId} />, root));
  await act(async () => {}); // the first read of storage
  return { shown: () => root.textContent, store };
}

const fromBackground = (tabId: number, report: PageContextReport | undefined, revision: number) =>
  act(async () => void (await fakeBrowser.runtime.onMessage.trigger(tabReportMessage({ tabId, report, revision }), {})));
const storageChange = (tabId: number, report: PageContextReport | undefined, revision: number) =>
  act(async () => void (await fakeBrowser.storage.onChanged.trigger({ [tabContextKey(tabId)]: { newValue: report && { ...report, revision } } }, 'session')));

afterEach(() => document.body.replaceChildren());

describe('the followed tab\'s patient in the panel', () => {
  it('draws the background\'s message at once, and ignores the older storage change arriving after it', async () => {
    const store = memoryStore();
    await setTabReport(store, 1, patient(A), 1);
    const panel = await panelFollowing(1, store);
    expect(panel.shown()).toBe(A);
    await fromBackground(1, none, 2);
    await fromBackground(1, patient(B), 3);
    expect(panel.shown()).toBe(B);
    await storageChange(1, none, 2);
    expect(panel.shown()).toBe(B);
    await storageChange(1, patient(B), 3);
    expect(panel.shown()).toBe(B);
  });

  it('draws a storage change that comes first, and ignores the message for it arriving late', async () => {
    const panel = await panelFollowing(1);
    await storageChange(1, patient(A), 5);
    await storageChange(1, none, 6);
    await fromBackground(1, patient(A), 5);
    expect(panel.shown()).toBe('none');
  });

  it('ignores answers for other tabs, and messages that did not come from the background', async () => {
    const panel = await panelFollowing(1);
    await fromBackground(1, patient(A), 1);
    await fromBackground(2, patient(B), 2);
    await act(async () => void (await fakeBrowser.runtime.onMessage.trigger(tabReportMessage({ tabId: 1, report: patient(B), revision: 9 }), { tab: { id: 1 } } as never)));
    expect(panel.shown()).toBe(A);
  });

  it('keeps a message that overtook the first read of storage', async () => {
    const store = memoryStore();
    await setTabReport(store, 1, patient(A), 1);
    const slowStore: KeyValueStore = { ...store, get: (key) => new Promise((resolve) => setTimeout(() => resolve(store.get(key)), 20)) };
    const panel = await panelFollowing(1, slowStore);
    await fromBackground(1, patient(B), 2);
    await act(() => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(panel.shown()).toBe(B);
  });

  it('shows nothing once the tab has closed', async () => {
    const panel = await panelFollowing(1);
    await fromBackground(1, patient(A), 1);
    await storageChange(1, undefined, 0);
    expect(panel.shown()).toBe('nothing');
    await fromBackground(1, patient(A), 2);
    expect(panel.shown()).toBe('nothing');
  });
});
