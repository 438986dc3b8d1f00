/**
 * The managed-policy schema Chrome and Edge validate 3rdparty policy against
 * (public/managed_schema.json is written from this by `npm run schema`). It is typed against the
 * model: a field added to SourceConfig, ContextRule or the policy without a schema entry fails
 * the type check, and test/config/policy-schema.test.ts fails when the JSON file is stale.
 *
 * Only types and ranges live here: Chrome silently drops a policy value that fails its schema, so
 * the finer checks (URLs, regular expressions, required fields) are fhirside's own, and reported.
 */
import type { ContextRule, IdentifierLocator } from '../context/rules';
import type { SourceConfig } from '../sources/source-config';
import type { FhircastConfig } from './effective-config';
import type { AuditSettings, CacheSettings, ManagedPolicy, RuleSettings, SourceSettings } from './model';
import type { RulePack } from './rule-pack';
import { SOURCE_LIMITS } from './validate-source';
import { LOCATOR_KINDS } from './validate-rule';
import { CACHE_LIMITS, IDLE_LOCK_LIMITS, LENSES } from './validate-settings';

interface Described {
  readonly title?: string;
  readonly description?: string;
}
export type Schema = Described &
  (
    | { readonly type: 'string'; readonly enum?: readonly string[] }
    | { readonly type: 'integer'; readonly minimum?: number; readonly maximum?: number }
    | { readonly type: 'boolean' }
    | { readonly type: 'array'; readonly items: Schema }
    | { readonly type: 'object'; readonly properties: Readonly<Record<string, Schema>> }
  );

/** One schema entry for every field of T, and none it lacks. */
type PropertiesOf<T> = { readonly [K in T extends unknown ? keyof T : never]-?: Schema };

const object = <T>(description: string, properties: PropertiesOf<T>): Schema => ({ type: 'object', description, properties });
const str = (description: string): Schema => ({ type: 'string', description });
const int = (description: string, [minimum, maximum]: readonly [number, number]): Schema => ({ type: 'integer', description, minimum, maximum });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const listOf = (description: string, items: Schema): Schema => ({ type: 'array', description, items });

/** Compile-time guard: every SourceConfig field can be set in configuration. */
export type SourceFieldsCovered = Exclude<keyof SourceConfig, keyof SourceSettings> extends never ? true : never;
const covered: SourceFieldsCovered = true;
void covered;

const source = object<SourceSettings>('A SMART-on-FHIR source.', {
  id: str('Short id: lower-case letters, digits, dashes (e.g. "gp"). Stable: tokens are kept under it.'),
  name: str('What clinicians see, e.g. "Riverside GP Practice".'),
  fhirBaseUrl: str('FHIR R4 base URL, https.'),
  auth: { type: 'string', enum: ['smart', 'none'], description: '"smart" (default): SMART App Launch with PKCE. "none": open test servers only.' },
  clientId: str('Client id registered for fhirside with this source\'s authorization server.'),
  scope: str('Space-separated SMART scopes; default "openid fhirUser offline_access user/*.read".'),
  identifierSystems: listOf('Patient identifier systems this source knows; default the NHS number.', str('Identifier system URI.')),
  pageSize: int('_count asked for on each search (default 100).', SOURCE_LIMITS.pageSize),
  timeoutMs: int('Per-request timeout in milliseconds (default 15000).', SOURCE_LIMITS.timeoutMs),
  maxConcurrency: int('Requests in flight to this source at once (default 4).', SOURCE_LIMITS.maxConcurrency),
  observationHorizonDays: int('How far back results are fetched, in days (default 1825).', SOURCE_LIMITS.observationHorizonDays),
});

const element = (description: string) =>
  object<NonNullable<ContextRule['birthDate']>>(description, { selector: str('CSS selector.'), attribute: str('Attribute to read instead of the text.') });

const rule = object<RuleSettings>('How to find the patient on an EPR site. The first rule whose urlPattern matches applies.', {
  id: str('Short id of the rule.'),
  urlPattern: str('Regular expression the page URL must match, e.g. "^https://epr\\\\.trust\\\\.nhs\\\\.uk/".'),
  identifier: object<IdentifierLocator>('Where the identifier is.', {
    from: { type: 'string', enum: [...LOCATOR_KINDS], description: '"url" (pattern), "selector" (selector, attribute) or "text" (a labelled NHS number anywhere).' },
    pattern: str('For "url": regular expression whose first capture group is the identifier.'),
    selector: str('For "selector": CSS selector of the element holding the identifier.'),
    attribute: str('For "selector": attribute to read instead of the text.'),
  }),
  system: str('Identifier system; default the NHS number (then the modulus-11 check applies).'),
  birthDate: element('Where the page shows the date of birth, to cross-check each source\'s Patient.'),
  name: object<NonNullable<ContextRule['name']>>('Where the page shows the patient\'s name.', { selector: str('CSS selector.') }),
  fhircast: bool('Pages of this site follow the FHIRcast hub\'s patient (needs fhircast).'),
});

/** The whole policy. */
export const POLICY_SCHEMA = {
  type: 'object',
  title: 'fhirside',
  description: 'fhirside configuration set by your organisation. Values set here are read-only for clinicians.',
  properties: {
    sources: listOf('FHIR sources. When set, replaces the built-in list.', source),
    contextRules: listOf('EPR context rules. When set, replaces the built-in rules.', rule),
    fhircast: object<FhircastConfig>('FHIRcast hub that tells fhirside which patient the EPR has open.', {
      hubUrl: str('Hub URL, https.'),
      topic: str('Topic for this workstation or user. A SMART EHR launch\'s own hub.topic takes its place.'),
      sourceId: str('The source whose sign-in the hub accepts: its SMART access token is sent on subscribe.'),
    }),
    cache: object<CacheSettings>('The encrypted local copy of summaries.', {
      maxAgeMinutes: int('How long a saved summary may be shown, in minutes (default 720).', CACHE_LIMITS.maxAgeMinutes),
      maxPatients: int('How many patients are kept (default 200).', CACHE_LIMITS.maxPatients),
    }),
    defaultLens: { type: 'string', enum: [...LENSES], description: 'The view the panel opens with.' },
    userMayAddSources: bool('When sources are set by policy: may clinicians add their own? Default false.'),
    userMayAddContextRules: bool('When context rules are set by policy: may clinicians add their own? Default false.'),
    idleLockMinutes: int('Minutes without input in the panel and without a change of patient before the panel is blanked until the clinician clicks to continue (default 15).', IDLE_LOCK_LIMITS),
    audit: object<AuditSettings>('Post one FHIR AuditEvent per look-up.', {
      endpoint: str('URL AuditEvents are POSTed to, https.'),
      sourceId: str('Post with this source\'s sign-in, sent only when the endpoint is on that source\'s own origin.'),
      authorization: str('Authorization header value (e.g. "Bearer …") for an endpoint with its own credential; sent when the source\'s sign-in may not be.'),
    }),
    launchOrigins: listOf('Origins whose pages may open fhirside\'s SMART EHR launch, besides the sites the context rules name.', str('An origin, https, e.g. "https://epr.trust.nhs.uk".')),
    launchUrl: str('The https address the EPR opens to launch fhirside (it adds ?iss=…&launch=…), the same in every browser; fhirside redirects it to its own launch page for pages on the EPR sites. No query or fragment.'),
    rulePacks: listOf(
      'Rule packs exported by the rule builder on the options page; their rules apply after contextRules.',
      object<RulePack>('One EPR product\'s context rules, tested together.', {
        name: str('Name of the pack, e.g. "Harbour Care Record".'),
        version: str('Version of the pack, e.g. "1.0.0".'),
        testedOn: object<NonNullable<RulePack['testedOn']>>('The EPR product and version the rules were tested on.', {
          product: str('EPR product name.'),
          version: str('EPR product version.'),
        }),
        rules: listOf('Context rules, as in contextRules.', rule),
      }),
    ),
  } satisfies PropertiesOf<ManagedPolicy>,
} as const satisfies Schema;
