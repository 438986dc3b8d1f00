// The background tells an open panel each tab's new answer before it is stored, and both carry one
// revision, so the panel can keep the newest whichever way it arrives first.
import { describe, expect, it } from 'vitest';
import { NHS_NUMBER_SYSTEM } from '@/lib/context/nhs-number';
import type { PageContextReport } from '@/lib/context/patient-context';
import { createTabContexts } from '@/lib/context/tab-context-service';
import { readTabReport, type TabReportUpdate } from '@/lib/context/tab-contexts';
import { asTabReportMessage, tabReportMessage } from '@/lib/context/tab-report-message';
import { memoryStore, type KeyValueStore } from '@/lib/sources/key-value-store';

const EPR = 'http://epr/app/patient/1';
const page = (nhs: string): PageContextReport => ({
  kind: 'patient',
  context: { key: `${NHS_NUMBER_SYSTEM}|${nhs}`, identifier: { system: NHS_NUMBER_SYSTEM, value: nhs }, origin: 'page', url: EPR, detectedAt: 0 },
});

function setup(store: KeyValueStore = memoryStore(), clock = { now: 1000 }) {
  const published: { update: TabReportUpdate; storedThen: unknown }[] = [];
  const tabs = createTabContexts({
    store,
    hubAppliesTo: () => false,
    now: () => clock.now,
    publish: (update) => void store.get(`tab-context:${update.tabId}`).then((storedThen) => published.push({ update, storedThen })),
  });
  return { store, tabs, published, clock };
}

describe('publishing a tab\'s answer to an open panel', () => {
  it('publishes each answer before it is stored, with a revision that rises even within one millisecond', async () => {
    const { tabs, store, published } = setup();
    await tabs.pageReport(1, 0, EPR, page('9990000018'));
    await tabs.navigated(1, 'http://epr/app');
    expect(published.map((p) => p.update.report?.kind)).toEqual(['patient', 'none']);
    expect(published[0]!.storedThen).toBeUndefined();
    const [first, second] = published.map((p) => p.update.revision);
    expect(second).toBeGreaterThan(first!);
    expect(await readTabReport(store, 1)).toEqual({ tabId: 1, report: { kind: 'none', url: 'http://epr/app' }, revision: second });
  });

  it('publishes a closed tab as having no answer', async () => {
    const { tabs, published } = setup();
    await tabs.pageReport(1, 0, EPR, page('9990000018'));
    await tabs.closed(1);
    expect(published.at(-1)!.update).toMatchObject({ tabId: 1, report: undefined });
  });

  it('carries on from storage after the service worker restarts, revisions still rising whatever the clock says', async () => {
    const before = setup();
    await before.tabs.pageReport(1, 0, EPR, page('9990000018'));
    // The clock was put back while the worker was stopped: the next answer still outranks the last.
    const after = setup(before.store, { now: 500 });
    await after.tabs.navigated(1, 'http://epr/app');
    expect(after.published[0]!.update.report).toEqual({ kind: 'none', url: 'http://epr/app' });
    expect(after.published[0]!.update.revision).toBeGreaterThan(before.published[0]!.update.revision);
  });

  it('reads back only what it sent: a tab report message, never any other message', () => {
    const update: TabReportUpdate = { tabId: 3, report: page('9990000018'), revision: 7 };
    expect(asTabReportMessage(JSON.parse(JSON.stringify(tabReportMessage(update))))).toEqual(update);
    expect(asTabReportMessage(JSON.parse(JSON.stringify(tabReportMessage({ tabId: 3, report: undefined, revision: 8 }))))).toEqual({ tabId: 3, report: undefined, revision: 8 });
    expect(asTabReportMessage({ type: 'page-context', report: page('9990000018') })).toBeUndefined();
    expect(asTabReportMessage({ type: 'tab-report', tabId: '3', revision: 1 })).toBeUndefined();
    expect(asTabReportMessage({ type: 'tab-report', tabId: 3, revision: 1, report: 'patient' })).toBeUndefined();
  });
});
