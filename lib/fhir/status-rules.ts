/**
 * How FHIR R4 statuses read, per resource type: what is current, what is refuted, and what the
 * source has withdrawn. Every status rule of the summary lives here, each with the clause of the
 * specification it follows (http://hl7.org/fhir/R4/<type>.html, "Terminology Bindings" and
 * "Constraints"). A status the table does not know reads as current: a fact is never hidden on a
 * guess, it is shown with its status in words.
 */
import type { FhirResource } from './resource';

export interface StatusReading {
  /** The code as sent (`status`, or `clinicalStatus` for allergies and conditions). */
  readonly code?: string;
  /** Current: drawn among current rows and may alert. */
  readonly active: boolean;
  /** Withdrawn by the source (entered-in-error, or an Observation/report cancelled): never a fact. */
  readonly removed: boolean;
  /** verificationStatus refuted: shown as refuted, never alerts. */
  readonly refuted: boolean;
  /** Status in words when it is not the plain default (`on hold`, `not taken`, `preliminary`). */
  readonly words?: string;
}

function codeOf(resource: FhirResource, field: string): string | undefined {
  const value = resource[field];
  if (typeof value === 'string') return value;
  const coding = (value as { coding?: unknown } | undefined)?.coding;
  const first = Array.isArray(coding) ? (coding[0] as { code?: unknown } | undefined) : undefined;
  return typeof first?.code === 'string' ? first.code : undefined;
}

const words = (code: string | undefined) => code?.replace(/-/g, ' ');

/**
 * `status` codes that are current, per type (required bindings of each R4 resource).
 * - MedicationStatement (medication-statement-status): intended and on-hold are still current
 *   medicines; not-taken, stopped, completed are not.
 * - MedicationRequest (medicationrequest-status): active, on-hold; draft is an unsigned
 *   prescription shown with its status.
 * - Procedure (event-status): only in-progress is going on now.
 * - Observation/DiagnosticReport (observation-status, diagnostic-report-status): every value that
 *   was not cancelled is a result; preliminary/amended/corrected are marked, not hidden.
 */
const CURRENT: Readonly<Record<string, readonly string[]>> = {
  MedicationStatement: ['active', 'intended', 'on-hold'],
  MedicationRequest: ['active', 'on-hold', 'draft'],
  Procedure: ['in-progress'],
  Immunization: [],
  Encounter: ['in-progress', 'arrived', 'triaged', 'onleave'],
  Flag: ['active'],
  CarePlan: ['active', 'on-hold', 'draft'],
  CareTeam: ['active', 'proposed', 'suspended'],
  DocumentReference: ['current'],
  ImagingStudy: [],
};

/** Status codes read as the plain default of their type: no words drawn beside the row. */
const PLAIN = new Set(['active', 'final', 'current', 'completed', 'finished', 'confirmed', 'available']);

/**
 * `cancelled` withdraws an Observation, DiagnosticReport or ImagingStudy: "the observation is
 * unavailable because the measurement was not started or not completed" (observation-status), so
 * it is never a value; for an Encounter or MedicationRequest it is a real event shown with its status.
 */
const CANCEL_WITHDRAWS = new Set(['Observation', 'DiagnosticReport', 'ImagingStudy']);

/** Reads a resource's status by the rules of its type. */
export function readStatus(resource: FhirResource): StatusReading {
  const type = resource.resourceType;
  if (type === 'AllergyIntolerance' || type === 'Condition') return clinicalStatusOf(resource);
  const code = codeOf(resource, 'status');
  const removed = code === 'entered-in-error' || (code === 'cancelled' && CANCEL_WITHDRAWS.has(type));
  const current = CURRENT[type];
  // Observation and report statuses say how final a value is, not whether it is current.
  const active = !removed && (current === undefined ? true : code === undefined || current.includes(code));
  // MedicationRequest.doNotPerform: "the request is prohibiting the action" — never reads as a prescription.
  const prohibited = type === 'MedicationRequest' && resource['doNotPerform'] === true;
  return {
    code,
    active: active && !prohibited,
    removed,
    refuted: false,
    words: prohibited ? 'do not give' : code && !PLAIN.has(code) ? words(code) : undefined,
  };
}

/**
 * AllergyIntolerance and Condition carry two statuses.
 * - verificationStatus entered-in-error: withdrawn. The spec forbids clinicalStatus on such a
 *   record (AllergyIntolerance ait-2, Condition con-5), so an absent clinicalStatus is not "active".
 * - verificationStatus refuted: the allergy or problem was ruled out; it is shown as refuted,
 *   never as current and never as an alert.
 * - clinicalStatus (allergyintolerance-clinical, condition-clinical): active, recurrence and
 *   relapse are current; inactive, resolved and remission are not. An abated Condition must be
 *   inactive, resolved or remission (con-4), so one sent with abatement[x] and no clinicalStatus
 *   is read as no longer current. An allergy sent with no clinicalStatus stays current: ait-1
 *   requires one, and an allergy must never be hidden on a source's omission.
 */
function clinicalStatusOf(resource: FhirResource): StatusReading {
  const verification = codeOf(resource, 'verificationStatus');
  const code = codeOf(resource, 'clinicalStatus');
  if (verification === 'entered-in-error') return { code: verification, active: false, removed: true, refuted: false, words: 'entered in error' };
  if (verification === 'refuted') return { code: 'refuted', active: false, removed: false, refuted: true, words: 'refuted' };
  const abated = Object.keys(resource).some((field) => field.startsWith('abatement'));
  if (code === undefined) return { active: !(resource.resourceType === 'Condition' && abated), removed: false, refuted: false, words: abated ? 'ended' : undefined };
  const active = ['active', 'recurrence', 'relapse'].includes(code);
  return { code, active, removed: false, refuted: false, words: PLAIN.has(code) ? undefined : words(code) };
}

/** verificationStatus words worth saying beside a current fact (unconfirmed, provisional, differential). */
export function verificationWords(resource: FhirResource): string | undefined {
  const verification = codeOf(resource, 'verificationStatus');
  return verification && !['confirmed', 'refuted', 'entered-in-error'].includes(verification) ? verification : undefined;
}
