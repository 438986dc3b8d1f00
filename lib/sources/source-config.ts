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
  readonly pageSize: number;
  readonly timeoutMs: number;
}
