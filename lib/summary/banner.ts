import { NHS_NUMBER_SYSTEM } from '../context/nhs-number';
import type { FhirResource } from '../fhir/resource';
import { datePart, obj, objs, str } from './fields';
import type { Banner } from './model';

/** The banner facts of a Patient resource: official name, birth date, gender, NHS number. */
export function bannerFromPatient(patient: FhirResource, patientKey: string): Banner {
  const names = objs(patient, 'name');
  const name = names.find((n) => n['use'] === 'official') ?? names[0];
  const given = name && Array.isArray(name['given']) ? (name['given'] as unknown[]).filter((g) => typeof g === 'string').join(' ') : undefined;
  const prefix = name && Array.isArray(name['prefix']) ? (name['prefix'] as unknown[]).find((p) => typeof p === 'string') : undefined;
  const nhs = objs(patient, 'identifier').find((id) => id['system'] === NHS_NUMBER_SYSTEM);
  return {
    patientKey,
    family: name ? str(name, 'family') : undefined,
    given: given || undefined,
    prefix: typeof prefix === 'string' ? prefix : undefined,
    birthDate: datePart(str(patient, 'birthDate')),
    gender: str(patient, 'gender'),
    nhsNumber: nhs ? str(nhs, 'value') : undefined,
    deceasedDate: datePart(str(patient, 'deceasedDateTime')) ?? (patient['deceasedBoolean'] === true ? 'unknown' : undefined),
    nhsNumberVerified: nhs ? verified(nhs) : undefined,
  };
}

/** UK Core verification status: `01` is "number present and verified"; absent means not stated. */
function verified(identifier: Record<string, unknown>): boolean | undefined {
  const extension = objs(identifier, 'extension').find((e) => str(e, 'url')?.endsWith('NHSNumberVerificationStatus'));
  if (!extension) return undefined;
  const code = objs(obj(extension, 'valueCodeableConcept') ?? {}, 'coding').map((c) => str(c, 'code')).find(Boolean);
  return code === '01';
}
