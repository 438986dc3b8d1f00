import { describe, expect, it } from 'vitest';
import { getTabReport, setTabReport, withdrawOnNavigation } from '@/lib/context/tab-contexts';
import { memoryStore } from '@/lib/sources/key-value-store';
import type { PageContextReport } from '@/lib/context/patient-context';

const patientOn = (url: string): PageContextReport => ({
  kind: 'patient',
  context: { key: 'k', identifier: { system: 's', value: 'v' }, origin: 'page', url, detectedAt: 0 },
});

describe('per-tab context', () => {
  it('withdraws the patient the moment the tab navigates elsewhere', async () => {
    const store = memoryStore();
    await setTabReport(store, 7, patientOn('http://epr/patient/1'));
    await withdrawOnNavigation(store, 7, 'http://epr/list');
    expect(await getTabReport(store, 7)).toEqual({ kind: 'none', url: 'http://epr/list' });
  });

  it('keeps a report already made for the new URL', async () => {
    const store = memoryStore();
    await setTabReport(store, 7, patientOn('http://epr/patient/2'));
    await withdrawOnNavigation(store, 7, 'http://epr/patient/2');
    expect((await getTabReport(store, 7))?.kind).toBe('patient');
  });
});
