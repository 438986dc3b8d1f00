/** Patient and Organization resources: who the record is about and who holds it. */
import type { Organization, Patient } from '@medplum/fhirtypes';
import type { SandboxSource } from '../../config';
import { NHS_NUMBER_SYSTEM } from '../../config';
import type { RosterPatient } from '../roster';
import { HL7, ODS, UK_CORE } from '../codes/systems';

const TOWNS: Record<string, string> = { LS: 'Leeds', BD: 'Bradford', HG: 'Harrogate', WF: 'Wakefield', YO: 'York' };
const STREETS = ['Albion Street', 'Kirkstall Road', 'Harehills Lane', 'Otley Road', 'Roundhay Road', 'Chapel Lane',
  'Station Road', 'Park Avenue', 'Victoria Terrace', 'Moor Lane', 'Church Street', 'Green Lane', 'Mill Street'];

/** A local record number that looks like the source's own format and is stable per patient. */
export function mrn(source: SandboxSource, patient: RosterPatient, variant = 0): string {
  const n = Number(patient.key.replace(/\D/g, '')) * 7919 + variant * 104729;
  switch (source.id) {
    case 'gp': return String(400000 + n);
    case 'acute': return `RX9${String(1000000 + n)}`;
    case 'mh': return `RIO${String(500000 + n)}`;
  }
}

export interface PatientOptions {
  readonly id?: string;
  readonly mrnVariant?: number;
  readonly lastUpdated: string;
}

export function buildPatient(patient: RosterPatient, source: SandboxSource, options: PatientOptions): Patient {
  const index = Number(patient.key.replace(/\D/g, ''));
  const town = TOWNS[patient.postcode.slice(0, 2).replace(/\d/g, '')] ?? 'Leeds';
  const gp = source.id === 'gp'
    ? { reference: 'Organization/org-gp', display: source.name }
    : { display: 'Riverside GP Practice', identifier: { system: ODS, value: 'Y90001' } };
  return {
    resourceType: 'Patient',
    id: options.id ?? `${patient.key}-${source.id}`,
    meta: { lastUpdated: options.lastUpdated },
    identifier: [
      {
        system: NHS_NUMBER_SYSTEM,
        value: patient.nhsNumber,
        extension: [{
          url: UK_CORE.nhsNumberVerification,
          valueCodeableConcept: { coding: [{ system: UK_CORE.nhsNumberVerificationSystem, code: '01', display: 'Number present and verified' }] },
        }],
      },
      {
        use: 'usual',
        type: { coding: [{ system: HL7.v2_0203, code: 'MR', display: 'Medical record number' }] },
        system: source.mrnSystem,
        value: mrn(source, patient, options.mrnVariant),
      },
    ],
    active: true,
    name: [{ use: 'official', family: patient.family, given: [patient.given], ...(patient.prefix ? { prefix: [patient.prefix] } : {}) }],
    gender: patient.gender,
    birthDate: patient.birthDate,
    ...(patient.deceasedDateTime ? { deceasedDateTime: patient.deceasedDateTime } : {}),
    address: [{ use: 'home', line: [`${(index * 37) % 180 + 2} ${STREETS[index % STREETS.length] ?? 'High Street'}`], city: town, postalCode: patient.postcode, country: 'GB' }],
    telecom: [{ system: 'phone', use: 'mobile', value: `07700 900${String(100 + index).slice(-3)}` }],
    generalPractitioner: [gp],
    managingOrganization: { reference: `Organization/org-${source.id}`, display: source.name },
  };
}

export function buildOrganization(source: SandboxSource, lastUpdated: string): Organization {
  return {
    resourceType: 'Organization',
    id: `org-${source.id}`,
    meta: { lastUpdated },
    identifier: [{ system: ODS, value: source.odsCode }],
    active: true,
    name: source.name,
  };
}
