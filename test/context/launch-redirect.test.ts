import { describe, expect, it } from 'vitest';
import type { ContextRule } from '@/lib/context/rules';
import { launchInitiatorHosts, launchRedirectRule } from '@/lib/context/launch-redirect';

const RULES: ContextRule[] = [
  { id: 'epr', urlPattern: '^https://epr\\.trust\\.nhs\\.uk/', identifier: { from: 'text' } },
  { id: 'any', urlPattern: '^https?://', identifier: { from: 'text' } },
];
const PAGE = 'moz-extension://5f1c0b3e-2a9d-4c1e-8e0f-7b6a5d4c3b2a/launch.html';

/** What the browser does with a URL under the rule: the redirect target, or undefined when it does not match. */
function redirected(rule: NonNullable<ReturnType<typeof launchRedirectRule>>, url: string): string | undefined {
  const match = new RegExp(rule.condition.regexFilter).exec(url);
  return match ? rule.action.redirect.regexSubstitution.replace('\\1', match[1] ?? '') : undefined;
}

describe('the launch URL redirect', () => {
  it('takes the hosts the rules name and launchOrigins, never the generic finder\'s any-site', () => {
    expect(launchInitiatorHosts(RULES, ['https://launcher.trust.nhs.uk'])).toEqual(['epr.trust.nhs.uk', 'launcher.trust.nhs.uk']);
    expect(launchInitiatorHosts([RULES[1]!], [])).toEqual([]);
  });

  it('redirects the launch URL with its query to the launch page, for top-level navigations from those hosts only', () => {
    const rule = launchRedirectRule('https://epr.trust.nhs.uk/fhirside/launch', ['epr.trust.nhs.uk'], PAGE)!;
    expect(rule.condition).toMatchObject({ requestDomains: ['epr.trust.nhs.uk'], initiatorDomains: ['epr.trust.nhs.uk'], resourceTypes: ['main_frame'] });
    expect(redirected(rule, 'https://epr.trust.nhs.uk/fhirside/launch?iss=https%3A%2F%2Ffhir.trust%2Fr4&launch=x1')).toBe(`${PAGE}?iss=https%3A%2F%2Ffhir.trust%2Fr4&launch=x1`);
    expect(redirected(rule, 'https://epr.trust.nhs.uk/fhirside/launch')).toBe(PAGE);
  });

  it('matches that address only: not a longer path, another host, or a look-alike', () => {
    const rule = launchRedirectRule('https://epr.trust.nhs.uk/fhirside/launch', ['epr.trust.nhs.uk'], PAGE)!;
    expect(redirected(rule, 'https://epr.trust.nhs.uk/fhirside/launcher?iss=a&launch=b')).toBeUndefined();
    expect(redirected(rule, 'https://epr.trust.nhs.uk/fhirside/launch/more?iss=a')).toBeUndefined();
    expect(redirected(rule, 'https://eprXtrust.nhs.uk/fhirside/launch?iss=a')).toBeUndefined();
    expect(redirected(rule, 'https://evil.example/?u=https://epr.trust.nhs.uk/fhirside/launch?iss=a')).toBeUndefined();
  });

  it('is not there without a launch URL or without any host that may launch', () => {
    expect(launchRedirectRule(undefined, ['epr.trust.nhs.uk'], PAGE)).toBeUndefined();
    expect(launchRedirectRule('https://epr.trust.nhs.uk/fhirside/launch', [], PAGE)).toBeUndefined();
  });
});
