/**
 * EHR launch: the demo EPR mints a launch id for the patient on screen (`POST /launch`), hands it
 * to the app, and the app's authorization request carries it back as the SMART `launch` parameter.
 */
import { randomBytes } from 'node:crypto';
import type { Middleware } from 'oidc-provider';
import { BodyTooLargeError, readBody } from './http-body';

/** A launch id is good for an hour, like an EPR's own launch tokens. */
const LAUNCH_TTL_MS = 60 * 60 * 1000;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export class EhrLaunches {
  readonly #launches = new Map<string, { patient: string; expiresAt: number }>();

  readonly #now: () => number;

  /** @param now - clock in milliseconds, injectable for tests */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** @param patient - FHIR Patient id the launch is for */
  mint(patient: string): string {
    const t = this.#now();
    for (const [id, launch] of this.#launches) if (launch.expiresAt <= t) this.#launches.delete(id);
    const id = randomBytes(16).toString('base64url');
    this.#launches.set(id, { patient, expiresAt: t + LAUNCH_TTL_MS });
    return id;
  }

  /** @param launch - the `launch` parameter of an authorization request */
  patientFor(launch: string): string | undefined {
    const found = this.#launches.get(launch);
    return found !== undefined && found.expiresAt > this.#now() ? found.patient : undefined;
  }
}

// The demo EPRs run on other loopback ports and may call this from the page.
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

/** `POST /launch` with JSON `{ "patient": "<id>" }` answers `{ "launch": "<id>" }`. */
export function launchEndpoint(launches: EhrLaunches, path = '/launch'): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== path) return next();
    const origin = ctx.get('origin');
    if (LOOPBACK_ORIGIN.test(origin)) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Vary', 'Origin');
    }
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'POST');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type');
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST');
      ctx.status = 405;
      ctx.body = { error: 'method_not_allowed' };
      return;
    }
    let patient: unknown;
    try {
      patient = (JSON.parse(await readBody(ctx.req)) as { patient?: unknown }).patient;
    } catch (error) {
      ctx.status = error instanceof BodyTooLargeError ? 413 : 400;
      ctx.body = { error: 'invalid_request', error_description: 'body must be JSON {"patient": "<id>"}' };
      return;
    }
    if (typeof patient !== 'string' || !FHIR_ID.test(patient)) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_request', error_description: 'patient must be a FHIR resource id' };
      return;
    }
    ctx.body = { launch: launches.mint(patient) };
  };
}
