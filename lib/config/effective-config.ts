/**
 * The effective configuration every part of fhirside reads: sources, context rules, FHIRcast,
 * cache limits, default lens. Managed policy > the clinician's saved settings > built-in defaults,
 * each layer validated (lib/config/resolve.ts); an invalid item is skipped and listed in `problems`.
 */
import type { ContextRule } from '../context/rules';
import { onManagedPolicyChanged, readManagedPolicy } from '../platform/managed-storage';
import { onUserSettingsChanged, readUserSettings } from '../platform/user-settings-store';
import type { SourceConfig } from '../sources/source-config';
import type { AuditSettings, ConfigProblem } from './model';
import { resolveConfig, type ResolvedConfig } from './resolve';

export { DEFAULT_CONFIG } from './built-in';

export type Lens = 'general' | 'cancer' | 'mental-health';

export interface FhircastConfig {
  readonly hubUrl: string;
  readonly topic: string;
  /** The source whose SMART access token is sent to the hub on subscribe (the hub's authorization server issued it). */
  readonly sourceId?: string;
}

export interface EffectiveConfig {
  readonly sources: readonly SourceConfig[];
  readonly contextRules: readonly ContextRule[];
  readonly fhircast?: FhircastConfig;
  readonly cache: { readonly maxAgeMs: number; readonly maxPatients: number };
  readonly defaultLens: Lens;
  /** Set by policy only: where one AuditEvent per look-up is posted. */
  readonly audit?: AuditSettings;
  /** Set by policy only: how long the panel may sit without input before it is blanked (default 15 minutes). */
  readonly idleLockMs?: number;
  /** Set by policy only: origins that may open the SMART EHR launch page besides the rule-named sites. */
  readonly launchOrigins?: readonly string[];
  /** Set by policy (or the demo build): the https launch URL fhirside redirects to its launch page. */
  readonly launchUrl?: string;
  /** What was wrong in policy or settings and what was skipped because of it. */
  readonly problems?: readonly ConfigProblem[];
}

/** Loads the configuration with the origin of each value and every problem found. */
export async function loadResolvedConfig(): Promise<ResolvedConfig> {
  const [managed, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
  return resolveConfig(managed, user);
}

/** Loads the effective configuration. */
export async function loadEffectiveConfig(): Promise<EffectiveConfig> {
  return (await loadResolvedConfig()).config;
}

/**
 * Calls back with the resolved configuration whenever policy or saved settings change.
 * @returns an unsubscribe function
 */
export function onResolvedConfigChanged(callback: (resolved: ResolvedConfig) => void): () => void {
  let latest = 0;
  const reload = () => {
    // Two quick changes: only the last read may win, whatever order the reads finish in.
    const call = ++latest;
    void loadResolvedConfig().then((resolved) => call === latest && callback(resolved));
  };
  const stops = [onManagedPolicyChanged(reload), onUserSettingsChanged(reload)];
  return () => stops.forEach((stop) => stop());
}

/** Calls back whenever the effective configuration changes; returns an unsubscribe function. */
export function onEffectiveConfigChanged(callback: (config: EffectiveConfig) => void): () => void {
  return onResolvedConfigChanged((resolved) => callback(resolved.config));
}
