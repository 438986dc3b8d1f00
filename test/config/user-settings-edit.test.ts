import { describe, expect, it } from 'vitest';
import { addUserRule, addUserSource, asUserSettings, removeUserRule, removeUserSource, setGeneral } from '@/lib/config/user-settings-edit';
import { eprRule, userSource } from './policies';

describe('editing the clinician\'s saved settings', () => {
  it('adds, replaces and removes the user\'s own sources and rules', () => {
    let settings = addUserSource(asUserSettings(undefined), userSource);
    settings = addUserSource(settings, { ...userSource, name: 'Renamed' });
    expect(settings.sources).toEqual([{ ...userSource, name: 'Renamed' }]);
    expect(removeUserSource(settings, 'research').sources).toEqual([]);
    const withRule = addUserRule(settings, eprRule);
    expect(withRule.contextRules?.map((r) => r.id)).toEqual(['trust-pas']);
    expect(removeUserRule(withRule, 'trust-pas').contextRules).toEqual([]);
  });

  it('sets the single-value settings and clears those left out, keeping the lists', () => {
    const settings = setGeneral({ sources: [userSource], defaultLens: 'cancer', cache: { maxPatients: 3 } }, { cache: { maxAgeMinutes: 60 } });
    expect(settings).toEqual({ sources: [userSource], cache: { maxAgeMinutes: 60 } });
    expect(setGeneral(settings, { cache: {} })).toEqual({ sources: [userSource] });
  });

  it('treats unreadable saved settings as none', () => {
    expect(asUserSettings('garbage')).toEqual({});
  });
});
