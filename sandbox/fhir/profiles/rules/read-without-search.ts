/**
 * SMART App Launch 2.x scopes tell reading a record by id (`.r`) apart from searching for records
 * (`.s`): `patient/Immunization.r` lets an application read an immunisation it already knows of,
 * but not find the patient's immunisations. This rule stands for a grant of `.r` without `.s` for
 * one type: each search on it (plain, `_search` or a batch entry) is refused with 403 and an
 * OperationOutcome naming the scope, while a read by id still answers. In the manner of Epic on
 * FHIR, whose app registrations pick each resource's Read and Search APIs separately
 * (open.epic.com lists e.g. "Immunization.Read" and "Immunization.Search" as distinct APIs), so an
 * application can hold the one without the other.
 * The engine's own token check already honours a `.r`-only scope the token was granted
 * (sandbox/fhir/auth-guard.ts); this rule imposes it whatever the application asked for, as a
 * registration without the Search API does.
 */
import { isSearch, refuse, typeOf, type Rule } from '../exchange';

/** @param readOnlyType - the type granted `.r` without `.s` */
export function readWithoutSearch(readOnlyType: string): Rule {
  return {
    handle: (request, _context, next) =>
      typeOf(request) === readOnlyType && isSearch(request)
        ? Promise.resolve(refuse(403, 'forbidden', `Searching ${readOnlyType} is not permitted: this application was granted user/${readOnlyType}.r (read by id) without .s (search)`))
        : next(request),
  };
}
