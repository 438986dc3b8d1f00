/**
 * oidc-provider configuration for a SMART on FHIR authorization server with one public client
 * (the extension): authorization code with PKCE S256 only, refresh tokens for `offline_access`,
 * SMART scopes, and the SMART `aud` and `launch` request parameters.
 */
import type { Adapter, ClientInfo, Configuration } from 'oidc-provider';
import { interactionPolicy } from './oidc';
import { smartRequestParams } from './request-params';
import { findAccount } from './demo-clinician';
import { renderProblemPage } from './login-page';
import type { EhrLaunches } from './launch';
import type { LaunchContexts } from './smart-context';
import { knownScopes } from './smart-scopes';

export const ROUTES = { authorization: '/auth', token: '/token', jwks: '/jwks', userinfo: '/userinfo', revocation: '/token/revocation' } as const;

export interface ProviderSettings {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  /** FHIR bases a request may name as `aud`; read per request (bases may be added after start). */
  readonly audiences: readonly string[];
  readonly jwks: { keys: Record<string, unknown>[] };
  readonly adapter: (model: string) => Adapter;
  readonly contexts: LaunchContexts;
  readonly launches: EhrLaunches;
  readonly accessTokenTtlSeconds: number;
  /** Whether a request must name its `aud` (default: yes, as SMART App Launch says). */
  readonly audienceRequired?: () => boolean;
}

const HOUR = 60 * 60;
/** A refresh token lasts a day from sign-in: a clinical shift and then some, never weeks. */
const REFRESH_TOKEN_TTL = 24 * HOUR;
// Extension pages call /token cross-origin; so may a test page served from loopback.
const TRUSTED_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[\w-]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+)$/;

/** @param settings - the client, audiences, keys and stores of one server */
export function providerConfiguration(settings: ProviderSettings): Configuration {
  const policy = interactionPolicy.base();
  const { Check } = interactionPolicy;
  // Without this, a signed-in clinician's second authorization would reuse the first one's grant
  // silently, and with it the first one's patient.
  policy.get('consent')?.checks.add(new Check(
    'smart_launch_context',
    'each authorization binds its own launch context',
    (ctx) => (ctx.oidc.result?.consent === undefined ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT),
  ));

  return {
    adapter: settings.adapter,
    clients: [{
      client_id: settings.clientId,
      client_name: settings.clientId,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...settings.redirectUris],
    }],
    scopes: knownScopes(),
    jwks: settings.jwks,
    claims: { openid: ['sub'], profile: ['name', 'fhirUser'], fhirUser: ['fhirUser'] },
    // SMART clients read fhirUser from the id_token, not from userinfo.
    conformIdTokenClaims: false,
    extraParams: smartRequestParams(settings.audiences, settings.launches, settings.audienceRequired),
    extraTokenClaims: async (_ctx, token) => settings.contexts.tokenClaims(token),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      // RFC 7009: a client signing out revokes its refresh token, and with it the grant and every
      // access token of that grant. A public client may revoke only its own tokens.
      revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: ClientInfo, token: { clientId?: string }) => token.clientId === client.clientId },
    },
    findAccount: async (_ctx, sub) => findAccount(sub),
    // Only the grant the interaction just created; see the smart_launch_context check above.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc?.result?.consent?.grantId;
      return grantId === undefined || ctx.oidc === undefined ? undefined : ctx.oidc.provider.Grant.find(grantId);
    },
    // Tokens live by their own lifetime: a new sign-in (another source, another patient) must not
    // end the tokens of the previous one, as tokens bound to the sign-in would.
    expiresWithSession: () => false,
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    routes: { ...ROUTES },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      IdToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      // A rotated refresh token keeps its predecessor's remaining life, so rotation never extends
      // the chain past one day from sign-in.
      RefreshToken: (ctx) => ctx?.oidc?.entities.RotatedRefreshToken?.remainingTTL ?? REFRESH_TOKEN_TTL,
      Grant: REFRESH_TOKEN_TTL + HOUR,
      Session: 8 * HOUR,
      Interaction: 10 * 60,
    },
    clientBasedCORS: (_ctx, origin) => TRUSTED_ORIGIN.test(origin),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderProblemPage('Sign-in could not start', `${out['error'] ?? 'error'}: ${out['error_description'] ?? ''}`);
    },
  };
}
