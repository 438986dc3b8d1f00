/**
 * Counts a page's FHIR requests and bytes per source through the DevTools protocol. Resource
 * Timing cannot: the sandbox sends no Timing-Allow-Origin, so cross-origin sizes read as zero.
 * Also keeps each request's server wait (request sent → first byte), to tell the sandbox's time
 * from ours.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface RequestRecord {
  readonly url: string;
  readonly method: string;
  /** Seconds, DevTools monotonic clock. */
  readonly sentAt: number;
  firstByteAt?: number;
  doneAt?: number;
  /** Bytes on the wire (headers and encoded body). */
  bytes: number;
  status?: number;
}

export interface SourceTraffic {
  readonly requests: number;
  readonly bytes: number;
  /** Time at least one request to this source was waiting for the server (union of waits), ms. */
  readonly serverBusyMs: number;
}

export class NetworkRecorder {
  private readonly byId = new Map<string, RequestRecord>();
  private constructor(readonly cdp: CDPSession) {}

  /** Attaches to a page before it navigates, so the first request is seen too. */
  static async attach(context: BrowserContext, page: Page): Promise<NetworkRecorder> {
    const recorder = new NetworkRecorder(await context.newCDPSession(page));
    recorder.listen();
    await recorder.cdp.send('Network.enable');
    return recorder;
  }

  private listen(): void {
    this.cdp.on('Network.requestWillBeSent', (e) => {
      this.byId.set(e.requestId, { url: e.request.url, method: e.request.method, sentAt: e.timestamp, bytes: 0 });
    });
    this.cdp.on('Network.responseReceived', (e) => {
      const record = this.byId.get(e.requestId);
      if (!record) return;
      record.status = e.response.status;
      const t = e.response.timing;
      record.firstByteAt = t ? t.requestTime + t.receiveHeadersEnd / 1000 : e.timestamp;
    });
    this.cdp.on('Network.loadingFinished', (e) => {
      const record = this.byId.get(e.requestId);
      if (!record) return;
      record.doneAt = e.timestamp;
      record.bytes = e.encodedDataLength;
    });
  }

  /** Forgets what was seen so far (between a cold and a warm look-up on one page). */
  reset(): void {
    this.byId.clear();
  }

  requests(): RequestRecord[] {
    return [...this.byId.values()];
  }

  /** Requests, bytes and server-busy time per FHIR base (`http://host:port/fhir`). */
  perSource(bases: Readonly<Record<string, string>>): Record<string, SourceTraffic> {
    const out: Record<string, SourceTraffic> = {};
    for (const [id, base] of Object.entries(bases)) {
      const mine = this.requests().filter((r) => r.url.startsWith(base) && r.method !== 'OPTIONS');
      out[id] = { requests: mine.length, bytes: mine.reduce((n, r) => n + r.bytes, 0), serverBusyMs: busyMs(mine) };
    }
    return out;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Length of the union of [sent, first byte] intervals, in ms. */
function busyMs(records: readonly RequestRecord[]): number {
  const spans = records
    .filter((r) => r.firstByteAt !== undefined)
    .map((r) => [r.sentAt, r.firstByteAt!] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = [Number.NaN, Number.NaN];
  for (const [s, e] of spans) {
    if (Number.isNaN(start) || s > end) {
      if (!Number.isNaN(start)) total += end - start;
      [start, end] = [s, e];
    } else end = Math.max(end, e);
  }
  if (!Number.isNaN(start)) total += end - start;
  return total * 1000;
}
