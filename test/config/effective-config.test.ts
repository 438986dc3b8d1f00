import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadEffectiveConfig, loadResolvedConfig, onEffectiveConfigChanged, type EffectiveConfig } from '@/lib/config/effective-config';
import { writeUserSettings } from '@/lib/platform/user-settings-store';
import { gpSource, userSource } from './policies';

const nextChange = () => new Promise<EffectiveConfig>((resolve) => {
  const stop = onEffectiveConfigChanged((config) => {
    stop();
    resolve(config);
  });
});

describe('the effective configuration from browser storage', () => {
  it('reads the managed policy and the saved settings together', async () => {
    await fakeBrowser.storage.managed.set({ sources: [gpSource], userMayAddSources: true, defaultLens: 'cancer' });
    await writeUserSettings({ sources: [userSource], defaultLens: 'general', cache: { maxPatients: 20 } });
    const config = await loadEffectiveConfig();
    expect(config.sources.map((s) => s.id)).toEqual(['gp', 'research']);
    expect(config.defaultLens).toBe('cancer');
    expect(config.cache.maxPatients).toBe(20);
    expect((await loadResolvedConfig()).origins.defaultLens).toBe('managed');
  });

  it('applies a policy change live (Chrome and Edge fire storage.onChanged for area "managed")', async () => {
    expect((await loadEffectiveConfig()).sources.map((s) => s.id)).toEqual(['gp', 'acute', 'mh']);
    const changed = nextChange();
    await fakeBrowser.storage.managed.set({ sources: [gpSource] });
    expect((await changed).sources.map((s) => s.name)).toEqual(['Trust GP Connect']);
  });

  it('applies the clinician\'s saved settings live, in every open page', async () => {
    const changed = nextChange();
    await writeUserSettings({ defaultLens: 'mental-health' });
    expect((await changed).defaultLens).toBe('mental-health');
  });

  it('treats a browser that refuses storage.managed (Firefox without policies.json) as having no policy', async () => {
    const managed = fakeBrowser.storage.managed;
    const original = managed.get;
    managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      const resolved = await loadResolvedConfig();
      expect(resolved.managed).toBe(false);
      expect(resolved.config.sources.map((s) => s.id)).toEqual(['gp', 'acute', 'mh']);
    } finally {
      managed.get = original;
    }
  });
});
