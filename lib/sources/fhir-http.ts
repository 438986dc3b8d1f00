import { FhirRequestError, describeFailure } from './fhir-error';
import { DEFAULT_RETRY, RETRY_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry';

/**
 * Sends one FHIR request and returns parsed JSON; throws FhirRequestError with a readable message.
 * @param peek - given the start of a successful reply's text as soon as it has arrived, at least up to
 *   where a Bundle's entries begin (or the whole text if shorter): paging reads the next link from it
 */
export type FhirGet = (url: string, signal: AbortSignal, init?: { method: 'POST'; body: unknown }, peek?: (text: string) => void) => Promise<unknown>;

export interface FhirHttpOptions {
  /** The platform fetch, injected so lib/ runs in Node tests. */
  readonly fetch: typeof fetch;
  /**
   * The current bearer token, refreshed first if close to expiry; with `force`, refreshed even if
   * it looks valid (the server said 401). Undefined for open sources. Throws SignInRequiredError.
   */
  readonly accessToken?: (force: boolean) => Promise<string | undefined>;
  readonly timeoutMs: number;
  /** Runs each request through the source's concurrency limit. */
  readonly limit?: <T>(task: () => Promise<T>) => Promise<T>;
  readonly retry?: RetryPolicy;
}

interface Attempt {
  readonly response: Response;
  readonly body: unknown;
  readonly parseError: boolean;
}

/** How much of a reply is enough to peek at when its entries have not begun by then. */
const PEEK_HEAD = 8192;
const ENTRIES_BEGIN = /"entry"\s*:/;

/**
 * Reads a reply's text, handing its head to `peek` as soon as that has arrived: a page of a thousand
 * results takes a while to stream in and decode, and its next link is in the first few hundred bytes.
 */
async function readPeeking(response: Response, peek: (head: string) => void): Promise<string> {
  if (!response.body) {
    const text = await response.text();
    if (text) peek(text);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let peeked = false;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    if (!peeked && (text.length >= PEEK_HEAD || ENTRIES_BEGIN.test(text))) {
      peeked = true;
      peek(text);
    }
  }
  text += decoder.decode();
  if (!peeked && text) peek(text);
  return text;
}

/** Creates the request function for one source: auth, limits, timeouts, retries and errors in one place. */
export function createFhirGet(options: FhirHttpOptions): FhirGet {
  const limit = options.limit ?? ((task) => task());
  const retry = options.retry ?? DEFAULT_RETRY;

  const attempt = async (url: string, signal: AbortSignal, token: string | undefined, init?: { method: 'POST'; body: unknown }, peek?: (text: string) => void): Promise<Attempt> => {
    const headers: Record<string, string> = { Accept: 'application/fhir+json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (init) headers['Content-Type'] = 'application/fhir+json';
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let received: { readonly response: Response; readonly text: string };
    try {
      // The request holds one of the source's places while it is on the wire, not while it is parsed:
      // a read-ahead page waiting for a place starts as soon as the one before it has arrived.
      received = await limit(async () => {
        const response = await options.fetch(url, {
          method: init?.method ?? 'GET',
          body: init ? JSON.stringify(init.body) : undefined,
          headers,
          signal: AbortSignal.any([signal, timeout]),
        });
        return { response, text: peek && response.ok ? await readPeeking(response, peek) : await response.text() };
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw new FhirRequestError('The source did not answer in time', undefined, url);
      throw new FhirRequestError('The source could not be reached', undefined, url);
    }
    const { response, text } = received;
    try {
      return { response, body: text ? JSON.parse(text) : undefined, parseError: false };
    } catch {
      return { response, body: undefined, parseError: true };
    }
  };

  return async (url, signal, init, peek) => {
    let token = await options.accessToken?.(false);
    let refreshed = false;
    for (let tries = 1; ; tries++) {
      const { response, body, parseError } = await attempt(url, signal, token, init, peek);
      if (response.status === 401 && token && !refreshed) {
        // The token may have been revoked or expired early: one forced refresh, then one retry.
        refreshed = true;
        token = await options.accessToken?.(true);
        continue;
      }
      if (RETRY_STATUSES.has(response.status) && tries < retry.attempts) {
        await sleep(retryDelayMs(retry, tries, response.headers.get('Retry-After')), signal);
        continue;
      }
      if (!response.ok) throw new FhirRequestError(describeFailure(response.status, body), response.status, url);
      if (parseError) throw new FhirRequestError('The source sent a reply that is not valid FHIR JSON', response.status, url);
      return body;
    }
  };
}
