import { describe, expect, it } from 'vitest';
import { buildPrintAuditEvent } from '@/lib/audit/print-audit';

describe('the printout audit event', () => {
  const event = buildPrintAuditEvent({
    fhirUser: 'Practitioner/demo',
    patient: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990712727' },
    sources: [{ id: 'gp', name: 'Riverside GP Practice', fhirBaseUrl: 'http://127.0.0.1:8101/fhir' }],
    lens: 'General',
    at: Date.parse('2026-11-26T10:30:00Z'),
    observer: 'fhirside 0.1.0',
  }) as { type: { code: string }; action: string; recorded: string; agent: { who: unknown }[]; entity: { what: unknown; description?: string }[] };

  it('is an export (DICOM 110106) of the patient, by the signed-in user, at the time of printing', () => {
    expect(event.type.code).toBe('110106');
    expect(event.action).toBe('R');
    expect(event.recorded).toBe('2026-11-26T10:30:00.000Z');
    expect(event.agent[0]!.who).toEqual({ reference: 'Practitioner/demo' });
    expect(event.entity[0]).toMatchObject({ what: { identifier: { value: '9990712727' } }, description: 'Summary printed, General view' });
    expect(event.entity[1]!.what).toEqual({ identifier: { system: 'urn:ietf:rfc:3986', value: 'http://127.0.0.1:8101/fhir' }, display: 'Riverside GP Practice' });
  });
});
