/**
 * Picker entries for the sign-in page, made from one FHIR server's Patient resources: the ids a
 * token's `patient` must carry are that server's own, so each entry is tied to its FHIR base.
 */
import type { Patient, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '../config';
import type { PickerPatient } from './login-page';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function label(patient: Patient): string {
  const name = patient.name?.[0];
  const family = (name?.family ?? 'UNKNOWN').toUpperCase();
  const title = name?.prefix?.[0] === undefined ? '' : ` (${name.prefix[0]})`;
  const [y, m, d] = (patient.birthDate ?? '').split('-');
  const born = y === undefined || m === undefined || d === undefined ? 'unknown' : `${d}-${MONTHS[Number(m) - 1] ?? m}-${y}`;
  const nhs = patient.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value;
  const shownNhs = nhs === undefined ? '' : ` - NHS No. ${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
  // Two records for one person (a duplicate registration) must still be told apart.
  const mrn = patient.identifier?.find((i) => i.system !== NHS_NUMBER_SYSTEM)?.value;
  return `${family}, ${name?.given?.[0] ?? ''}${title} - born ${born}${shownNhs}${mrn === undefined ? '' : ` - ${mrn}`}`;
}

/**
 * @param resources - everything one FHIR server holds
 * @param fhirBaseUrl - that server's base, the `aud` under which these ids are offered
 */
export function pickerPatientsFrom(resources: readonly Resource[], fhirBaseUrl: string): PickerPatient[] {
  return resources
    .filter((r): r is Patient => r.resourceType === 'Patient' && r.id !== undefined)
    .map((p) => ({ id: p.id ?? '', label: label(p), fhirBaseUrl }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
