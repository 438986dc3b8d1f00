/**
 * Lets the sandbox withdraw every access token issued so far, as a real server does when a
 * token expires early or is revoked: the client must refresh, and its refreshed token works.
 */
import type { TokenInfo } from '../fhir/types';

export interface RevocableValidator {
  readonly validateToken: (accessToken: string) => Promise<TokenInfo | null>;
  /** Every access token seen until now is refused from now on. */
  revokeAll(): void;
}

/** Wraps a validator with a revocation list. */
export function revocable(validateToken: (accessToken: string) => Promise<TokenInfo | null>): RevocableValidator {
  const seen = new Set<string>();
  const revoked = new Set<string>();
  return {
    validateToken: async (accessToken) => {
      if (revoked.has(accessToken)) return null;
      const info = await validateToken(accessToken);
      if (info) seen.add(accessToken);
      return info;
    },
    revokeAll: () => {
      for (const token of seen) revoked.add(token);
      seen.clear();
    },
  };
}
