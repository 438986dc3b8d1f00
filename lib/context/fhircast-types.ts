/** The FHIRcast subscriber's parts: the socket it is given, what it reports, what it needs. */
import type { Backoff } from './backoff';

/** A WebSocket as the browser and the `ws` package both offer it. */
export interface SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type HubPatientEvent = { readonly kind: 'open'; readonly resource: unknown } | { readonly kind: 'close' } | { readonly kind: 'lost' };
export type FhircastStatus = 'connecting' | 'subscribed' | 'retrying' | 'stopped';

export interface FhircastClientDeps {
  readonly hubUrl: string;
  readonly topic: string;
  readonly fetch: typeof fetch;
  readonly openSocket: (url: string) => SocketLike;
  /** Returns whether fhirside follows the event (acknowledged 200) or not (409). */
  readonly onPatient: (event: HubPatientEvent) => boolean;
  readonly onStatus?: (status: FhircastStatus, detail?: string) => void;
  /**
   * The SMART access token the hub accepts (FHIRcast: the hub's authorization server issued it),
   * sent with every subscription request; undefined when not signed in, and then nothing is sent.
   */
  readonly accessToken?: () => Promise<string | undefined>;
  readonly leaseSeconds?: number;
  readonly backoff?: Backoff;
  /** Silence longer than this means the connection is gone; the hub's heartbeat period × 3 once known. */
  readonly silenceMs?: number;
}
