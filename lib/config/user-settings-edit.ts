/**
 * Edits to the clinician's saved settings, as the options page makes them. Pure: the page saves
 * the result, and lib/config/resolve.ts decides what policy lets through.
 */
import type { ContextRule } from '../context/rules';
import type { Lens } from './effective-config';
import type { CacheSettings, SourceSettings, UserSettings } from './model';
import { isObject } from './validate-fields';

/** Saved settings as stored, or {} when nothing (or something unreadable) is saved. */
export function asUserSettings(raw: unknown): UserSettings {
  return isObject(raw) ? (raw as UserSettings) : {};
}

/** Adds a source, replacing one of the user's with the same id. */
export function addUserSource(settings: UserSettings, source: SourceSettings): UserSettings {
  return { ...settings, sources: [...(settings.sources ?? []).filter((s) => s.id !== source.id), source] };
}

/** Removes one of the user's sources. */
export function removeUserSource(settings: UserSettings, id: string): UserSettings {
  return { ...settings, sources: (settings.sources ?? []).filter((s) => s.id !== id) };
}

/** Adds a context rule, replacing one of the user's with the same id. */
export function addUserRule(settings: UserSettings, rule: ContextRule): UserSettings {
  return { ...settings, contextRules: [...(settings.contextRules ?? []).filter((r) => r.id !== rule.id), rule] };
}

/** Removes one of the user's context rules. */
export function removeUserRule(settings: UserSettings, id: string): UserSettings {
  return { ...settings, contextRules: (settings.contextRules ?? []).filter((r) => r.id !== id) };
}

/** The settings that are one value each; undefined clears the user's value (the default applies again). */
export interface GeneralSettings {
  readonly defaultLens?: Lens;
  readonly cache?: CacheSettings;
}

/** Sets or clears the single-value settings. */
export function setGeneral(settings: UserSettings, general: GeneralSettings): UserSettings {
  const rest: { -readonly [K in keyof UserSettings]: UserSettings[K] } = { ...settings };
  delete rest.defaultLens;
  delete rest.cache;
  const cache = general.cache && Object.values(general.cache).some((v) => v !== undefined) ? general.cache : undefined;
  return { ...rest, ...(general.defaultLens && { defaultLens: general.defaultLens }), ...(cache && { cache }) };
}
