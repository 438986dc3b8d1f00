/**
 * Precedence: managed policy > user settings > built-in defaults. Pure, so every combination is
 * tested in Node; lib/config/effective-config.ts feeds it from browser storage.
 */
import type { AuditSettings, ConfigProblem, Origin } from './model';
import type { EffectiveConfig } from './effective-config';
import { DEFAULT_CONFIG, DEFAULT_IDLE_LOCK_MS } from './built-in';
import { mergeList, pick } from './merge-layers';
import { withPackRules } from './rule-pack';
import { checkLayer, type CheckedLayer } from './validate-settings';

/** Where each effective value came from, for the options page's source column. */
export interface ConfigOrigins {
  readonly sources: Readonly<Record<string, Origin>>;
  readonly contextRules: Readonly<Record<string, Origin>>;
  readonly fhircast: Origin;
  readonly cacheMaxAge: Origin;
  readonly cacheMaxPatients: Origin;
  readonly defaultLens: Origin;
  readonly audit: Origin;
}

/** The effective configuration with everything the options page needs to explain it. */
export interface ResolvedConfig {
  readonly config: EffectiveConfig;
  readonly origins: ConfigOrigins;
  /** What the user may add: false when the policy fixes that list without allowing additions. */
  readonly userMay: { readonly addSources: boolean; readonly addContextRules: boolean };
  /** True when any managed policy applies to this browser. */
  readonly managed: boolean;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Resolves the effective configuration from the raw managed policy and user settings.
 * @param rawManaged - what `storage.managed` holds ({} when no policy applies)
 * @param rawUser - the options page's saved settings, or undefined
 */
export function resolveConfig(rawManaged: unknown, rawUser: unknown, defaults: EffectiveConfig = DEFAULT_CONFIG): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const m: CheckedLayer = checkLayer(rawManaged, 'managed', problems);
  const u: CheckedLayer = checkLayer(rawUser, 'user', problems);
  // Rule packs listed by policy are policy's rules, after its own contextRules.
  const managedRules = withPackRules(m.contextRules, m.rulePacks, problems);
  const userMay = {
    addSources: m.sources === undefined || m.userMayAddSources === true,
    addContextRules: managedRules === undefined || m.userMayAddContextRules === true,
  };
  // The built-in sources, rules and hub are the sandbox's: a browser under any policy is a real
  // deployment, where loopback demo servers must never appear beside the trust's own.
  const managed = isNonEmpty(rawManaged);
  const demo = <T,>(list: readonly T[]): readonly T[] => (managed ? [] : list);
  const sources = mergeList('sources', m.sources, u.sources, demo(defaults.sources), userMay.addSources, problems);
  const rules = mergeList('contextRules', managedRules, u.contextRules, demo(defaults.contextRules), userMay.addContextRules, problems);
  const [fhircast, fhircastOrigin] = pick(m.fhircast, u.fhircast, managed ? undefined : defaults.fhircast);
  const [maxAgeMs, maxAgeOrigin] = pick(m.cacheMaxAgeMs, u.cacheMaxAgeMs, defaults.cache.maxAgeMs);
  const [maxPatients, maxPatientsOrigin] = pick(m.cacheMaxPatients, u.cacheMaxPatients, defaults.cache.maxPatients);
  const [defaultLens, lensOrigin] = pick(m.defaultLens, u.defaultLens, defaults.defaultLens);
  const audit: AuditSettings | undefined = m.audit;
  // The sandbox's launch URL belongs with the sandbox's rules: a policy's EPRs never get it.
  const launchUrl = m.launchUrl ?? (managed ? undefined : defaults.launchUrl);
  if (audit?.sourceId !== undefined && sources.origins[audit.sourceId] === undefined) {
    problems.push({ origin: 'managed', path: 'audit.sourceId', message: `names no configured source ("${audit.sourceId}"); audit events are posted without sign-in` });
  }
  const auditSource = sources.list.find((s) => s.id === audit?.sourceId);
  if (audit && auditSource && new URL(auditSource.fhirBaseUrl).origin !== new URL(audit.endpoint).origin) {
    const instead = audit.authorization === undefined ? 'without a credential' : 'with audit.authorization';
    problems.push({ origin: 'managed', path: 'audit.sourceId', message: `the sign-in of "${auditSource.id}" is sent only to its own server, not to ${new URL(audit.endpoint).origin}; audit events are posted ${instead}` });
  }
  return {
    config: {
      sources: sources.list,
      contextRules: rules.list,
      ...(fhircast && { fhircast }),
      cache: { maxAgeMs: maxAgeMs ?? defaults.cache.maxAgeMs, maxPatients: maxPatients ?? defaults.cache.maxPatients },
      defaultLens: defaultLens ?? defaults.defaultLens,
      ...(audit && { audit }),
      idleLockMs: m.idleLockMs ?? defaults.idleLockMs ?? DEFAULT_IDLE_LOCK_MS,
      ...(m.launchOrigins && { launchOrigins: m.launchOrigins }),
      ...(launchUrl && { launchUrl }),
      problems,
    },
    origins: {
      sources: sources.origins,
      contextRules: rules.origins,
      fhircast: fhircastOrigin,
      cacheMaxAge: maxAgeOrigin,
      cacheMaxPatients: maxPatientsOrigin,
      defaultLens: lensOrigin,
      audit: audit ? 'managed' : 'default',
    },
    userMay,
    managed,
    problems,
  };
}

const isNonEmpty = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length > 0;
