/**
 * The effective configuration every part of fhirside reads: sources, context rules, FHIRcast,
 * cache limits, default lens. Today it is the built-in defaults; managed policy and the options
 * page layer on top of them here, so callers never change when those arrive.
 */
import type { ContextRule } from '../context/rules';
import type { SourceConfig } from '../sources/source-config';
import { DEFAULT_CACHE_MAX_AGE_MS, DEFAULT_CONTEXT_RULES, DEFAULT_SOURCES } from './defaults';

export type Lens = 'general' | 'cancer' | 'mental-health';

export interface FhircastConfig {
  readonly hubUrl: string;
  readonly topic: string;
}

export interface EffectiveConfig {
  readonly sources: readonly SourceConfig[];
  readonly contextRules: readonly ContextRule[];
  readonly fhircast?: FhircastConfig;
  readonly cache: { readonly maxAgeMs: number; readonly maxPatients: number };
  readonly defaultLens: Lens;
}

export const DEFAULT_CONFIG: EffectiveConfig = {
  sources: DEFAULT_SOURCES,
  contextRules: DEFAULT_CONTEXT_RULES,
  cache: { maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS, maxPatients: 200 },
  defaultLens: 'general',
};

/** Loads the effective configuration. */
export async function loadEffectiveConfig(): Promise<EffectiveConfig> {
  return DEFAULT_CONFIG;
}

/** Calls back whenever the effective configuration changes; returns an unsubscribe function. */
export function onEffectiveConfigChanged(_callback: (config: EffectiveConfig) => void): () => void {
  return () => {};
}
