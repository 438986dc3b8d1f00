/**
 * `Patient/$summary` (HL7 International Patient Summary IG 2.0.0, OperationDefinition
 * "summary"): the patient's summary as an IPS document Bundle, built from the engine's records at
 * the time of asking: a `document` Bundle whose first entry is the Composition (LOINC 60591-5
 * "Patient summary Document"), then the Patient, then every record a section lists. In the
 * manner of the HAPI FHIR JPA server, which generates it on request (hapi-fhir-jpaserver-ips,
 * since HAPI FHIR 6.4). Advertised on Patient in the CapabilityStatement only where the profile
 * has the rule; the plain engine answers 404.
 */
import type { Bundle, BundleEntry, Composition, CompositionSection, Resource } from '@medplum/fhirtypes';
import type { Rule } from '../exchange';
import { IPS_SECTIONS } from './ips-sections';
import { withPatientOperation } from './patient-operations';
import { gatherPatientRecords, operationPatient } from './patient-records';

const OPERATION = 'http://hl7.org/fhir/uv/ips/OperationDefinition/summary';
const XHTML = 'http://www.w3.org/1999/xhtml';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** The words a record goes by in the section's narrative. */
const wordsOf = (r: Resource) => {
  const concept = ((r as { code?: unknown; medicationCodeableConcept?: unknown; vaccineCode?: unknown }).code
    ?? (r as { medicationCodeableConcept?: unknown }).medicationCodeableConcept ?? (r as { vaccineCode?: unknown }).vaccineCode) as { text?: string; coding?: { display?: string }[] } | undefined;
  return concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? r.resourceType;
};

function section(definition: (typeof IPS_SECTIONS)[number], records: readonly Resource[], url: (r: Resource) => string): CompositionSection | undefined {
  const listed = records.filter(definition.holds);
  if (listed.length === 0 && !definition.required) return undefined;
  const base = { title: definition.title, code: { coding: [{ system: 'http://loinc.org', code: definition.code, display: definition.display }] } };
  if (listed.length === 0) {
    // IPS: a required section without entries says why (HL7 list-empty-reason).
    return {
      ...base,
      text: { status: 'generated', div: `<div xmlns="${XHTML}">No information</div>` },
      emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable', display: 'Unavailable' }] },
    };
  }
  return {
    ...base,
    text: { status: 'generated', div: `<div xmlns="${XHTML}"><ul>${listed.map((r) => `<li>${escape(wordsOf(r))}</li>`).join('')}</ul></div>` },
    entry: listed.map((r) => ({ reference: url(r) })),
  };
}

export const patientSummary: Rule = {
  handle: async (request, context, next) => {
    const patientId = operationPatient(request, 'summary');
    if (patientId === undefined) return next(request);
    const gathered = await gatherPatientRecords(request, next, patientId);
    if ('refused' in gathered) return gathered.refused;
    const url = (r: Resource) => `${context.baseUrl}/${r.resourceType}/${r.id}`;
    const sections = IPS_SECTIONS.flatMap((d) => section(d, gathered.records, url) ?? []);
    const listed = new Set(sections.flatMap((s) => (s.entry ?? []).map((e) => e.reference)));
    // A listed prescription's Medication travels with it, as the document must stand alone.
    const medications = gathered.records.filter((r) => r.resourceType === 'Medication');
    const carried = [...gathered.records.filter((r) => listed.has(url(r))), ...medications];
    const now = new Date(context.now()).toISOString();
    const composition: Composition = {
      resourceType: 'Composition',
      id: crypto.randomUUID(),
      status: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '60591-5', display: 'Patient summary Document' }] },
      // Absolute, like every fullUrl here: the Composition's own fullUrl is a urn:uuid, so a relative
      // reference would have nothing to resolve against (FHIR R4 §2.36.4 resolving references in Bundles).
      subject: { reference: url(gathered.patient) },
      date: now,
      author: [{ display: 'fhirside sandbox FHIR server' }],
      title: 'International Patient Summary',
      section: sections,
    };
    const entry = (resource: Resource, fullUrl = url(resource)): BundleEntry => ({ fullUrl, resource });
    const body: Bundle = {
      resourceType: 'Bundle',
      identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
      type: 'document',
      timestamp: now,
      entry: [entry(composition, `urn:uuid:${composition.id}`), entry(gathered.patient), ...carried.map((r) => entry(r))],
    };
    return { status: 200, body };
  },
  capabilities: (statement) => withPatientOperation(statement, 'summary', OPERATION),
};
