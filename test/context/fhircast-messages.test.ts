import { describe, expect, it } from 'vitest';
import { heartbeatPeriod, parseHubMessage, patientOf, subscriptionForm } from '@/lib/context/fhircast-messages';

describe('FHIRcast messages', () => {
  it('asks for patient-open and patient-close over a WebSocket, renewing an endpoint when given one', () => {
    expect(Object.fromEntries(subscriptionForm('subscribe', 'T', 600))).toEqual({
      'hub.channel.type': 'websocket', 'hub.mode': 'subscribe', 'hub.topic': 'T', 'hub.events': 'patient-open,patient-close', 'hub.lease_seconds': '600',
    });
    expect(subscriptionForm('subscribe', 'T', 600, 'ws://hub/ws/1').get('hub.channel.endpoint')).toBe('ws://hub/ws/1');
    expect(Object.fromEntries(subscriptionForm('unsubscribe', 'T', 0, 'ws://hub/ws/1'))).toEqual({
      'hub.channel.type': 'websocket', 'hub.mode': 'unsubscribe', 'hub.topic': 'T', 'hub.channel.endpoint': 'ws://hub/ws/1',
    });
  });

  it('reads confirmations, denials and events, with event names in any case', () => {
    expect(parseHubMessage('{"hub.mode":"subscribe","hub.lease_seconds":7200}')).toEqual({ kind: 'confirmation', leaseSeconds: 7200 });
    expect(parseHubMessage('{"hub.mode":"denied","hub.reason":"lease expired"}')).toEqual({ kind: 'denial', reason: 'lease expired' });
    const event = parseHubMessage(JSON.stringify({ id: 'e', timestamp: '2026-01-08T01:37:05Z', event: { 'hub.topic': 'T', 'hub.event': 'Patient-open', context: [{ key: 'patient', resource: { resourceType: 'Patient' } }] } }));
    expect(event).toMatchObject({ kind: 'event', id: 'e', event: 'patient-open', topic: 'T', timestamp: Date.parse('2026-01-08T01:37:05Z') });
    expect(patientOf(event.kind === 'event' ? event.context : [])).toEqual({ resourceType: 'Patient' });
  });

  it('treats anything else as nothing, never as an error', () => {
    for (const junk of ['not json', '[]', 'null', '{"id":1}', 42]) expect(parseHubMessage(junk)).toEqual({ kind: 'other' });
  });

  it('reads the heartbeat period', () => {
    expect(heartbeatPeriod([{ key: 'period', decimal: '10' }])).toBe(10);
    expect(heartbeatPeriod([])).toBeUndefined();
  });
});
