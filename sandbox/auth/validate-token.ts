/**
 * In-process bearer token check for the FHIR servers: what a token grants, read from the
 * provider's own store, so the servers never parse or trust token contents themselves.
 */
import type { Provider } from 'oidc-provider';
import type { TokenInfo } from '../fhir/types';

/**
 * @param provider - the authorization server that issued the token
 * @param accessToken - the bearer token as received
 * @returns what the token grants, or null for an unknown, expired or revoked token
 */
export async function validateAccessToken(provider: Provider, accessToken: string): Promise<TokenInfo | null> {
  if (typeof accessToken !== 'string' || accessToken === '') return null;
  const token = await provider.AccessToken.find(accessToken);
  // isExpired has no clock tolerance, unlike find(): a token is dead at its expiry second.
  if (token === undefined || token.isExpired || token.grantId === undefined) return null;
  // A revoked grant takes its tokens with it.
  if ((await provider.Grant.find(token.grantId)) === undefined) return null;
  const patient = token.extra?.['patient'];
  const audience = token.extra?.['audience'];
  return {
    clientId: token.clientId,
    scope: token.scope ?? '',
    ...(typeof patient === 'string' ? { patient } : {}),
    ...(typeof audience === 'string' ? { audience } : {}),
    ...(token.accountId === undefined ? {} : { sub: token.accountId }),
  };
}
