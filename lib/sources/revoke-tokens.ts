/**
 * Sign-out that ends the tokens at the server, not only in this browser: RFC 7009 token revocation
 * at the `revocation_endpoint` a source's SMART configuration advertises. A refresh token left
 * alive after sign-out on a shared workstation is a key to every patient at that source for a day.
 * Best effort: a server that advertises no endpoint, or cannot be reached, leaves its tokens to
 * expire, and sign-out goes on regardless.
 */
import type { fhirclient } from 'fhirclient/lib/types';
import type { SourceConfig } from './source-config';

/** The revocation endpoint a source's `.well-known/smart-configuration` advertises, if any. */
async function revocationEndpoint(fetcher: typeof fetch, source: SourceConfig, signal: AbortSignal): Promise<string | undefined> {
  const response = await fetcher(`${source.fhirBaseUrl.replace(/\/$/, '')}/.well-known/smart-configuration`, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) return undefined;
  const endpoint = ((await response.json()) as { revocation_endpoint?: unknown }).revocation_endpoint;
  // Tokens go only over https (or to the sandbox on loopback, which never leaves the machine).
  if (typeof endpoint !== 'string') return undefined;
  const url = new URL(endpoint);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost'].includes(url.hostname) ? url.href : undefined;
}

/**
 * Revokes a signed-in source's refresh token (which takes the grant's access tokens with it at a
 * server that follows RFC 7009 §2.1) and its access token.
 * @returns true when the server accepted the revocation
 */
export async function revokeTokens(fetcher: typeof fetch, source: SourceConfig, state: fhirclient.ClientState, timeoutMs = 5000): Promise<boolean> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const endpoint = await revocationEndpoint(fetcher, source, signal);
    if (!endpoint) return false;
    const tokens = [
      [state.tokenResponse?.refresh_token, 'refresh_token'],
      [state.tokenResponse?.access_token, 'access_token'],
    ].filter((pair): pair is [string, string] => typeof pair[0] === 'string');
    let accepted = tokens.length > 0;
    for (const [token, hint] of tokens) {
      const body = new URLSearchParams({ token, token_type_hint: hint, ...(source.clientId ? { client_id: source.clientId } : {}) });
      const response = await fetcher(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, signal });
      accepted &&= response.ok;
    }
    return accepted;
  } catch {
    return false;
  }
}
