import { describe, expect, it } from 'vitest';
import { combineFrames } from '@/lib/context/frame-reports';
import { NHS_NUMBER_SYSTEM } from '@/lib/context/nhs-number';
import type { PageContextReport, PatientContext } from '@/lib/context/patient-context';
import { resolveTabContext } from '@/lib/context/resolve-context';

const person = (value: string, origin: 'page' | 'fhircast' = 'page'): PatientContext =>
  ({ key: `${NHS_NUMBER_SYSTEM}|${value}`, identifier: { system: NHS_NUMBER_SYSTEM, value }, origin, url: 'u', detectedAt: 0, displayName: 'WALSH, Patricia' });
const patient = (value: string): PageContextReport => ({ kind: 'patient', context: person(value) });

describe('one answer from several frames', () => {
  it('agrees when frames agree, or when only one names a patient', () => {
    expect(combineFrames({ 0: patient('9990000018'), 3: patient('9990000018'), 4: { kind: 'none', url: 'f' } }, 'u').kind).toBe('patient');
  });

  it('names none when a frame shows a rejected number beside a valid one', () => {
    const report = combineFrames({ 0: patient('9990000018'), 3: { kind: 'rejected', url: 'f', found: '999 000 0019', reason: 'its check digit is wrong' } }, 'u');
    expect(report).toMatchObject({ kind: 'ambiguous', found: ['999 000 0018', '999 000 0019'] });
  });

  it('passes on a frame that is itself unsure', () => {
    expect(combineFrames({ 0: patient('9990000018'), 2: { kind: 'ambiguous', url: 'f', found: [], reason: 'too large' } }, 'u').kind).toBe('ambiguous');
  });
});

describe('precedence', () => {
  it('uses the FHIRcast session only where it applies, and names the disagreeing source', () => {
    const sources = { url: 'u', frames: { 0: patient('9990000018') }, navigatedAt: 0 };
    const hub = { context: person('9990158398', 'fhircast'), receivedAt: 5 };
    expect(resolveTabContext(sources, hub, false)).toEqual(patient('9990000018'));
    expect(resolveTabContext(sources, hub, true)).toMatchObject({
      context: { origin: 'fhircast' },
      conflict: { shown: { origin: 'fhircast', label: '999 015 8398' }, others: [{ origin: 'page', label: '999 000 0018', displayName: 'WALSH, Patricia' }] },
    });
  });

  it('keeps the page\'s date of birth when the FHIRcast session names the same patient without one', () => {
    const page = { kind: 'patient', context: { ...person('9990000018'), birthDate: '1962-03-14' } } as const;
    const sources = { url: 'u', frames: { 0: page }, navigatedAt: 0 };
    const hub = { context: person('9990000018', 'fhircast'), receivedAt: 5 };
    expect(resolveTabContext(sources, hub, true)).toEqual({ kind: 'patient', context: { ...person('9990000018', 'fhircast'), birthDate: '1962-03-14' } });
  });

  it('never lends a date of birth across patients', () => {
    const page = { kind: 'patient', context: { ...person('9990000018'), birthDate: '1962-03-14' } } as const;
    const sources = { url: 'u', frames: { 0: page }, navigatedAt: 0 };
    const hub = { context: person('9990158398', 'fhircast'), receivedAt: 5 };
    expect((resolveTabContext(sources, hub, true) as { context: PatientContext }).context.birthDate).toBeUndefined();
  });
});
