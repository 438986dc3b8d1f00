import { describe, expect, it } from 'vitest';
import { contextFromPatient } from '@/lib/context/patient-from-resource';
import holloway from '../fixtures/patient-holloway.json';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

describe('a FHIR Patient as patient context', () => {
  it('takes the NHS number, date of birth and name', () => {
    const context = contextFromPatient(holloway, 'fhircast', 'http://hub', 5);
    expect(context).toMatchObject({ key: `${NHS}|9990000018`, birthDate: '1962-03-14', origin: 'fhircast', url: 'http://hub', detectedAt: 5 });
    expect((context as { displayName: string }).displayName).toMatch(/^HOLLOWAY, Susan/);
  });

  it('gives a reason instead of a context when no usable NHS number is there', () => {
    expect(contextFromPatient({ resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: '1' }] }, 'fhircast', 'h')).toEqual({ problem: 'the patient has no NHS number' });
    expect(contextFromPatient({ resourceType: 'Patient', identifier: [{ system: NHS, value: '9990000019' }] }, 'fhircast', 'h')).toMatchObject({ problem: expect.stringMatching(/not valid/) });
    expect(contextFromPatient({ resourceType: 'Patient', identifier: [{ system: NHS, value: '9990000018' }, { system: NHS, value: '9990158398' }] }, 'fhircast', 'h'))
      .toEqual({ problem: 'the patient has more than one NHS number' });
    expect(contextFromPatient({ resourceType: 'Practitioner' }, 'fhircast', 'h')).toEqual({ problem: 'no Patient was named' });
    expect(contextFromPatient(null, 'fhircast', 'h')).toEqual({ problem: 'no Patient was named' });
  });
});
