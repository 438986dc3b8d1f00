import { describe, expect, it } from 'vitest';
import { contextFromLaunch, readLaunchParams, sourceForIss } from '@/lib/context/ehr-launch';
import holloway from '../fixtures/patient-holloway.json';

const ACUTE = 'http://127.0.0.1:8102/fhir';

describe('SMART EHR launch', () => {
  it('reads iss and launch, and refuses a page opened without them', () => {
    expect(readLaunchParams(`?iss=${encodeURIComponent(ACUTE)}&launch=abc`)).toEqual({ iss: ACUTE, launch: 'abc' });
    expect(readLaunchParams('?iss=x')).toHaveProperty('problem');
  });

  it('only launches from a configured source', () => {
    const sources = [{ id: 'acute', fhirBaseUrl: `${ACUTE}/` }];
    expect(sourceForIss(sources, ACUTE)?.id).toBe('acute');
    expect(sourceForIss(sources, 'https://evil.example/fhir')).toBeUndefined();
  });

  it('reads the launch patient from the token response and takes their NHS number', async () => {
    const read: string[] = [];
    const result = await contextFromLaunch({ tokenResponse: { patient: 'p01-acute', 'hub.url': 'http://hub', 'hub.topic': 'T' }, readPatient: async (id) => (read.push(id), holloway) }, ACUTE);
    expect(read).toEqual(['p01-acute']);
    expect(result).toMatchObject({ context: { identifier: { value: '9990000018' }, origin: 'ehr-launch', url: ACUTE }, hub: { hubUrl: 'http://hub', topic: 'T' } });
  });

  it('says why when the launch names no patient, or one it cannot read or look up', async () => {
    const readPatient = async () => holloway;
    expect(await contextFromLaunch({ tokenResponse: {}, readPatient }, ACUTE)).toEqual({ problem: 'The EPR\'s launch named no patient.' });
    expect(await contextFromLaunch({ tokenResponse: { patient: 'x' }, readPatient: () => Promise.reject(new Error('404')) }, ACUTE)).toHaveProperty('problem');
    const noNhs = await contextFromLaunch({ tokenResponse: { patient: 'x' }, readPatient: async () => ({ resourceType: 'Patient' }) }, ACUTE);
    expect(noNhs).toEqual({ problem: 'fhirside cannot look up the launched patient: the patient has no NHS number.' });
  });
});
