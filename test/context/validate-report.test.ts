import { describe, expect, it } from 'vitest';
import { validateReport } from '@/lib/context/validate-report';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

describe('the background re-checks every report', () => {
  it('keeps a valid report and takes the URL from the browser, not the page', () => {
    const report = validateReport({ kind: 'patient', context: { identifier: { system: NHS, value: '9434765919' }, url: 'https://spoofed/' } }, 'https://epr/real');
    expect(report).toMatchObject({ kind: 'patient', context: { key: `${NHS}|9434765919`, url: 'https://epr/real' } });
  });

  it('turns an invalid NHS number into no patient', () => {
    expect(validateReport({ kind: 'patient', context: { identifier: { system: NHS, value: '9434765918' } } }, 'u')).toEqual({ kind: 'none', url: 'u' });
  });

  it('turns garbage into no patient', () => {
    expect(validateReport('nonsense', 'u').kind).toBe('none');
    expect(validateReport({ kind: 'patient' }, 'u').kind).toBe('none');
  });
});
