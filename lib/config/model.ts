/**
 * The configuration as IT writes it (managed policy) and as a clinician saves it (options page).
 * Both share one shape; policy adds what only an organisation decides. public/managed_schema.json
 * is generated from lib/config/policy-schema.ts, which is typed against these interfaces.
 */
import type { ContextRule } from '../context/rules';
import type { FhircastConfig, Lens } from './effective-config';
import type { RulePack } from './rule-pack';

/** A FHIR source as written in configuration: the limits may be left out and take defaults. */
export interface SourceSettings {
  readonly id: string;
  readonly name: string;
  readonly fhirBaseUrl: string;
  /** `smart` (default) signs in with SMART App Launch; `none` is for open test servers only. */
  readonly auth?: 'smart' | 'none';
  readonly clientId?: string;
  readonly scope?: string;
  readonly identifierSystems?: readonly string[];
  readonly pageSize?: number;
  readonly timeoutMs?: number;
  readonly maxConcurrency?: number;
  readonly observationHorizonDays?: number;
}

export interface CacheSettings {
  /** How long a saved summary may be shown, in minutes. */
  readonly maxAgeMinutes?: number;
  /** How many patients' summaries are kept on this computer. */
  readonly maxPatients?: number;
}

/** Where access is audited: one FHIR AuditEvent per look-up is posted to `endpoint`. */
export interface AuditSettings {
  /** The URL AuditEvents are POSTed to, e.g. `https://audit.trust.nhs.uk/fhir/AuditEvent`. */
  readonly endpoint: string;
  /** Post with this source's SMART access token; without it, the endpoint must accept anonymous posts. */
  readonly sourceId?: string;
  /**
   * The endpoint's own credential: the Authorization header value sent with each AuditEvent
   * (e.g. `Bearer …`) when the source's token may not go there (the endpoint is not on that
   * source's origin) or no source is named.
   */
  readonly authorization?: string;
}

/**
 * A context rule as configuration may write it: ContextRule plus the FHIRcast flag, named here as
 * well so that this model compiles whichever of the two lands first.
 */
export type RuleSettings = ContextRule & { readonly fhircast?: boolean };

/** Settings a clinician may save on the options page (the extension origin's IndexedDB): settings only, never clinical data. */
export interface UserSettings {
  readonly sources?: readonly SourceSettings[];
  readonly contextRules?: readonly RuleSettings[];
  readonly fhircast?: FhircastConfig;
  readonly cache?: CacheSettings;
  readonly defaultLens?: Lens;
}

/** The managed policy: everything a user may set, plus what only the organisation decides. */
export interface ManagedPolicy extends UserSettings {
  /** When the policy sets `sources`, clinicians may add their own only if this is true. */
  readonly userMayAddSources?: boolean;
  /** When the policy sets `contextRules`, clinicians may add their own only if this is true. */
  readonly userMayAddContextRules?: boolean;
  readonly audit?: AuditSettings;
  /**
   * Minutes without input in the panel and without a change of patient after which the panel is
   * blanked until the clinician clicks to continue (shared workstations). Default 15.
   */
  readonly idleLockMinutes?: number;
  /**
   * Origins (`https://epr.trust.nhs.uk`) whose pages may open fhirside's SMART EHR launch page,
   * besides the sites the context rules name. An EPR that launches from a page no rule reads.
   */
  readonly launchOrigins?: readonly string[];
  /**
   * The https address an EPR opens to launch fhirside (`?iss=…&launch=…` added), the same in every
   * browser: fhirside redirects it to its own launch page for pages on the EPR sites, where the
   * extension's own address (random per Firefox profile) cannot be known.
   */
  readonly launchUrl?: string;
  /** Rule packs exported by the rule builder, listed inline: their rules follow `contextRules`. */
  readonly rulePacks?: readonly RulePack[];
}

/** Where an effective value came from. */
export type Origin = 'managed' | 'user' | 'default';

/** One thing wrong with the configuration, said so that IT can fix it. */
export interface ConfigProblem {
  readonly origin: Exclude<Origin, 'default'>;
  /** Where in the configuration, e.g. `sources[1].fhirBaseUrl`. */
  readonly path: string;
  readonly message: string;
  /** What was left out because of it, e.g. `source "gp"`; undefined when nothing was. */
  readonly skipped?: string;
}
