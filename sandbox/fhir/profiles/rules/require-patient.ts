/**
 * A clinical search must name its patient (`patient`, `subject` or `_id`), else 400 with an
 * OperationOutcome: in the manner of Epic on FHIR and Oracle Health Millennium, whose R4 APIs
 * refuse a search that could run across every patient. Patient searches by identifier and
 * reads are untouched.
 */
import { isSearch, refuse, typeOf, type Rule } from '../exchange';

const UNSCOPED_TYPES = new Set(['Patient', 'Practitioner', 'Organization', 'Location', 'Medication', 'Binary']);
const PATIENT_PARAMS = ['patient', 'subject', '_id', 'patient:Patient', 'subject:Patient'];

export const requirePatient: Rule = {
  handle: (request, _context, next) => {
    const type = typeOf(request);
    if (!type || !isSearch(request) || UNSCOPED_TYPES.has(type)) return next(request);
    if (PATIENT_PARAMS.some((name) => request.params.has(name))) return next(request);
    return Promise.resolve(refuse(400, 'required', `A ${type} search requires the patient (or subject or _id) parameter`));
  },
};
