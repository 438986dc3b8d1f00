/**
 * One FHIR R4 AuditEvent per look-up, for a trust's information-governance audit: who looked
 * (the fhirUser from sign-in), at which patient, in which sources, when, and how it went.
 * Modelled on the FHIR "rest/search" audit pattern: a search is action E (execute).
 */
import type { PatientIdentifier } from '../context/patient-context';

export interface LookupAuditRecord {
  /** The signed-in user's FHIR reference, e.g. `Practitioner/123`; undefined when no source named one. */
  readonly fhirUser?: string;
  readonly patient: PatientIdentifier;
  readonly sources: readonly { readonly id: string; readonly name: string; readonly fhirBaseUrl: string; readonly answered: boolean }[];
  /** When the look-up started, epoch ms. */
  readonly at: number;
  /** Product name and version, e.g. `fhirside 0.1.0`. */
  readonly observer: string;
  /** A saved copy was shown (read from this browser's cache, not asked of the sources): when it was fetched. */
  readonly savedCopyFrom?: number;
}

const coding = (system: string, code: string, display: string) => ({ system, code, display });
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

const describe = (source: LookupAuditRecord['sources'][number], savedCopyFrom: number | undefined) =>
  savedCopyFrom !== undefined
    ? `${source.id}: saved copy fetched ${new Date(savedCopyFrom).toISOString()}`
    : source.answered ? `${source.id}: answered` : `${source.id}: did not answer`;

/** Builds the AuditEvent resource for one look-up, or for one saved copy shown. */
export function buildAuditEvent(record: LookupAuditRecord): Record<string, unknown> {
  const allAnswered = record.sources.every((s) => s.answered);
  return {
    resourceType: 'AuditEvent',
    type: coding('http://terminology.hl7.org/CodeSystem/audit-event-type', 'rest', 'RESTful Operation'),
    subtype: [coding('http://hl7.org/fhir/restful-interaction', 'search-type', 'search type')],
    action: 'E',
    recorded: new Date(record.at).toISOString(),
    // 0 success; 4 minor failure: some sources did not answer, the clinician saw the rest.
    outcome: allAnswered ? '0' : '4',
    agent: [
      {
        type: { coding: [coding('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP', 'information recipient')] },
        who: record.fhirUser ? { reference: record.fhirUser } : { display: 'user not named by any source' },
        requestor: true,
      },
    ],
    source: {
      observer: { display: record.observer },
      type: [coding('http://terminology.hl7.org/CodeSystem/security-source-type', '1', 'End-user display device')],
    },
    entity: [
      {
        what: { identifier: { system: record.patient.system, value: record.patient.value } },
        type: coding(ENTITY_TYPE, '1', 'Person'),
        role: coding(OBJECT_ROLE, '1', 'Patient'),
      },
      ...record.sources.map((source) => ({
        what: { identifier: { system: 'urn:ietf:rfc:3986', value: source.fhirBaseUrl }, display: source.name },
        type: coding(ENTITY_TYPE, '2', 'System Object'),
        role: coding(OBJECT_ROLE, '24', 'Query'),
        description: describe(source, record.savedCopyFrom),
      })),
    ],
  };
}
