/** A configured FHIR source: where it is, how to sign in to it, which identifiers it knows. */
export interface SourceConfig {
  readonly id: string;
  /** What clinicians see on source chips and messages, e.g. "Riverside GP Practice". */
  readonly name: string;
  readonly fhirBaseUrl: string;
  readonly auth: 'smart' | 'none';
  readonly clientId?: string;
  /** Space-separated SMART scopes. */
  readonly scope?: string;
  readonly identifierSystems: readonly string[];
  /** `_count` asked for on the first-screen searches; the long tail asks for at least 1,000 (queries.ts). */
  readonly pageSize: number;
  /** Per-request timeout. */
  readonly timeoutMs: number;
  /** Requests in flight to this source at once; a trust's server is shared by thousands. */
  readonly maxConcurrency?: number;
  /** How far back Observations are fetched (days); older results are left on the server. */
  readonly observationHorizonDays?: number;
}

/** Defaults for the optional limits. */
export const SOURCE_LIMIT_DEFAULTS = { maxConcurrency: 4, observationHorizonDays: 5 * 365 } as const;
