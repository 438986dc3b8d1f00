/**
 * A wide-area link in front of one loopback server, for the bench's WAN scenarios. On loopback a
 * request costs only server CPU; across a hospital network each round trip costs tens of
 * milliseconds and a large answer takes time to arrive. So, per request: half a round trip before
 * the server sees it, half a round trip before its answer's first byte leaves, then the body paced
 * at the link's bandwidth. Every answer in flight on one link shares its bandwidth (a source sits
 * behind one site link), one slice at a time in turn, so parallel requests do not multiply it.
 * Bodies are gzipped when the client accepts it, as servers on a WAN do: pacing raw JSON would
 * charge the link for bytes no real deployment sends. Request bodies (small batch Bundles) are not
 * paced. Unshaped (the default) the server answers exactly as before.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

export interface LinkShape {
  /** Round-trip time, ms: half on the way in, half on the way out. */
  readonly rttMs: number;
  /** Bandwidth of the link, megabits per second, shared by the answers in flight. */
  readonly mbitPerS: number;
  /** Gzip answers for clients that accept it (default true). */
  readonly compress?: boolean;
}

/** One request the shaped server handled, on the epoch clock (ms, sub-ms precision). */
export interface ServedRequest {
  readonly link: string;
  readonly method: string;
  readonly url: string;
  /** After the inbound half round trip: the server starts on it. */
  readonly arrivedAt: number;
  /** The server has its answer ready to send (compressed, where it is). */
  readonly readyAt: number;
  /** Body bytes sent on the link. */
  readonly bytes: number;
}

export interface LinkClock {
  /** Epoch ms. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: LinkClock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Slices small enough that answers on one link take turns, large enough to keep timers few. */
const SLICE_BYTES = 16 * 1024;
const MIN_COMPRESSED_BYTES = 1024;
const gzipAsync = promisify(gzip);

export interface LinkShaper {
  readonly name: string;
  /** The shape from the next request on; undefined for loopback as it is. */
  set(shape: LinkShape | undefined): void;
  /** Runs `handle` for this request through the link (at once, when unshaped). */
  serve(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  /** Requests served while shaped, oldest first. */
  readonly served: ServedRequest[];
}

/**
 * When each slice may leave a link of `mbitPerS`: a slice starts once the link is free and
 * occupies it for its bytes' time on the wire.
 */
export function createPacer(clock: Pick<LinkClock, 'now'>) {
  let freeAt = 0;
  return {
    /** @returns the epoch ms at which `bytes` have crossed the link */
    reserve(bytes: number, mbitPerS: number): number {
      const start = Math.max(clock.now(), freeAt);
      freeAt = start + (bytes * 8) / (mbitPerS * 1000);
      return freeAt;
    },
  };
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/**
 * @param name - the link's name in the served log (a source id, or `auth`)
 * @param clock - injected for tests; real time otherwise
 */
export function createLinkShaper(name: string, clock: LinkClock = REAL_CLOCK): LinkShaper {
  let shape: LinkShape | undefined;
  const pacer = createPacer(clock);
  const served: ServedRequest[] = [];

  async function deliver(req: IncomingMessage, res: ServerResponse, link: LinkShape, arrivedAt: number, head: unknown[], body: Buffer, send: Pick<ServerResponse, 'writeHead' | 'write' | 'end'>): Promise<void> {
    // writeHead's own headers override setHeader's: move them over so Content-Length can change.
    const [status, second, third] = head as [number | undefined, unknown, unknown];
    const headers = (typeof second === 'object' ? second : third) as OutgoingHttpHeaders | undefined;
    for (const [key, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(key, value);
    if (link.compress !== false && acceptsGzip(req) && body.length >= MIN_COMPRESSED_BYTES && !res.hasHeader('content-encoding')) {
      body = await gzipAsync(body, { level: 1 });
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
    }
    if (res.hasHeader('content-length')) res.setHeader('Content-Length', body.length);
    served.push({ link: name, method: req.method ?? 'GET', url: req.url ?? '', arrivedAt, readyAt: clock.now(), bytes: body.length });
    await clock.sleep(link.rttMs / 2);
    send.writeHead(status ?? res.statusCode, typeof second === 'string' ? second : undefined);
    for (let offset = 0; offset < body.length; offset += SLICE_BYTES) {
      const slice = body.subarray(offset, offset + SLICE_BYTES);
      await clock.sleep(Math.max(0, pacer.reserve(slice.length, link.mbitPerS) - clock.now()));
      if (res.destroyed) return;
      send.write(slice);
    }
    send.end();
  }

  /** Holds what the server writes until it ends, then sends it through the link. */
  function intercept(req: IncomingMessage, res: ServerResponse, link: LinkShape, arrivedAt: number): void {
    const send = { writeHead: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res) };
    let head: unknown[] = [];
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
    };
    res.writeHead = ((...args: unknown[]) => ((head = args), res)) as unknown as ServerResponse['writeHead'];
    res.write = ((chunk: unknown, encoding?: unknown) => (keep(chunk, encoding), true)) as unknown as ServerResponse['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      keep(chunk, encoding);
      deliver(req, res, link, arrivedAt, head, Buffer.concat(chunks), send).catch(() => res.destroy());
      return res;
    }) as unknown as ServerResponse['end'];
  }

  return {
    name,
    served,
    set(next) {
      shape = next;
    },
    serve(req, res, handle) {
      const link = shape;
      if (!link) return handle();
      void clock.sleep(link.rttMs / 2).then(() => {
        intercept(req, res, link, clock.now());
        handle();
      });
    },
  };
}
