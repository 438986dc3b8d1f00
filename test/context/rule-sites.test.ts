import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_RULES } from '@/lib/config/defaults';
import { siteOfUrl, sitesOfPattern, sitesOfRules } from '@/lib/context/rule-sites';

describe('the sites a context rule names', () => {
  it('reads a literal host, with or without a port', () => {
    expect(sitesOfPattern('^https://epr\\.trust\\.nhs\\.uk/')).toEqual(['https://epr.trust.nhs.uk/*']);
    expect(sitesOfPattern('^http://127\\.0\\.0\\.1:8110/')).toEqual(['http://127.0.0.1/*']);
    expect(sitesOfPattern('^https?://pas\\.example(?::\\d+)?/')).toEqual(['*://pas.example/*']);
    expect(sitesOfPattern('^https://pas\\.example$')).toEqual(['https://pas.example/*']);
  });

  it('reads a group of literal hosts', () => {
    expect(sitesOfPattern('^http://(127\\.0\\.0\\.1|localhost):8110/')).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('names no site when the host is not literal, rather than guess a wider one', () => {
    expect(sitesOfPattern('^https?://')).toEqual([]);
    expect(sitesOfPattern('^https://epr(\\.trust)?\\.nhs\\.uk/')).toEqual([]);
    expect(sitesOfPattern('^https://[a-z]+\\.nhs\\.uk/')).toEqual([]);
    expect(sitesOfPattern('https://epr\\.nhs\\.uk/')).toEqual([]);
    expect(sitesOfPattern('^https://epr.nhs.uk/')).toEqual([]);
  });

  it('covers the demo EPRs out of the box', () => {
    expect(sitesOfRules(DEFAULT_CONTEXT_RULES)).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('gives the site of a page, for web pages only', () => {
    expect(siteOfUrl('https://epr.example:8443/a?b')).toBe('https://epr.example/*');
    expect(siteOfUrl('chrome://settings')).toBeUndefined();
    expect(siteOfUrl('not a url')).toBeUndefined();
  });
});
