/**
 * Chained search on the patient's identifier, as real servers offer it (FHIR R4 §3.1.1.4.11):
 * `Condition?patient.identifier=<system>|<value>` or `subject:Patient.identifier=…` finds the
 * records of every Patient carrying that identifier. It lets a client ask for a patient's records
 * by NHS number in the same round trip as the Patient search. Only this one chain is offered;
 * any other still answers 400 (search-request.ts), so a client learns to ask without it.
 */
import type { Filter, SearchRequest } from '@medplum/core';
import { Operator } from '@medplum/core';

/** The chains answered here, by the reference parameter they lead from. */
const PATIENT_IDENTIFIER_CHAINS: Readonly<Record<string, string>> = {
  'patient.identifier': 'patient',
  'patient:Patient.identifier': 'patient',
  'subject.identifier': 'subject',
  'subject:Patient.identifier': 'subject',
};

/** An id no Patient has: a chain that finds nobody must match nothing, not everything. */
const NOBODY = 'Patient/-no-patient-carries-this-identifier-';

/**
 * The request with each patient-identifier chain replaced by a plain reference filter naming the
 * Patients found (several when one identifier is on several Patients: the client must see that).
 * @param patientsWith - ids of the Patients carrying `system|value` (as the server's own search finds them)
 */
export function resolvePatientChains<T extends SearchRequest>(request: T, patientsWith: (identifier: string) => string[]): T {
  if (!request.filters?.some((f) => f.code in PATIENT_IDENTIFIER_CHAINS)) return request;
  const filters = request.filters.map((filter): Filter => {
    const param = PATIENT_IDENTIFIER_CHAINS[filter.code];
    if (!param || filter.operator !== Operator.EQUALS) return filter;
    const ids = filter.value.split(',').flatMap((identifier) => patientsWith(identifier));
    return { code: param, operator: Operator.EQUALS, value: ids.length ? ids.map((id) => `Patient/${id}`).join(',') : NOBODY };
  });
  return { ...request, filters };
}
