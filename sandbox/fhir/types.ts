/** Contracts between a sandbox FHIR server and whoever issues its tokens. */

/** What the auth server knows about an access token; `validateToken` returns it or null. */
export interface TokenInfo {
  readonly clientId: string;
  /** Space-separated granted scopes (SMART v1 `.read` or v2 `.rs` style). */
  readonly scope: string;
  /** Launch context: the Patient id (at this source) a patient/ scope is bound to. */
  readonly patient?: string;
  readonly sub?: string;
  /** The FHIR base the token was issued for (`aud` at authorization); another server refuses it. */
  readonly audience?: string;
}

export type ValidateToken = (accessToken: string) => Promise<TokenInfo | null>;

export type Interaction = 'read' | 'search';

export interface Grant {
  readonly allowed: boolean;
  /** Set when only a patient/ scope grants access: reads are limited to this Patient's compartment. */
  readonly patient?: string;
  readonly reason?: string;
}

/** What one request may see, derived from its token's scopes. */
export interface Access {
  check(resourceType: string, interaction: Interaction): Grant;
}
