/**
 * The SMART parameters of an authorization request that OAuth itself does not know: `aud`, the
 * FHIR base the token is for, and `launch`, the EHR launch id. oidc-provider passes them through
 * (`extraParams`) and calls these checks before any sign-in.
 */
import type { Configuration } from 'oidc-provider';
import type { EhrLaunches } from './launch';
import { errors } from './oidc';

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** Whether `aud` names one of the FHIR bases (trailing slashes aside). */
export function isKnownAudience(audiences: readonly string[], aud: string): boolean {
  return audiences.some((known) => withoutTrailingSlash(known) === withoutTrailingSlash(aud));
}

/**
 * @param audiences - FHIR bases this server issues tokens for, read at each request
 * @param launches - launch ids minted by the demo EPR
 * @param audienceRequired - whether a request without `aud` is refused, read at each request
 *   (the `aud-required` profile rule, sandbox/fhir/profiles/rules/audience.ts)
 */
export function smartRequestParams(audiences: readonly string[], launches: EhrLaunches, audienceRequired: () => boolean = () => true): NonNullable<Configuration['extraParams']> {
  return {
    // SMART App Launch makes aud required: a token must never be usable at a server it was not
    // asked for. An aud naming no server of ours is always refused; a missing one where required.
    aud(_ctx, value) {
      if (value === undefined) {
        if (!audienceRequired()) return;
        throw new errors.InvalidRequest("missing required parameter 'aud' (the FHIR base URL the token is for)");
      }
      if (!isKnownAudience(audiences, value)) {
        throw new errors.InvalidRequest(`aud ${value} is not a FHIR server of this authorization server (known: ${audiences.join(', ')})`);
      }
    },
    launch(_ctx, value) {
      if (value !== undefined && launches.patientFor(value) === undefined) {
        throw new errors.InvalidRequest('launch is unknown or has expired; start again from the EPR');
      }
    },
  };
}
