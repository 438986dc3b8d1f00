/**
 * `Patient/$everything` (FHIR R4 operation-patient-everything): every record of the patient's
 * compartment, paged, in the manner of the HAPI FHIR JPA server, whose documentation says the
 * operation pages like a search and repeats the Patient resource at the top of each page (a client
 * that adds pages up sees the Patient once per page). `_count` sets the page size (default 50);
 * the pages are offsets into one fixed list, so the paging rules (opaque or expiring links, page
 * caps) apply to it as to any search. Advertised on Patient in the CapabilityStatement only where
 * the profile has the rule; the plain engine answers 404.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { Rule } from '../exchange';
import { withPatientOperation } from './patient-operations';
import { gatherPatientRecords, operationPatient } from './patient-records';

const DEFAULT_PAGE = 50;
const OPERATION = 'http://hl7.org/fhir/OperationDefinition/Patient-everything';

export const patientEverything: Rule = {
  handle: async (request, context, next) => {
    const patientId = operationPatient(request, 'everything');
    if (patientId === undefined) return next(request);
    const gathered = await gatherPatientRecords(request, next, patientId);
    if ('refused' in gathered) return gathered.refused;
    const count = Math.max(1, Number(request.params.get('_count') ?? DEFAULT_PAGE) || DEFAULT_PAGE);
    const offset = Math.max(0, Number(request.params.get('_offset') ?? 0) || 0);
    const page = gathered.records.slice(offset, offset + count);
    const entry = (resource: Resource): BundleEntry => ({ fullUrl: `${context.baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } });
    const here = `${context.baseUrl}/Patient/${patientId}/$everything`;
    const link = [{ relation: 'self', url: `${here}?_count=${count}&_offset=${offset}` }];
    if (offset + count < gathered.records.length) link.push({ relation: 'next', url: `${here}?_count=${count}&_offset=${offset + count}` });
    const body: Bundle = { resourceType: 'Bundle', type: 'searchset', total: gathered.records.length + 1, link, entry: [entry(gathered.patient), ...page.map(entry)] };
    return { status: 200, body };
  },
  capabilities: (statement) => withPatientOperation(statement, 'everything', OPERATION),
};
