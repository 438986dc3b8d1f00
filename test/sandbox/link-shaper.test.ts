// The WAN link in front of a sandbox server: an answer arrives a round trip later, its body at the
// link's bandwidth shared by every answer in flight, gzipped for a client that accepts it, and the
// server's own time is logged apart from the link's. Timings are asserted as lower bounds only: a
// busy machine can make an answer later, never earlier.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkShaper, createPacer, type LinkShaper } from '../../sandbox/link-shaper';
import { closeServer, listen } from '../../sandbox/listen';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

/** A server behind `shaper` that answers `body` after `workMs` of "server time". */
async function shapedServer(shaper: LinkShaper, body: Buffer | string, workMs = 0): Promise<string> {
  const server = createServer((req, res) =>
    shaper.serve(req, res, () => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      }, workMs);
    }),
  );
  servers.push(server);
  return `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}/`;
}

async function timedFetch(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; body: Buffer; encoding: string | null }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - started, body, encoding: res.headers.get('content-encoding') };
}

describe('createPacer', () => {
  it('lets a slice leave once the link is free, for its bytes at the link rate', () => {
    let now = 1000;
    const pacer = createPacer({ now: () => now });
    // 1,250 bytes are 10,000 bits: 1 ms at 10 Mbit/s.
    expect(pacer.reserve(1250, 10)).toBe(1001);
    expect(pacer.reserve(1250, 10)).toBe(1002);
    now = 1010;
    expect(pacer.reserve(2500, 10)).toBe(1012);
  });
});

describe('createLinkShaper', () => {
  it('answers unchanged and at once while unshaped, and logs nothing', async () => {
    const shaper = createLinkShaper('gp');
    const url = await shapedServer(shaper, '{"ok":true}');
    const answer = await timedFetch(url);
    expect(answer.body.toString()).toBe('{"ok":true}');
    expect(shaper.served).toHaveLength(0);
  });

  it('holds an answer for about a round trip, beside the server time it logs apart', async () => {
    const shaper = createLinkShaper('acute');
    shaper.set({ rttMs: 120, mbitPerS: 1000 });
    const url = await shapedServer(shaper, '{"ok":true}', 30);
    const answer = await timedFetch(url);
    expect(answer.body.toString()).toBe('{"ok":true}');
    expect(answer.ms).toBeGreaterThanOrEqual(120 + 30 - 5);
    const [served] = shaper.served;
    expect(served).toMatchObject({ link: 'acute', method: 'GET', url: '/' });
    expect(served!.readyAt - served!.arrivedAt).toBeGreaterThanOrEqual(29);
  });

  it('paces a body at the link bandwidth', async () => {
    const shaper = createLinkShaper('mh');
    // 256 KB of incompressible bytes at 10 Mbit/s: about 210 ms on the wire.
    shaper.set({ rttMs: 0, mbitPerS: 10, compress: false });
    const url = await shapedServer(shaper, randomBytes(256 * 1024));
    const answer = await timedFetch(url);
    expect(answer.body.length).toBe(256 * 1024);
    expect(answer.ms).toBeGreaterThanOrEqual(200);
  });

  it('shares the bandwidth between answers in flight on one link', async () => {
    const shaper = createLinkShaper('acute');
    // Two 128 KB answers at 10 Mbit/s: each alone ~105 ms, together ~210 ms for the later one.
    shaper.set({ rttMs: 0, mbitPerS: 10, compress: false });
    const url = await shapedServer(shaper, randomBytes(128 * 1024));
    const answers = await Promise.all([timedFetch(url), timedFetch(url)]);
    expect(Math.max(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(200);
  });

  it('gzips for a client that accepts it, and logs the bytes that crossed the link', async () => {
    const shaper = createLinkShaper('gp');
    shaper.set({ rttMs: 10, mbitPerS: 100 });
    const json = JSON.stringify({ entry: Array.from({ length: 500 }, (_, i) => ({ resource: { resourceType: 'Observation', id: `o${i}` } })) });
    const url = await shapedServer(shaper, json);
    const answer = await timedFetch(url, { 'Accept-Encoding': 'gzip' });
    expect(answer.encoding).toBe('gzip');
    expect(answer.body.toString()).toBe(json);
    expect(shaper.served[0]!.bytes).toBeLessThan(json.length / 3);
  });
});
