import { FhirRequestError, describeFailure } from './fhir-error';

/** Fetches a FHIR URL and returns parsed JSON; throws FhirRequestError with a readable message. */
export type FhirGet = (url: string, signal: AbortSignal) => Promise<unknown>;

export interface FhirHttpOptions {
  /** The platform fetch, injected so lib/ runs in Node tests. */
  readonly fetch: typeof fetch;
  /** Returns the current bearer token (refreshing it first if needed), or undefined for open sources. */
  readonly accessToken?: () => Promise<string | undefined>;
  readonly timeoutMs: number;
}

/** Creates a FhirGet for one source: auth header, timeout, abort and error translation in one place. */
export function createFhirGet(options: FhirHttpOptions): FhirGet {
  return async (url, signal) => {
    const token = await options.accessToken?.();
    const headers: Record<string, string> = { Accept: 'application/fhir+json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await options.fetch(url, { headers, signal: AbortSignal.any([signal, timeout]) });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw new FhirRequestError('The source did not answer in time', undefined, url);
      throw new FhirRequestError('The source could not be reached', undefined, url);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      if (!response.ok) throw new FhirRequestError(describeFailure(response.status, undefined), response.status, url);
      throw new FhirRequestError('The source sent a reply that is not valid FHIR JSON', response.status, url);
    }
    if (!response.ok) throw new FhirRequestError(describeFailure(response.status, body), response.status, url);
    return body;
  };
}
