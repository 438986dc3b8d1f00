// The background's per-tab context, as the panel reads it: navigation withdraws, frames combine,
// precedence between page, FHIRcast, EHR launch and selection, and conflicts said out loud.
import { describe, expect, it } from 'vitest';
import { NHS_NUMBER_SYSTEM } from '@/lib/context/nhs-number';
import type { ContextOrigin, PageContextReport, PatientContext } from '@/lib/context/patient-context';
import { createTabContexts } from '@/lib/context/tab-context-service';
import { getTabReport } from '@/lib/context/tab-contexts';
import { memoryStore } from '@/lib/sources/key-value-store';

const A = '9990000018';
const B = '9990158398';
const C = '9990237581';
const EPR = 'http://epr/app/patient/1';

const context = (nhs: string, origin: ContextOrigin = 'page', url = EPR): PatientContext => ({
  key: `${NHS_NUMBER_SYSTEM}|${nhs}`, identifier: { system: NHS_NUMBER_SYSTEM, value: nhs }, origin, url, detectedAt: 0,
});
const page = (nhs: string, url = EPR): PageContextReport => ({ kind: 'patient', context: context(nhs, 'page', url) });

function setup(hubSites = /^http:\/\/epr\//) {
  const store = memoryStore();
  let clock = 1000;
  const tabs = createTabContexts({ store, hubAppliesTo: (url) => hubSites.test(url), now: () => clock });
  const shown = async (tabId = 1) => {
    const report = await getTabReport(store, tabId);
    return report?.kind === 'patient' ? report.context.identifier.value : report?.kind;
  };
  return { store, tabs, shown, tick: (ms = 10) => (clock += ms) };
}

describe('per-tab context', () => {
  it('withdraws the patient the moment the tab navigates elsewhere, and keeps one already reported for the new URL', async () => {
    const { tabs, shown, store } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    expect(await shown()).toBe(A);
    await tabs.navigated(1, 'http://epr/app');
    expect(await getTabReport(store, 1)).toEqual({ kind: 'none', url: 'http://epr/app' });

    await tabs.pageReport(1, 0, 'http://epr/app/patient/2', page(B, 'http://epr/app/patient/2'));
    await tabs.navigated(1, 'http://epr/app/patient/2');
    expect(await shown()).toBe(B);
    await tabs.navigated(1, undefined);
    expect(await shown()).toBe('none');
  });

  it('keeps tabs apart and forgets a closed one', async () => {
    const { tabs, shown, store } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    await tabs.pageReport(2, 0, EPR, page(B));
    expect([await shown(1), await shown(2)]).toEqual([A, B]);
    await tabs.closed(2);
    expect(await getTabReport(store, 2)).toBeUndefined();
  });

  it('shows no patient when two frames of one page name different patients', async () => {
    const { tabs, store } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    await tabs.pageReport(1, 7, EPR, page(B, 'http://epr/letter'));
    expect(await getTabReport(store, 1)).toMatchObject({ kind: 'ambiguous', found: ['999 000 0018', '999 015 8398'] });
    await tabs.pageReport(1, 7, EPR, { kind: 'none', url: 'http://epr/letter' });
    expect(await getTabReport(store, 1)).toMatchObject({ kind: 'patient' });
  });

  it('follows the FHIRcast session over the page, on its sites only, and says when they disagree', async () => {
    const { tabs, shown, store, tick } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    await tabs.pageReport(2, 0, 'http://other/x', page(A, 'http://other/x'));
    tick();
    await tabs.hubChanged(context(B, 'fhircast', 'http://hub'));
    expect(await shown(1)).toBe(B);
    expect(await getTabReport(store, 1)).toMatchObject({
      conflict: { shown: { origin: 'fhircast', label: '999 015 8398' }, others: [{ origin: 'page', label: '999 000 0018' }] },
    });
    expect(await shown(2)).toBe(A);

    await tabs.hubChanged(undefined);
    expect(await getTabReport(store, 1)).toEqual({ kind: 'patient', context: context(A) });
  });

  it('does not apply a FHIRcast patient from before the tab navigated', async () => {
    const { tabs, shown, tick } = setup();
    await tabs.pageReport(1, 0, EPR, { kind: 'none', url: EPR });
    tick();
    await tabs.hubChanged(context(B, 'fhircast', 'http://hub'));
    expect(await shown()).toBe(B);
    tick();
    await tabs.navigated(1, 'http://epr/app');
    expect(await shown()).toBe('none');
    tick();
    await tabs.hubChanged(context(C, 'fhircast', 'http://hub'));
    expect(await shown()).toBe(C);
  });

  it('puts an EHR launch above FHIRcast and the page, and a looked-up selection above all', async () => {
    const { tabs, shown, store, tick } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    tick();
    await tabs.hubChanged(context(A, 'fhircast', 'http://hub'));
    await tabs.launch(1, EPR, context(B, 'ehr-launch'));
    expect(await shown()).toBe(B);
    expect((await getTabReport(store, 1)) as { conflict?: { others: unknown[] } }).toMatchObject({ conflict: { others: [{ origin: 'fhircast' }, { origin: 'page' }] } });
    await tabs.selection(1, EPR, context(C, 'selection'));
    expect(await shown()).toBe(C);
    await tabs.navigated(1, 'http://epr/elsewhere');
    expect(await shown()).toBe('none');
  });

  it('withdraws a FHIRcast patient as soon as the top frame reports from a new URL, before the browser\'s navigation event', async () => {
    const { tabs, shown, store, tick } = setup();
    await tabs.pageReport(1, 0, EPR, page(A));
    tick();
    await tabs.hubChanged(context(A, 'fhircast', 'http://hub'));
    tick();
    // A single-page EPR switched to B: its report comes in from the new URL, the tab event later.
    const next = 'http://epr/app/patient/2';
    await tabs.pageReport(1, 0, next, page(B, next));
    expect(await shown()).toBe(B);
    expect(await getTabReport(store, 1)).toEqual({ kind: 'patient', context: context(B, 'page', next) });
    await tabs.navigated(1, next);
    expect(await shown()).toBe(B);
  });

  it('applies updates for one tab in order, so a late write never brings back a withdrawn patient', async () => {
    const { tabs, shown } = setup();
    const done = [tabs.pageReport(1, 0, EPR, page(A)), tabs.navigated(1, 'http://epr/list'), tabs.pageReport(1, 0, 'http://epr/list', { kind: 'none', url: 'http://epr/list' })];
    await Promise.all(done);
    expect(await shown()).toBe('none');
  });
});
