/**
 * Checks a whole layer of configuration (the managed policy, or the user's saved settings). Each
 * bad item is skipped and reported; everything else still applies.
 */
import type { ContextRule } from '../context/rules';
import type { SourceConfig } from '../sources/source-config';
import type { FhircastConfig, Lens } from './effective-config';
import type { AuditSettings, ConfigProblem, ManagedPolicy, Origin } from './model';
import { clean, flag, integer, isObject, list, oneOf, secureUrl, text, unknownFields, type Report } from './validate-fields';
import { items } from './validate-items';
import { validateRulePacks, type RulePack } from './rule-pack';
import { validateRule } from './validate-rule';
import { validateSource } from './validate-source';

export const LENSES = ['general', 'cancer', 'mental-health'] as const satisfies readonly Lens[];
export const CACHE_LIMITS = { maxAgeMinutes: [1, 7 * 24 * 60], maxPatients: [1, 5000] } as const;
/** One minute to one shift. */
export const IDLE_LOCK_LIMITS = [1, 12 * 60] as const;
export const USER_FIELDS = ['sources', 'contextRules', 'fhircast', 'cache', 'defaultLens'] as const;
export const POLICY_FIELDS = [...USER_FIELDS, 'userMayAddSources', 'userMayAddContextRules', 'audit', 'idleLockMinutes', 'launchOrigins', 'launchUrl', 'rulePacks'] as const satisfies readonly (keyof ManagedPolicy)[];

/** One layer after checking: only what passed, and only what the layer actually set. */
export interface CheckedLayer {
  readonly sources?: readonly SourceConfig[];
  readonly contextRules?: readonly ContextRule[];
  readonly fhircast?: FhircastConfig;
  readonly cacheMaxAgeMs?: number;
  readonly cacheMaxPatients?: number;
  readonly defaultLens?: Lens;
  readonly userMayAddSources?: boolean;
  readonly userMayAddContextRules?: boolean;
  readonly audit?: AuditSettings;
  readonly idleLockMs?: number;
  readonly launchOrigins?: readonly string[];
  readonly launchUrl?: string;
  readonly rulePacks?: readonly RulePack[];
}

function fhircast(raw: unknown, report: Report): FhircastConfig | undefined {
  if (!isObject(raw)) return void report('fhircast', 'must be an object with hubUrl and topic');
  const hubUrl = secureUrl(raw['hubUrl'], 'fhircast.hubUrl', report);
  const topic = text(raw['topic'], 'fhircast.topic', report, 500);
  const sourceId = raw['sourceId'] === undefined ? undefined : text(raw['sourceId'], 'fhircast.sourceId', report, 40);
  return hubUrl && topic ? { hubUrl, topic, ...(sourceId !== undefined && { sourceId }) } : undefined;
}

function audit(raw: unknown, report: Report): AuditSettings | undefined {
  if (!isObject(raw)) return void report('audit', 'must be an object with an endpoint');
  const endpoint = secureUrl(raw['endpoint'], 'audit.endpoint', report);
  const sourceId = raw['sourceId'] === undefined ? undefined : text(raw['sourceId'], 'audit.sourceId', report, 40);
  const authorization = raw['authorization'] === undefined ? undefined : text(raw['authorization'], 'audit.authorization', report, 4000);
  return endpoint ? { endpoint, ...(sourceId !== undefined && { sourceId }), ...(authorization !== undefined && { authorization }) } : undefined;
}

const minutesToMs = (minutes: number | undefined) => (minutes === undefined ? undefined : minutes * 60_000);
/** Each an https origin (http only on loopback), kept as its origin: a path would promise more than is checked. */
function launchOrigins(raw: unknown, report: Report): readonly string[] {
  const entries = list(raw, 'launchOrigins', report) ?? [];
  return entries.flatMap((entry, i) => {
    const url = secureUrl(entry, `launchOrigins[${i}]`, report);
    return url === undefined ? [] : [new URL(url).origin];
  });
}

/** An https address without query or fragment: the EPR adds the query, and the redirect keeps it whole. */
function launchUrl(raw: unknown, report: Report): string | undefined {
  const url = secureUrl(raw, 'launchUrl', report);
  if (url === undefined) return undefined;
  const parsed = new URL(url);
  if (parsed.search !== '' || parsed.hash !== '') return void report('launchUrl', `"${url}" must not carry a query or fragment: the EPR adds ?iss=…&launch=…`);
  return parsed.origin + parsed.pathname;
}

/**
 * Checks one layer of configuration.
 * @param origin - `managed` for policy (every key allowed), `user` for saved settings
 */
export function checkLayer(raw: unknown, origin: Exclude<Origin, 'default'>, problems: ConfigProblem[]): CheckedLayer {
  if (raw === undefined) return {};
  const report: Report = (path, message) => problems.push({ origin, path, message, skipped: path });
  const warn: Report = (path, message) => problems.push({ origin, path, message });
  if (!isObject(raw)) {
    report('(whole)', 'must be an object of settings');
    return {};
  }
  unknownFields(raw, origin === 'managed' ? POLICY_FIELDS : USER_FIELDS, '', warn);
  const cache = raw['cache'] === undefined ? undefined : isObject(raw['cache']) ? raw['cache'] : void report('cache', 'must be an object');
  if (cache) unknownFields(cache, Object.keys(CACHE_LIMITS), 'cache', warn);
  const minutes = cache?.['maxAgeMinutes'] === undefined ? undefined : integer(cache['maxAgeMinutes'], 'cache.maxAgeMinutes', report, ...CACHE_LIMITS.maxAgeMinutes);
  const has = (key: string) => raw[key] !== undefined;
  return {
    ...(has('sources') && { sources: items(raw['sources'], 'sources', 'source', validateSource, problems, origin) ?? [] }),
    ...(has('contextRules') && { contextRules: items(raw['contextRules'], 'contextRules', 'rule', validateRule, problems, origin) ?? [] }),
    ...(has('fhircast') && { fhircast: clean((r) => fhircast(raw['fhircast'], r), report) }),
    ...(minutes !== undefined && { cacheMaxAgeMs: minutes * 60_000 }),
    ...(cache?.['maxPatients'] !== undefined && { cacheMaxPatients: integer(cache['maxPatients'], 'cache.maxPatients', report, ...CACHE_LIMITS.maxPatients) }),
    ...(has('defaultLens') && { defaultLens: oneOf(raw['defaultLens'], LENSES, 'defaultLens', report) }),
    ...(origin === 'managed' && has('userMayAddSources') && { userMayAddSources: flag(raw['userMayAddSources'], 'userMayAddSources', report) }),
    ...(origin === 'managed' && has('userMayAddContextRules') && { userMayAddContextRules: flag(raw['userMayAddContextRules'], 'userMayAddContextRules', report) }),
    ...(origin === 'managed' && has('audit') && { audit: clean((r) => audit(raw['audit'], r), report) }),
    ...(origin === 'managed' && has('idleLockMinutes') && { idleLockMs: minutesToMs(integer(raw['idleLockMinutes'], 'idleLockMinutes', report, ...IDLE_LOCK_LIMITS)) }),
    ...(origin === 'managed' && has('launchOrigins') && { launchOrigins: launchOrigins(raw['launchOrigins'], report) }),
    ...(origin === 'managed' && has('launchUrl') && { launchUrl: launchUrl(raw['launchUrl'], report) }),
    ...(origin === 'managed' && has('rulePacks') && { rulePacks: validateRulePacks(raw['rulePacks'], problems, origin) }),
  };
}
