import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '@/lib/config/built-in';
import { DEFAULT_CONFIG } from '@/lib/config/effective-config';
import { resolveConfig } from '@/lib/config/resolve';
import { acuteSource, eprRule, gpSource, userSource } from './policies';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('precedence: managed policy > user settings > defaults', () => {
  it('runs the built-in defaults when there is neither policy nor settings', () => {
    const resolved = resolveConfig({}, undefined);
    expect(resolved.config.sources).toEqual(DEFAULT_CONFIG.sources);
    expect(resolved.config.contextRules).toEqual(DEFAULT_CONFIG.contextRules);
    expect(resolved.origins.sources).toEqual({ gp: 'default', acute: 'default', mh: 'default' });
    expect(resolved.origins.defaultLens).toBe('default');
    expect(resolved.managed).toBe(false);
    expect(resolved.userMay).toEqual({ addSources: true, addContextRules: true });
    expect(resolved.problems).toEqual([]);
  });

  it('replaces the built-in sources with the policy\'s, filling in the defaults for the limits', () => {
    const resolved = resolveConfig({ sources: [gpSource, acuteSource] }, undefined);
    expect(ids(resolved.config.sources)).toEqual(['gp', 'acute']);
    expect(resolved.config.sources[0]).toEqual({
      ...gpSource,
      auth: 'smart',
      scope: 'openid fhirUser offline_access user/*.read',
      identifierSystems: ['https://fhir.nhs.uk/Id/nhs-number'],
      pageSize: 100,
      timeoutMs: 15_000,
    });
    // A trailing slash on the base would double up in every search URL.
    expect(resolved.config.sources[1]).toMatchObject({ fhirBaseUrl: 'https://fhir.acute.example.nhs.uk/r4', pageSize: 50, maxConcurrency: 2 });
    expect(resolved.origins.sources).toEqual({ gp: 'managed', acute: 'managed' });
    expect(resolved.managed).toBe(true);
  });

  it('takes each scalar from the highest layer that sets it', () => {
    const resolved = resolveConfig(
      { cache: { maxAgeMinutes: 30 } },
      { cache: { maxAgeMinutes: 600, maxPatients: 50 }, defaultLens: 'cancer' },
    );
    expect(resolved.config.cache).toEqual({ maxAgeMs: 30 * 60_000, maxPatients: 50 });
    expect(resolved.config.defaultLens).toBe('cancer');
    expect(resolved.origins).toMatchObject({ cacheMaxAge: 'managed', cacheMaxPatients: 'user', defaultLens: 'user', fhircast: 'default' });
  });

  it('adds the user\'s sources after the defaults when no policy sets sources', () => {
    const resolved = resolveConfig({}, { sources: [userSource] });
    expect(ids(resolved.config.sources)).toEqual(['research', 'gp', 'acute', 'mh']);
    expect(resolved.origins.sources['research']).toBe('user');
  });

  it('ignores the user\'s sources, and says so, when policy sets sources without allowing additions', () => {
    const resolved = resolveConfig({ sources: [gpSource] }, { sources: [userSource] });
    expect(ids(resolved.config.sources)).toEqual(['gp']);
    expect(resolved.userMay.addSources).toBe(false);
    expect(resolved.problems).toEqual([
      expect.objectContaining({ origin: 'user', path: 'sources', message: expect.stringMatching(/does not allow/) }),
    ]);
  });

  it('keeps the user\'s sources after the policy\'s when policy allows it, never replacing a managed one', () => {
    const resolved = resolveConfig(
      { sources: [gpSource], userMayAddSources: true },
      { sources: [userSource, { ...userSource, id: 'gp', name: 'My own GP' }] },
    );
    expect(resolved.config.sources.map((s) => s.name)).toEqual(['Trust GP Connect', 'My research server']);
    expect(resolved.problems).toEqual([expect.objectContaining({ message: '"gp" is already set by your organisation' })]);
  });

  it('puts the policy\'s context rules first and the user\'s after, when allowed', () => {
    const userRule = { id: 'mine', urlPattern: '^https://other/', identifier: { from: 'text' } };
    const locked = resolveConfig({ contextRules: [eprRule] }, { contextRules: [userRule] });
    expect(ids(locked.config.contextRules)).toEqual(['trust-pas']);
    const open = resolveConfig({ contextRules: [eprRule], userMayAddContextRules: true }, { contextRules: [userRule] });
    expect(ids(open.config.contextRules)).toEqual(['trust-pas', 'mine']);
    expect(open.origins.contextRules).toEqual({ 'trust-pas': 'managed', mine: 'user' });
  });

  it('never mixes the built-in sandbox sources, rules or hub into a policy-managed browser', () => {
    const resolved = resolveConfig({ cache: { maxAgeMinutes: 30 } }, { sources: [userSource] });
    expect(ids(resolved.config.sources)).toEqual(['research']);
    expect(resolved.config.contextRules).toEqual([]);
    expect(resolved.config.fhircast).toBeUndefined();
    expect(resolved.userMay).toEqual({ addSources: true, addContextRules: true });
  });

  it('takes FHIRcast and audit from policy', () => {
    const resolved = resolveConfig(
      { fhircast: { hubUrl: 'https://hub.example.nhs.uk/api/hub', topic: 'ws-42' }, audit: { endpoint: 'https://audit.example.nhs.uk/fhir/AuditEvent', sourceId: 'gp' }, sources: [gpSource] },
      { fhircast: { hubUrl: 'https://elsewhere.example/hub', topic: 'mine' } },
    );
    expect(resolved.config.fhircast).toEqual({ hubUrl: 'https://hub.example.nhs.uk/api/hub', topic: 'ws-42' });
    expect(resolved.config.audit).toEqual({ endpoint: 'https://audit.example.nhs.uk/fhir/AuditEvent', sourceId: 'gp' });
    expect(resolved.origins).toMatchObject({ fhircast: 'managed', audit: 'managed' });
  });

  it('takes launchOrigins from policy only, as origins, refusing plain http', () => {
    const resolved = resolveConfig({ launchOrigins: ['https://launcher.example.nhs.uk/app/', 'http://launcher.example.nhs.uk'] }, { launchOrigins: ['https://me.example'] });
    expect(resolved.config.launchOrigins).toEqual(['https://launcher.example.nhs.uk']);
    expect(resolved.problems).toEqual([
      expect.objectContaining({ origin: 'managed', path: 'launchOrigins[1]' }),
      expect.objectContaining({ origin: 'user', path: '.launchOrigins' }),
    ]);
  });

  it('takes the launch URL from policy only, without query or fragment, and the sandbox\'s only where no policy applies', () => {
    const resolved = resolveConfig({ launchUrl: 'https://launcher.example.nhs.uk/fhirside/launch' }, { launchUrl: 'https://me.example/launch' });
    expect(resolved.config.launchUrl).toBe('https://launcher.example.nhs.uk/fhirside/launch');
    expect(resolved.problems).toEqual([expect.objectContaining({ origin: 'user', path: '.launchUrl' })]);
    const withQuery = resolveConfig({ launchUrl: 'https://launcher.example.nhs.uk/launch?x=1' }, undefined);
    expect(withQuery.config.launchUrl).toBeUndefined();
    expect(withQuery.problems).toEqual([expect.objectContaining({ origin: 'managed', path: 'launchUrl', message: expect.stringMatching(/must not carry a query/) })]);
    expect(resolveConfig({ idleLockMinutes: 5 }, undefined, DEMO_CONFIG).config.launchUrl).toBeUndefined();
    expect(resolveConfig({}, undefined, DEMO_CONFIG).config.launchUrl).toBe(DEMO_CONFIG.launchUrl);
  });

  it('ignores an audit endpoint in user settings: only the organisation decides where access is audited', () => {
    const resolved = resolveConfig({}, { audit: { endpoint: 'https://me.example/audit' } });
    expect(resolved.config.audit).toBeUndefined();
    expect(resolved.problems).toEqual([expect.objectContaining({ origin: 'user', path: '.audit', message: expect.stringMatching(/not a fhirside setting/) })]);
  });
});
