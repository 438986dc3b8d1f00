/**
 * SMART launch context: which patient an authorization was granted for, and how that reaches the
 * client. oidc-provider has no notion of launch context, so the patient chosen at sign-in (or
 * named by an EHR launch) is kept per grant, copied into each access token (`extra`, which the
 * FHIR servers read through validateToken) and added to the token endpoint's JSON response.
 */
import type { KoaContext, Middleware, TokenLike } from 'oidc-provider';

export interface LaunchContext {
  /** FHIR Patient id in the audience server. */
  readonly patient?: string;
  /** The FHIR server the authorization was for (`aud`): its tokens are good there and nowhere else. */
  readonly audience?: string;
}

/** Enough for any demo or test run; the oldest grants' contexts go first beyond it. */
const MAX_GRANTS = 10_000;

/** Launch context per grant id. Each authorization gets its own grant (see provider-config.ts). */
export class LaunchContexts {
  readonly #byGrant = new Map<string, LaunchContext>();

  set(grantId: string, context: LaunchContext): void {
    this.#byGrant.set(grantId, context);
    if (this.#byGrant.size > MAX_GRANTS) {
      const oldest = this.#byGrant.keys().next();
      if (oldest.done !== true) this.#byGrant.delete(oldest.value);
    }
  }

  get(grantId: string | undefined): LaunchContext | undefined {
    return grantId === undefined ? undefined : this.#byGrant.get(grantId);
  }

  /** oidc-provider `extraTokenClaims`: stored inside every access token issued for the grant. */
  tokenClaims(token: TokenLike): Record<string, unknown> | undefined {
    const { patient, audience } = this.get(token.grantId) ?? {};
    if (patient === undefined && audience === undefined) return undefined;
    return { ...(patient === undefined ? {} : { patient }), ...(audience === undefined ? {} : { audience }) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds `patient` and `need_patient_banner` (SMART App Launch, "Launch context arrives with your
 * access_token") to successful token responses, for the code and the refresh grants alike.
 */
export function smartTokenResponse(): Middleware {
  return async (ctx: KoaContext, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || !isRecord(ctx.body)) return;
    const patient = ctx.oidc.entities.AccessToken?.extra?.['patient'];
    if (typeof patient !== 'string') return;
    ctx.body = { ...ctx.body, patient, need_patient_banner: false };
  };
}
