/**
 * The configuration an install with no policy and no saved settings runs: the sandbox world in a
 * demo build, nothing at all in production, where the trust's policy supplies every source and rule.
 */
import { DEMO_BUILD } from './build-mode';
import type { EffectiveConfig } from './effective-config';
import { DEFAULT_CACHE_MAX_AGE_MS, DEFAULT_CONTEXT_RULES, DEFAULT_FHIRCAST, DEFAULT_LAUNCH_URL, DEFAULT_SOURCES } from './defaults';

/** A shared workstation left with a patient on screen is blanked after 15 minutes without use. */
export const DEFAULT_IDLE_LOCK_MS = 15 * 60_000;

const LIMITS = { cache: { maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS, maxPatients: 200 }, defaultLens: 'general', idleLockMs: DEFAULT_IDLE_LOCK_MS } as const;

/** The sandbox's sources, EPR rules and FHIRcast hub: `npm start`, the tests and the bench. */
export const DEMO_CONFIG: EffectiveConfig = {
  sources: DEFAULT_SOURCES,
  contextRules: DEFAULT_CONTEXT_RULES,
  fhircast: DEFAULT_FHIRCAST,
  launchUrl: DEFAULT_LAUNCH_URL,
  ...LIMITS,
};

/** A production build: no source, no rule, no hub until the trust's policy names them. */
export const PRODUCTION_CONFIG: EffectiveConfig = { sources: [], contextRules: [], ...LIMITS };

// DEMO_BUILD is a constant the bundler folds: a production bundle drops the demo values rather than
// carrying them unused (test/e2e/production-build.test.ts looks).
export const DEFAULT_CONFIG: EffectiveConfig = DEMO_BUILD ? DEMO_CONFIG : PRODUCTION_CONFIG;
