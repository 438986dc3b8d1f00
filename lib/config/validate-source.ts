/** Checks one configured FHIR source and fills in the defaults for the limits left out. */
import { NHS_NUMBER_SYSTEM } from '../context/nhs-number';
import type { SourceConfig } from '../sources/source-config';
import { integer, isObject, list, oneOf, secureUrl, text, unknownFields, type Report } from './validate-fields';
import type { SourceSettings } from './model';

/** Ids become storage keys and DOM attributes: keep them short and plain. */
const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** SMART v1 user-level read: the panel follows whichever patient is open, not one bound at sign-in. */
export const DEFAULT_SOURCE_SCOPE = 'openid fhirUser offline_access user/*.read';

/** Every field a source may have; the schema test keeps this and policy-schema.ts in step. */
export const SOURCE_FIELDS = [
  'id', 'name', 'fhirBaseUrl', 'auth', 'clientId', 'scope', 'identifierSystems',
  'pageSize', 'timeoutMs', 'maxConcurrency', 'observationHorizonDays',
] as const satisfies readonly (keyof SourceSettings)[];

/** Limits for the numbers, shared with the schema so the two agree. */
export const SOURCE_LIMITS = {
  pageSize: [1, 1000],
  timeoutMs: [1000, 120_000],
  maxConcurrency: [1, 16],
  observationHorizonDays: [1, 36_500],
} as const;

/** The optional limits, copied only when set, so the result also fits an older SourceConfig. */
function limits(raw: Readonly<Record<string, unknown>>, path: string, report: Report) {
  const out: { maxConcurrency?: number; observationHorizonDays?: number } = {};
  for (const key of ['maxConcurrency', 'observationHorizonDays'] as const) {
    if (raw[key] === undefined) continue;
    const [min, max] = SOURCE_LIMITS[key];
    const value = integer(raw[key], `${path}.${key}`, report, min, max);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Checks a source as written in policy or settings.
 * @returns the source with defaults applied, or undefined (after reporting why) when it is unusable
 */
export function validateSource(raw: unknown, path: string, report: Report, warn: Report): SourceConfig | undefined {
  if (!isObject(raw)) return void report(path, 'must be an object with id, name and fhirBaseUrl');
  unknownFields(raw, SOURCE_FIELDS, path, warn);
  const id = text(raw['id'], `${path}.id`, report, 40);
  if (id !== undefined && !SOURCE_ID.test(id)) report(`${path}.id`, `"${id}" must be lower-case letters, digits and dashes`);
  const name = text(raw['name'], `${path}.name`, report, 80);
  const fhirBaseUrl = secureUrl(raw['fhirBaseUrl'], `${path}.fhirBaseUrl`, report);
  const auth = raw['auth'] === undefined ? 'smart' : oneOf(raw['auth'], ['smart', 'none'] as const, `${path}.auth`, report);
  const clientId = raw['clientId'] === undefined ? undefined : text(raw['clientId'], `${path}.clientId`, report);
  if (auth === 'smart' && raw['clientId'] === undefined) report(`${path}.clientId`, 'is needed to sign in with SMART (the client id registered for fhirside)');
  const scope = raw['scope'] === undefined ? DEFAULT_SOURCE_SCOPE : text(raw['scope'], `${path}.scope`, report, 1000);
  const systems = raw['identifierSystems'] === undefined ? [NHS_NUMBER_SYSTEM] : list(raw['identifierSystems'], `${path}.identifierSystems`, report);
  const identifierSystems = systems?.map((s, i) => text(s, `${path}.identifierSystems[${i}]`, report, 500));
  if (systems?.length === 0) report(`${path}.identifierSystems`, 'must name at least one identifier system');
  const pageSize = raw['pageSize'] === undefined ? 100 : integer(raw['pageSize'], `${path}.pageSize`, report, ...SOURCE_LIMITS.pageSize);
  const timeoutMs = raw['timeoutMs'] === undefined ? 15_000 : integer(raw['timeoutMs'], `${path}.timeoutMs`, report, ...SOURCE_LIMITS.timeoutMs);
  const optional = limits(raw, path, report);
  if (!id || !name || !fhirBaseUrl || !auth || !scope || !identifierSystems || !pageSize || !timeoutMs) return undefined;
  if (identifierSystems.some((s) => s === undefined)) return undefined;
  return {
    id,
    name,
    fhirBaseUrl: fhirBaseUrl.replace(/\/+$/, ''),
    auth,
    ...(clientId !== undefined && { clientId }),
    scope,
    identifierSystems: identifierSystems as string[],
    pageSize,
    timeoutMs,
    ...optional,
  };
}
