/**
 * SMART-specific adjustments around oidc-provider's own endpoints (Koa middleware run before it).
 */
import type { Middleware } from 'oidc-provider';
import { ADVERTISED_SCOPES } from './smart-scopes';

/**
 * oidc-provider drops `offline_access` from an authorization request unless it also says
 * `prompt=consent` (OpenID Connect Core 11). SMART clients ask for refresh tokens with the scope
 * alone, so such a request is taken as asking for consent, which sign-in grants the extension in
 * the same step. Only GET requests are looked at: SMART clients (fhirclient too) send those.
 * @param authorizationPath - the provider's authorization route
 */
export function offlineAccessMeansConsent(authorizationPath: string): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === authorizationPath) {
      const query = new URLSearchParams(ctx.querystring);
      if ((query.get('scope') ?? '').split(' ').includes('offline_access') && !query.has('prompt')) {
        query.set('prompt', 'consent');
        ctx.querystring = query.toString();
      }
    }
    await next();
  };
}

/** Keeps discovery readable: the configured scope list spells out every resource scope. */
export function shortScopesSupported(): Middleware {
  return async (ctx, next) => {
    await next();
    const body = ctx.body as { scopes_supported?: unknown } | undefined;
    if (ctx.oidc?.route === 'discovery' && typeof body === 'object' && body !== null && 'scopes_supported' in body) {
      body.scopes_supported = ADVERTISED_SCOPES;
    }
  };
}
