/**
 * The sign-in and consent step of every authorization (oidc-provider's interaction URL). The
 * extension is a first-party client, so consent is granted with the sign-in itself: one page, one
 * click. Each completed interaction creates a fresh grant carrying its own launch context, so two
 * authorizations for two patients can never share a patient.
 */
import type { Interaction, KoaContext, Middleware, Provider } from 'oidc-provider';
import { checkCredentials } from './demo-clinician';
import { readForm } from './http-body';
import type { EhrLaunches } from './launch';
import { renderLoginPage, renderProblemPage, type PickerPatient } from './login-page';
import { describeRequest, type PendingRequest } from './pending-request';
import type { LaunchContexts } from './smart-context';
import { grantableScopes } from './smart-scopes';

export interface InteractionDeps {
  readonly provider: Provider;
  readonly contexts: LaunchContexts;
  readonly launches: EhrLaunches;
  /** @param audience - the request's FHIR base (`aud`) */
  pickerFor(audience: string): readonly PickerPatient[];
}

const ROUTE = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/;
// No form-action: browsers apply it to the redirects that follow the form post, which end at the
// extension's redirect URI on another origin.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function sendPage(ctx: KoaContext, html: string, status = 200): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = html;
}

async function finish(
  ctx: KoaContext, deps: InteractionDeps, request: PendingRequest, accountId: string, patient?: string,
): Promise<void> {
  const grant = new deps.provider.Grant({ accountId, clientId: request.clientId });
  const scopes = grantableScopes(request.scope);
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const grantId = await grant.save();
  deps.contexts.set(grantId, { ...(patient === undefined ? {} : { patient }), ...(request.audience ? { audience: request.audience } : {}) });
  const returnTo = await deps.provider.interactionResult(ctx.req, ctx.res, {
    login: { accountId },
    consent: { grantId },
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function signIn(ctx: KoaContext, deps: InteractionDeps, request: PendingRequest, page: (error: string) => string) {
  const form = await readForm(ctx.req);
  const accountId = checkCredentials(form.get('username') ?? '', form.get('password') ?? '');
  if (accountId === undefined) {
    sendPage(ctx, page('The username or password is not recognised.'), 401);
    return;
  }
  let patient = request.launchPatient;
  if (request.picker !== undefined) {
    const picked = form.get('patient') ?? '';
    if (!request.picker.some((p) => p.id === picked)) {
      sendPage(ctx, page('Choose a patient to continue.'), 400);
      return;
    }
    patient = picked;
  }
  await finish(ctx, deps, request, accountId, patient);
}

async function respond(
  ctx: KoaContext, deps: InteractionDeps, interaction: Interaction, request: PendingRequest,
  action: string | undefined, page: (error?: string) => string,
): Promise<void> {
  if (action === undefined && ctx.method === 'GET') {
    const signedInAs = interaction.session?.accountId;
    // Already signed in and nothing to choose: consent for the first-party client is implied.
    if (interaction.prompt.name === 'consent' && signedInAs !== undefined && request.picker === undefined) {
      await finish(ctx, deps, request, signedInAs, request.launchPatient);
      return;
    }
    sendPage(ctx, page());
  } else if (action === '/login' && ctx.method === 'POST') {
    await signIn(ctx, deps, request, page);
  } else if (action === '/abort' && ctx.method === 'POST') {
    const returnTo = await deps.provider.interactionResult(ctx.req, ctx.res, {
      error: 'access_denied',
      error_description: 'sign-in was cancelled',
    });
    ctx.status = 303;
    ctx.redirect(returnTo);
  } else {
    ctx.status = 405;
  }
}

/** Koa middleware serving `/interaction/:uid`, `/interaction/:uid/login` and `/interaction/:uid/abort`. */
export function interactionRoutes(deps: InteractionDeps): Middleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (match === null) return next();
    const [, uid, action] = match;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', PAGE_CSP);

    let interaction: Interaction;
    try {
      interaction = await deps.provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      sendPage(ctx, renderProblemPage('Sign-in request expired', 'Go back to the application and start again.'), 400);
      return;
    }
    if (interaction.uid !== uid) {
      sendPage(ctx, renderProblemPage('Sign-in request not found', 'Go back to the application and start again.'), 400);
      return;
    }

    const request = describeRequest(interaction, deps.launches, deps.pickerFor);
    const page = (error?: string) => renderLoginPage({
      uid,
      clientName: request.clientId,
      audience: request.audience,
      scopes: grantableScopes(request.scope),
      ...(request.picker === undefined ? {} : { picker: request.picker }),
      ...(error === undefined ? {} : { error }),
    });

    try {
      await respond(ctx, deps, interaction, request, action, page);
    } catch (error) {
      // The request can expire, or be finished in another tab, between showing the page and the post.
      const gone = (error as Error).name === 'SessionNotFound';
      if (!gone) console.error(`auth server: sign-in failed: ${(error as Error).message}`);
      sendPage(ctx, renderProblemPage('Sign-in could not finish', 'Go back to the application and start again.'), gone ? 400 : 500);
    }
  };
}
