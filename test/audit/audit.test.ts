import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '@/lib/audit/audit-event';
import { flushAuditQueue, queueAuditEvent } from '@/lib/audit/audit-queue';
import { lookupAuditRecord, savedCopyAuditRecord } from '@/lib/audit/lookup-audit';
import { auditPoster } from '@/lib/audit/post-audit-event';
import { DEFAULT_SOURCES } from '@/lib/config/defaults';
import type { LookupView } from '@/lib/lookup';
import type { Summary } from '@/lib/summary/model';
import { memoryStore } from '@/lib/sources/key-value-store';
import { hollowayContext } from '../fixtures';

const AT = Date.parse('2026-11-26T10:30:00Z');
const view: LookupView = {
  context: hollowayContext,
  sources: { gp: { state: 'done', resourceCount: 12 }, acute: { state: 'error', message: 'The source did not answer in time' }, mh: { state: 'needs-sign-in' } },
  complete: true,
};

/** An audit endpoint on the network boundary: records what it receives, answers with `status`. */
function endpoint(status: () => number) {
  const received: { headers: Headers; body: Record<string, unknown> }[] = [];
  const fetcher: typeof fetch = async (_url, init) => {
    const code = status();
    if (code === 0) throw new TypeError('Failed to fetch');
    received.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    return new Response('', { status: code });
  };
  return { fetcher, received };
}

describe('an AuditEvent per look-up', () => {
  it('records who looked at which patient in which sources, and that one source failed', () => {
    const record = lookupAuditRecord(view, DEFAULT_SOURCES, 'Practitioner/dr-patel', AT, 'fhirside 0.1.0')!;
    const event = buildAuditEvent(record);
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      action: 'E',
      recorded: '2026-11-26T10:30:00.000Z',
      outcome: '4',
      agent: [{ who: { reference: 'Practitioner/dr-patel' }, requestor: true }],
      source: { observer: { display: 'fhirside 0.1.0' } },
    });
    const entities = event['entity'] as { what: { identifier: { value: string } }; description?: string }[];
    expect(entities[0]!.what.identifier).toEqual(hollowayContext.identifier);
    // The source that still needed sign-in was never asked, so it is not in the record.
    expect(entities.slice(1).map((e) => e.description)).toEqual(['gp: answered', 'acute: did not answer']);
  });

  it('records a saved copy drawn on screen like a look-up, naming the sources it came from and when it was fetched', () => {
    const summary = { sourceIds: ['gp', 'mh'] } as unknown as Summary;
    const shown: LookupView = { context: hollowayContext, sources: { gp: { state: 'needs-sign-in' } }, complete: false, cached: { value: summary, savedAt: AT - 60_000 } };
    const event = buildAuditEvent(savedCopyAuditRecord(shown, DEFAULT_SOURCES, 'Practitioner/dr-patel', AT, 'fhirside')!);
    expect(event).toMatchObject({ agent: [{ who: { reference: 'Practitioner/dr-patel' } }], recorded: '2026-11-26T10:30:00.000Z' });
    const entities = event['entity'] as { what: { identifier: { value: string } }; description?: string }[];
    expect(entities[0]!.what.identifier).toEqual(hollowayContext.identifier);
    expect(entities.slice(1).map((e) => e.description)).toEqual(['gp: saved copy fetched 2026-11-26T10:29:00.000Z', 'mh: saved copy fetched 2026-11-26T10:29:00.000Z']);
    expect(savedCopyAuditRecord(view, DEFAULT_SOURCES, undefined, AT, 'fhirside')).toBeUndefined();
  });

  it('records nothing when no source was asked', () => {
    const none: LookupView = { ...view, sources: { gp: { state: 'needs-sign-in' } } };
    expect(lookupAuditRecord(none, DEFAULT_SOURCES, undefined, AT, 'fhirside')).toBeUndefined();
    expect(lookupAuditRecord({ ...view, complete: false }, DEFAULT_SOURCES, undefined, AT, 'fhirside')).toBeUndefined();
  });

  it('posts with the audit source\'s token, keeps what fails in the queue and sends it on the next try, in order', async () => {
    const store = memoryStore();
    let up = false;
    const server = endpoint(() => (up ? 201 : 0));
    const post = auditPoster({ fetch: server.fetcher, endpoint: 'https://audit.trust.example/fhir/AuditEvent', sourceBaseUrl: 'https://audit.trust.example/fhir', accessToken: async () => 'tok' });
    await queueAuditEvent(store, { resourceType: 'AuditEvent', id: 'first' });
    await queueAuditEvent(store, { resourceType: 'AuditEvent', id: 'second' });

    expect(await flushAuditQueue({ store, post })).toEqual({ pending: 2, dropped: 0, lastError: 'the audit endpoint could not be reached' });
    up = true;
    expect(await flushAuditQueue({ store, post })).toEqual({ pending: 0, dropped: 0 });
    expect(server.received.map((r) => r.body['id'])).toEqual(['first', 'second']);
    expect(server.received[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(server.received[0]!.headers.get('Content-Type')).toBe('application/fhir+json');
  });

  it('reports an endpoint that refuses the event', async () => {
    const store = memoryStore();
    const server = endpoint(() => 403);
    await queueAuditEvent(store, { resourceType: 'AuditEvent' });
    const status = await flushAuditQueue({ store, post: auditPoster({ fetch: server.fetcher, endpoint: 'https://a.example/AuditEvent', accessToken: async () => undefined }) });
    expect(status).toEqual({ pending: 1, dropped: 0, lastError: 'the audit endpoint answered HTTP 403' });
    expect(server.received[0]!.headers.has('Authorization')).toBe(false);
  });
});

describe('the audit credential', () => {
  const gpBase = 'https://fhir.gp.example/R4';

  it('sends the audit source\'s token to an endpoint on that source\'s own server', async () => {
    const server = endpoint(() => 201);
    await auditPoster({ fetch: server.fetcher, endpoint: 'https://fhir.gp.example/R4/AuditEvent', sourceBaseUrl: gpBase, accessToken: async () => 'gp-token' })({});
    expect(server.received[0]!.headers.get('Authorization')).toBe('Bearer gp-token');
  });

  it('never sends a source\'s token to an endpoint on another host (attack: policy or a tampered URL names a collector)', async () => {
    const server = endpoint(() => 201);
    let asked = false;
    const accessToken = async () => ((asked = true), 'gp-token');
    await auditPoster({ fetch: server.fetcher, endpoint: 'https://collector.attacker.example/AuditEvent', sourceBaseUrl: gpBase, accessToken })({});
    await auditPoster({ fetch: server.fetcher, endpoint: 'https://fhir.gp.example:8443/R4/AuditEvent', sourceBaseUrl: gpBase, accessToken })({});
    expect(server.received.map((r) => r.headers.has('Authorization'))).toEqual([false, false]);
    expect(asked).toBe(false);
  });

  it('sends the endpoint\'s own configured credential instead', async () => {
    const server = endpoint(() => 201);
    await auditPoster({ fetch: server.fetcher, endpoint: 'https://audit.trust.example/AuditEvent', sourceBaseUrl: gpBase, accessToken: async () => 'gp-token', authorization: 'Bearer audit-only' })({});
    expect(server.received[0]!.headers.get('Authorization')).toBe('Bearer audit-only');
  });
});
