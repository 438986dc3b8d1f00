/**
 * The AuditEvent for a printout (or PDF) of a patient's summary. Printing takes the record off
 * screen, so information governance needs it apart from the look-up: modelled on DICOM's "Export"
 * event (DCM 110106, which IHE Basic Audit Log Patterns uses for data leaving the system), action R.
 */
import type { PatientIdentifier } from '../context/patient-context';

export interface PrintAuditRecord {
  readonly fhirUser?: string;
  readonly patient: PatientIdentifier;
  /** Sources the printed summary holds records from. */
  readonly sources: readonly { readonly id: string; readonly name: string; readonly fhirBaseUrl: string }[];
  /** The lens the summary was printed through. */
  readonly lens: string;
  /** When it was printed, epoch ms. */
  readonly at: number;
  readonly observer: string;
}

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

/** Builds the AuditEvent resource for one printout. */
export function buildPrintAuditEvent(record: PrintAuditRecord): Record<string, unknown> {
  return {
    resourceType: 'AuditEvent',
    type: { system: DCM, code: '110106', display: 'Export' },
    action: 'R',
    recorded: new Date(record.at).toISOString(),
    outcome: '0',
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
        who: record.fhirUser ? { reference: record.fhirUser } : { display: 'user not named by any source' },
        requestor: true,
      },
      { type: { coding: [{ system: DCM, code: '110153', display: 'Source Role ID' }] }, who: { display: record.observer }, requestor: false },
    ],
    source: { observer: { display: record.observer }, type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '1', display: 'End-user display device' }] },
    entity: [
      {
        what: { identifier: { system: record.patient.system, value: record.patient.value } },
        type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
        role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
        description: `Summary printed, ${record.lens} view`,
      },
      ...record.sources.map((source) => ({
        what: { identifier: { system: 'urn:ietf:rfc:3986', value: source.fhirBaseUrl }, display: source.name },
        type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
        role: { system: OBJECT_ROLE, code: '24', display: 'Query' },
      })),
    ],
  };
}
