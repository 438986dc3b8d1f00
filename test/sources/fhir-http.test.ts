import { describe, expect, it } from 'vitest';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { createLimiter } from '@/lib/sources/limiter';
import { retryDelayMs, DEFAULT_RETRY } from '@/lib/sources/retry';

const url = 'http://fhir.test/fhir/Condition?patient=1';
const bundle = { resourceType: 'Bundle', type: 'searchset' };
const signal = new AbortController().signal;

/** A server that answers with the given responses in turn, recording what it was sent. */
function scripted(...answers: (() => Response)[]) {
  const sent: { auth: string | null }[] = [];
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    sent.push({ auth: new Headers(init?.headers).get('Authorization') });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as typeof fetch;
  return { fetch: fetchImpl, sent };
}
const ok = () => new Response(JSON.stringify(bundle));
const status = (code: number, headers: Record<string, string> = {}) => () => new Response('', { status: code, headers });
const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

describe('requests to a source', () => {
  it('retries a 429 and a 503, then succeeds', async () => {
    const server = scripted(status(429, { 'Retry-After': '0' }), status(503), ok);
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000, retry: fastRetry });
    expect(await get(url, signal)).toEqual(bundle);
    expect(server.sent).toHaveLength(3);
  });

  it('gives up after the last attempt and says the source is busy', async () => {
    const server = scripted(status(503), status(503), status(503));
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000, retry: fastRetry });
    await expect(get(url, signal)).rejects.toThrow('The source is busy; try again shortly');
  });

  it('does not retry a 500: repeating it only loads a struggling server', async () => {
    const server = scripted(status(500), ok);
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000, retry: fastRetry });
    await expect(get(url, signal)).rejects.toThrow('HTTP 500');
    expect(server.sent).toHaveLength(1);
  });

  it('after a 401, refreshes the token once and retries with the new one', async () => {
    const server = scripted(status(401), ok);
    const forced: boolean[] = [];
    const accessToken = async (force: boolean) => (forced.push(force), force ? 'new-token' : 'old-token');
    const get = createFhirGet({ fetch: server.fetch, accessToken, timeoutMs: 1000 });
    expect(await get(url, signal)).toEqual(bundle);
    expect(forced).toEqual([false, true]);
    expect(server.sent.map((s) => s.auth)).toEqual(['Bearer old-token', 'Bearer new-token']);
  });

  it('reports a second 401 as a refused sign-in rather than looping', async () => {
    const server = scripted(status(401), status(401), ok);
    const get = createFhirGet({ fetch: server.fetch, accessToken: async () => 't', timeoutMs: 1000 });
    await expect(get(url, signal)).rejects.toThrow('Sign-in has expired or was refused');
    expect(server.sent).toHaveLength(2);
  });

  it('stops at once when the clinician moves to another patient', async () => {
    const controller = new AbortController();
    const server = scripted(status(503, { 'Retry-After': '5' }), ok);
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 10_000 } });
    const pending = get(url, controller.signal);
    setTimeout(() => controller.abort(new Error('patient changed')), 20);
    await expect(pending).rejects.toThrow('patient changed');
  });
});

describe('retry timing', () => {
  it('honours Retry-After in seconds and as a date, within the cap', () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1, '2')).toBe(2000);
    expect(retryDelayMs(DEFAULT_RETRY, 1, 'Wed, 26 Nov 2026 10:00:03 GMT', Date.parse('Wed, 26 Nov 2026 10:00:00 GMT'))).toBe(3000);
    expect(retryDelayMs(DEFAULT_RETRY, 1, '3600')).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('backs off exponentially without Retry-After', () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1, null, 0, () => 1)).toBe(400);
    expect(retryDelayMs(DEFAULT_RETRY, 3, null, 0, () => 1)).toBe(1600);
  });
});

describe('the concurrency limit', () => {
  it('never runs more than the limit at once', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = () => limit(async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    await Promise.all(Array.from({ length: 7 }, task));
    expect(peak).toBe(2);
  });
});

describe('peeking at a reply as it streams in', () => {
  it('hands over the head of a page (up to its entries) before the rest has arrived, then the whole page', async () => {
    const head = '{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"http://fhir.test/fhir/Condition?page=2"}],"entry":[';
    const rest = '{"resource":{"resourceType":"Condition","id":"c1"}}]}';
    let release = () => {};
    const restArrives = new Promise<void>((resolve) => (release = resolve));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(head));
        await restArrives;
        controller.enqueue(encoder.encode(rest));
        controller.close();
      },
    });
    const get = createFhirGet({ fetch: (async () => new Response(body)) as typeof fetch, timeoutMs: 1000 });
    const peeked: string[] = [];
    const page = get(url, signal, undefined, (text) => {
      peeked.push(text);
      release();
    });
    expect(await page).toEqual({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'http://fhir.test/fhir/Condition?page=2' }], entry: [{ resource: { resourceType: 'Condition', id: 'c1' } }] });
    // The rest was only sent once the head had been handed over: the peek cannot have waited for it.
    expect(peeked).toEqual([head]);
  });

  it('never peeks at a failed reply', async () => {
    const peeked: string[] = [];
    const get = createFhirGet({ fetch: scripted(status(404)).fetch, timeoutMs: 1000 });
    await expect(get(url, signal, undefined, (text) => peeked.push(text))).rejects.toThrow();
    expect(peeked).toEqual([]);
  });
});
