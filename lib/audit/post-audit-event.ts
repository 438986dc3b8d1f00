/** POSTs one AuditEvent to the trust's audit endpoint. */

export interface PostAuditDeps {
  readonly fetch: typeof fetch;
  readonly endpoint: string;
  /** Bearer token of the configured audit source, or undefined for an endpoint that needs none. */
  readonly accessToken: () => Promise<string | undefined>;
  readonly timeoutMs?: number;
}

/** Creates the `post` a queue uses; rejects unless the endpoint answers 2xx. */
export function auditPoster(deps: PostAuditDeps): (event: unknown) => Promise<void> {
  return async (event) => {
    const token = await deps.accessToken();
    const headers: Record<string, string> = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    let response: Response;
    try {
      response = await deps.fetch(deps.endpoint, { method: 'POST', headers, body: JSON.stringify(event), signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000) });
    } catch {
      throw new Error('the audit endpoint could not be reached');
    }
    if (!response.ok) throw new Error(`the audit endpoint answered HTTP ${response.status}`);
  };
}
