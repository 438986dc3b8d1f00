/**
 * `aud-required`: an authorization request must name, as `aud`, the FHIR base the token is for,
 * and the authorization server refuses one without it or with a base it does not serve (SMART App
 * Launch 2.x "Obtain authorization code": aud is required, so that a token is never minted for a
 * server the EHR did not intend, which a counterfeit server could replay). Its FHIR server side:
 * a token that names no audience is not accepted here either. In the manner of Epic and Oracle
 * Health, whose authorization documentation lists `aud` among the required parameters. Without
 * the rule a missing `aud` is let through and the token names no server, as servers that skip the
 * check do (the ONC Inferno test kit came to test it because servers did); HAPI FHIR has no SMART
 * authorization server of its own, so `hapi-like` and the plain engine do not enforce it.
 * A wrong `aud` (no FHIR base of this authorization server) is refused with or without the rule:
 * there is no server to mint that token for.
 *
 * The rule has no part in answering FHIR requests: the sandbox's one authorization server asks
 * the running sources whether any requires it (sandbox/world.ts): being shared, it cannot tell which
 * source a request without `aud` was for, so it is as strict as the strictest. The FHIR server's
 * token check asks its own profile (sandbox/fhir/server.ts).
 */
import type { Rule } from '../exchange';

export const audRequired: Rule = {};
