import { FhirRequestError, describeFailure } from './fhir-error';
import { DEFAULT_RETRY, RETRY_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry';

/**
 * Sends one FHIR request and returns parsed JSON; throws FhirRequestError with a readable message.
 * @param peek - given a successful reply's text before it is parsed (paging reads the next link early)
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

/** Creates the request function for one source: auth, limits, timeouts, retries and errors in one place. */
export function createFhirGet(options: FhirHttpOptions): FhirGet {
  const limit = options.limit ?? ((task) => task());
  const retry = options.retry ?? DEFAULT_RETRY;

  const attempt = async (url: string, signal: AbortSignal, token: string | undefined, init?: { method: 'POST'; body: unknown }, peek?: (text: string) => void): Promise<Attempt> => {
    const headers: Record<string, string> = { Accept: 'application/fhir+json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (init) headers['Content-Type'] = 'application/fhir+json';
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      return await limit(async () => {
        const response = await options.fetch(url, {
          method: init?.method ?? 'GET',
          body: init ? JSON.stringify(init.body) : undefined,
          headers,
          signal: AbortSignal.any([signal, timeout]),
        });
        const text = await response.text();
        if (response.ok && text) peek?.(text);
        try {
          return { response, body: text ? JSON.parse(text) : undefined, parseError: false };
        } catch {
          return { response, body: undefined, parseError: true };
        }
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw new FhirRequestError('The source did not answer in time', undefined, url);
      throw new FhirRequestError('The source could not be reached', undefined, url);
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
