import { describe, expect, it } from 'vitest';
import { resolveConfig } from '@/lib/config/resolve';
import { acuteSource, eprRule, gpSource } from './policies';

describe('validation: an invalid item is skipped and reported, the rest still work', () => {
  it('skips a source with an unencrypted address and keeps the good one', () => {
    const resolved = resolveConfig({ sources: [{ ...gpSource, fhirBaseUrl: 'http://fhir.gp.example.nhs.uk/r4' }, acuteSource] }, undefined);
    expect(resolved.config.sources.map((s) => s.id)).toEqual(['acute']);
    expect(resolved.problems).toEqual([
      {
        origin: 'managed',
        path: 'sources[0].fhirBaseUrl',
        message: '"http://fhir.gp.example.nhs.uk/r4" must start with https:// (http is allowed only for 127.0.0.1 and localhost)',
        skipped: 'source "gp"',
      },
    ]);
    expect(resolved.config.problems).toBe(resolved.problems);
  });

  it('reports every problem of a source, each with its path', () => {
    const resolved = resolveConfig({ sources: [{ id: 'Bad Id', fhirBaseUrl: 'not a url', pageSize: 0 }] }, undefined);
    expect(resolved.config.sources).toEqual([]);
    expect(resolved.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sources[0].id: "Bad Id" must be lower-case letters, digits and dashes',
      'sources[0].name: is missing',
      'sources[0].fhirBaseUrl: "not a url" is not a web address',
      'sources[0].clientId: is needed to sign in with SMART (the client id registered for fhirside)',
      'sources[0].pageSize: must be between 1 and 1000 (is 0)',
    ]);
    expect(new Set(resolved.problems.map((p) => p.skipped))).toEqual(new Set(['source "Bad Id"']));
  });

  it('accepts plain http only on this computer (the sandbox)', () => {
    const resolved = resolveConfig({ sources: [{ ...gpSource, fhirBaseUrl: 'http://127.0.0.1:8101/fhir' }] }, undefined);
    expect(resolved.problems).toEqual([]);
  });

  it('skips the second of two sources with one id', () => {
    const resolved = resolveConfig({ sources: [gpSource, { ...acuteSource, id: 'gp' }] }, undefined);
    expect(resolved.config.sources.map((s) => s.name)).toEqual(['Trust GP Connect']);
    expect(resolved.problems).toEqual([expect.objectContaining({ path: 'sources[1].id', message: 'repeats the id "gp" of an earlier source' })]);
  });

  it('warns of a misspelt field without switching the source off', () => {
    const resolved = resolveConfig({ sources: [{ ...gpSource, pagesize: 10 }] }, undefined);
    expect(resolved.config.sources.map((s) => s.id)).toEqual(['gp']);
    expect(resolved.problems).toEqual([{ origin: 'managed', path: 'sources[0].pagesize', message: 'is not a fhirside setting (misspelt?)' }]);
  });

  it('reports a sources value that is not a list, and runs no source rather than the built-in sandbox ones', () => {
    const resolved = resolveConfig({ sources: gpSource }, undefined);
    expect(resolved.config.sources).toEqual([]);
    expect(resolved.problems).toEqual([expect.objectContaining({ path: 'sources', message: 'must be a list, not an object', skipped: 'all sources' })]);
  });

  it('skips a context rule whose pattern does not compile, or whose URL pattern has no capture group', () => {
    const resolved = resolveConfig(
      {
        contextRules: [
          { ...eprRule, id: 'broken', urlPattern: '^https://(pas' },
          { id: 'no-group', urlPattern: '^https://', identifier: { from: 'url', pattern: '/patient/\\d{10}' } },
          eprRule,
        ],
      },
      undefined,
    );
    expect(resolved.config.contextRules.map((r) => r.id)).toEqual(['trust-pas']);
    expect(resolved.problems.map((p) => [p.path, p.skipped])).toEqual([
      ['contextRules[0].urlPattern', 'rule "broken"'],
      ['contextRules[1].identifier.pattern', 'rule "no-group"'],
    ]);
    expect(resolved.problems[0]!.message).toMatch(/not a valid regular expression/);
  });

  it('falls back to the next layer for a scalar out of range', () => {
    const resolved = resolveConfig({ cache: { maxAgeMinutes: 0 }, defaultLens: 'oncology' }, { defaultLens: 'mental-health' });
    expect(resolved.config.cache.maxAgeMs).toBe(12 * 60 * 60_000);
    expect(resolved.config.defaultLens).toBe('mental-health');
    expect(resolved.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'cache.maxAgeMinutes: must be between 1 and 10080 (is 0)',
      'defaultLens: must be one of "general", "cancer", "mental-health"',
    ]);
  });

  it('reports an audit source that names no configured source', () => {
    const resolved = resolveConfig({ sources: [gpSource], audit: { endpoint: 'https://audit.example.nhs.uk/AuditEvent', sourceId: 'pas' } }, undefined);
    expect(resolved.config.audit?.endpoint).toBe('https://audit.example.nhs.uk/AuditEvent');
    expect(resolved.problems).toEqual([expect.objectContaining({ path: 'audit.sourceId' })]);
  });
});
