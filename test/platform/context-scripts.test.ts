import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ContextRule } from '@/lib/context/rules';
import { syncContextScripts } from '@/lib/platform/context-scripts';

const EPR_RULE: ContextRule = { id: 'epr', urlPattern: '^https://epr\\.trust\\.nhs\\.uk/', identifier: { from: 'text' } };
const GENERIC_RULE: ContextRule = { id: 'any', urlPattern: '^https?://', identifier: { from: 'text' } };

/**
 * The browser as the registration code meets it: access to `granted` sites, a record of what the
 * content script ends up registered on. No tab is open.
 */
function browserWith(granted: string[]) {
  const registered: string[][] = [];
  vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({ origins: granted, permissions: [] } as never);
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.includes(o)));
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => void registered.push(...scripts.map((s) => s.matches ?? [])));
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
  return registered;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('where the context script runs', () => {
  it('runs on the sites the rules name, not on every site fhirside may reach', async () => {
    // Access to the FHIR server and a site granted for another reason: neither is an EPR.
    const registered = browserWith(['https://epr.trust.nhs.uk/*', 'https://fhir.trust.nhs.uk/*', 'https://intranet.example/*']);
    expect(await syncContextScripts([EPR_RULE, GENERIC_RULE])).toEqual(['https://epr.trust.nhs.uk/*']);
    expect(registered).toEqual([['https://epr.trust.nhs.uk/*']]);
  });

  it('runs nowhere when no rule names a site, even with access granted', async () => {
    const registered = browserWith(['https://intranet.example/*']);
    expect(await syncContextScripts([GENERIC_RULE])).toEqual([]);
    expect(registered).toEqual([]);
  });

  it('waits for access to a named site before running there', async () => {
    const registered = browserWith([]);
    expect(await syncContextScripts([EPR_RULE])).toEqual([]);
    expect(registered).toEqual([]);
  });
});
