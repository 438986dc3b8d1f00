/**
 * A FHIR Patient resource (from a FHIRcast event or an EHR launch) as patient context: its NHS
 * number is the identity every source is searched by. A Patient without a valid NHS number gives
 * no context: fhirside cannot find that person in the other sources.
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from './nhs-number';
import type { ContextOrigin, PatientContext } from './patient-context';
import { validateContext } from './validate-context';

interface PatientLike {
  readonly resourceType?: unknown;
  readonly identifier?: unknown;
  readonly birthDate?: unknown;
  readonly name?: unknown;
}

type Named = { family?: unknown; given?: unknown; text?: unknown };

function nameOf(names: unknown): string | undefined {
  const first = Array.isArray(names) ? (names[0] as Named | undefined) : undefined;
  if (!first) return undefined;
  if (typeof first.family === 'string') {
    const given = Array.isArray(first.given) ? first.given.filter((g) => typeof g === 'string').join(' ') : '';
    return `${first.family.toUpperCase()}${given ? `, ${given}` : ''}`;
  }
  return typeof first.text === 'string' ? first.text : undefined;
}

/**
 * @param resource - a Patient resource, trusted no more than a page
 * @param origin - who named this patient
 * @param url - the hub or server it came from
 * @returns the context, or a reason why there is none
 */
export function contextFromPatient(resource: unknown, origin: ContextOrigin, url: string, now = Date.now()): PatientContext | { readonly problem: string } {
  const patient = (typeof resource === 'object' && resource !== null ? resource : {}) as PatientLike;
  if (patient.resourceType !== 'Patient') return { problem: 'no Patient was named' };
  const identifiers = Array.isArray(patient.identifier) ? (patient.identifier as { system?: unknown; value?: unknown }[]) : [];
  const numbers = [...new Set(identifiers.filter((i) => i?.system === NHS_NUMBER_SYSTEM && typeof i.value === 'string').map((i) => String(i.value)))];
  if (numbers.length === 0) return { problem: 'the patient has no NHS number' };
  if (numbers.length > 1) return { problem: 'the patient has more than one NHS number' };
  const check = checkNhsNumber(numbers[0]!);
  if (!check.valid) return { problem: `the patient's NHS number is not valid (${check.reason})` };
  // The same checks and limits as any other context (date of birth format, name length).
  const context = validateContext({ identifier: { system: NHS_NUMBER_SYSTEM, value: check.value }, birthDate: patient.birthDate, displayName: nameOf(patient.name) }, origin, url, now);
  return context ?? { problem: 'the patient could not be read' };
}
