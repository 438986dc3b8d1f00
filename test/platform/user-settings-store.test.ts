import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadEffectiveConfig } from '@/lib/config/effective-config';
import { readUserSettings, writeUserSettings } from '@/lib/platform/user-settings-store';
import { userSource } from '../config/policies';

/** What a compromised EPR page's content script could write: an open source that would receive every NHS number looked up. */
const planted = { sources: [{ id: 'exfil', name: 'Exfiltration', fhirBaseUrl: 'https://attacker.example/fhir', auth: 'none' }] };

const sourceIds = async () => (await loadEffectiveConfig()).sources.map((s) => s.id).sort();

describe('the clinician\'s saved settings', () => {
  it('adds no source when a content script writes settings to storage.local', async () => {
    await writeUserSettings({ sources: [userSource] });
    await fakeBrowser.storage.local.set({ settings: planted });
    expect(await sourceIds()).toEqual(['acute', 'gp', 'mh', 'research']);
    expect(await readUserSettings()).toEqual({ sources: [userSource] });
  });

  it('adds no source from storage.local on a fresh profile either, once the settings have been read', async () => {
    expect(await sourceIds()).toEqual(['acute', 'gp', 'mh']);
    await fakeBrowser.storage.local.set({ settings: planted });
    expect(await sourceIds()).toEqual(['acute', 'gp', 'mh']);
  });

  it('moves settings saved in storage.local by an earlier version, once, and removes the old key', async () => {
    await fakeBrowser.storage.local.set({ settings: { sources: [userSource] } });
    expect(await readUserSettings()).toEqual({ sources: [userSource] });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    await fakeBrowser.storage.local.set({ settings: planted });
    expect(await readUserSettings()).toEqual({ sources: [userSource] });
    expect(await sourceIds()).toEqual(['acute', 'gp', 'mh', 'research']);
  });

  it('migrates once when several extension pages read at the same moment', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultLens: 'cancer' } });
    const reads = await Promise.all([readUserSettings(), readUserSettings(), readUserSettings()]);
    expect(reads).toEqual([{ defaultLens: 'cancer' }, { defaultLens: 'cancer' }, { defaultLens: 'cancer' }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
