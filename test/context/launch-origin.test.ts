import { describe, expect, it } from 'vitest';
import type { ContextRule } from '@/lib/context/rules';
import { mayLaunch } from '@/lib/context/launch-origin';

const RULES: ContextRule[] = [
  { id: 'epr', urlPattern: '^https://epr\\.trust\\.nhs\\.uk/', identifier: { from: 'text' } },
  { id: 'any', urlPattern: '^https?://', identifier: { from: 'text' } },
];

describe('who may open the EHR launch page', () => {
  it('an EPR page a rule names and matches', () => {
    expect(mayLaunch(RULES, [], 'https://epr.trust.nhs.uk/patient/1')).toBe(true);
  });

  it('not a page only the generic finder matches', () => {
    expect(mayLaunch(RULES, [], 'https://cats.example/')).toBe(false);
  });

  it('an origin policy lists in launchOrigins, and only that origin', () => {
    expect(mayLaunch(RULES, ['https://launcher.trust.nhs.uk'], 'https://launcher.trust.nhs.uk/app')).toBe(true);
    expect(mayLaunch(RULES, ['https://launcher.trust.nhs.uk'], 'https://launcher.trust.nhs.uk.evil.example/')).toBe(false);
    expect(mayLaunch(RULES, ['https://launcher.trust.nhs.uk'], 'http://launcher.trust.nhs.uk/')).toBe(false);
  });

  it('not a page without a web origin', () => {
    expect(mayLaunch(RULES, [], 'about:blank')).toBe(false);
    expect(mayLaunch(RULES, [], 'data:text/html,hi')).toBe(false);
  });
});
