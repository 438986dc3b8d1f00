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

describe('reports of several patients', () => {
  it('keeps an ambiguous report, bounded, and never lets a page set a conflict or an origin', () => {
    const found = Array.from({ length: 9 }, (_, i) => `99900000${i}`);
    expect(validateReport({ kind: 'ambiguous', found, reason: 'two numbers' }, 'u')).toEqual({ kind: 'ambiguous', url: 'u', found: found.slice(0, 5), reason: 'two numbers' });
    const claimed = validateReport({ kind: 'patient', conflict: { shown: {} }, context: { origin: 'ehr-launch', identifier: { system: NHS, value: '9434765919' } } }, 'u');
    expect(claimed).not.toHaveProperty('conflict');
    expect(claimed).toMatchObject({ context: { origin: 'page' } });
  });
});
