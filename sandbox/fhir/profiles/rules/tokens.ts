/**
 * Token manners at the FHIR server:
 * - `token-lifetime`: an access token is good for a fixed time from its first use here (570 s in
 *   the manner of Oracle Health Millennium, whose tokens say `expires_in: 570`), then 401
 *   `invalid_token`; a long walk through pages meets it in the middle and must refresh and ask for
 *   the same page again. The lifetime is a profile option so a test can use seconds.
 * - `narrow-scope`: the token was granted less than was asked for, so one kind of record is
 *   refused with 403 and an OperationOutcome, in the manner of Epic and Oracle Health, whose
 *   app registrations grant resource types one by one whatever the app requests.
 */
import { refuse, typeOf, type Rule } from '../exchange';

export const tokenLifetime: Rule = {
  handle: (request, context, next) => {
    const token = /^Bearer\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!token) return next(request);
    const firstSeen = (context.state.get('first-seen') as Map<string, number> | undefined) ?? new Map<string, number>();
    context.state.set('first-seen', firstSeen);
    const since = firstSeen.get(token) ?? (firstSeen.set(token, context.now()), context.now());
    if (context.now() - since < context.options.tokenSeconds * 1000) return next(request);
    return Promise.resolve(refuse(401, 'expired', 'The access token has expired', { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' }));
  },
};

/** @param refusedType - the type the grant left out */
export function narrowScope(refusedType: string): Rule {
  return {
    handle: (request, _context, next) =>
      typeOf(request) === refusedType
        ? Promise.resolve(refuse(403, 'forbidden', `The access granted to this application does not include ${refusedType} (scope user/${refusedType}.rs was not granted)`))
        : next(request),
  };
}
