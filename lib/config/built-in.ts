/** The configuration an install with no policy and no saved settings runs: the sandbox world. */
import type { EffectiveConfig } from './effective-config';
import { DEFAULT_CACHE_MAX_AGE_MS, DEFAULT_CONTEXT_RULES, DEFAULT_FHIRCAST, DEFAULT_SOURCES } from './defaults';

/** A shared workstation left with a patient on screen is blanked after 15 minutes without use. */
export const DEFAULT_IDLE_LOCK_MS = 15 * 60_000;

export const DEFAULT_CONFIG: EffectiveConfig = {
  sources: DEFAULT_SOURCES,
  contextRules: DEFAULT_CONTEXT_RULES,
  fhircast: DEFAULT_FHIRCAST,
  cache: { maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS, maxPatients: 200 },
  defaultLens: 'general',
  idleLockMs: DEFAULT_IDLE_LOCK_MS,
};
