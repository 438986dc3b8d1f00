/** POSTs one AuditEvent to the trust's audit endpoint. */

export interface PostAuditDeps {
  readonly fetch: typeof fetch;
  readonly endpoint: string;
  /** Base URL of the source whose sign-in the audit uses (policy `audit.sourceId`), if any. */
  readonly sourceBaseUrl?: string;
  /** Bearer token of that source; asked for only when the endpoint is on the source's own origin. */
  readonly accessToken: () => Promise<string | undefined>;
  /** The endpoint's own credential (policy `audit.authorization`): the Authorization header sent otherwise. */
  readonly authorization?: string;
  readonly timeoutMs?: number;
}

const sameOrigin = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

/**
 * The Authorization header for the audit POST. A source's token goes only to that source's own
 * origin: an endpoint elsewhere (another server of the trust, or a mistyped or tampered URL) would
 * otherwise hold a token that reads every patient at that source.
 */
async function authorizationFor(deps: PostAuditDeps): Promise<string | undefined> {
  if (deps.sourceBaseUrl !== undefined && sameOrigin(deps.endpoint, deps.sourceBaseUrl)) {
    const token = await deps.accessToken();
    if (token) return `Bearer ${token}`;
  }
  return deps.authorization;
}

/** Creates the `post` a queue uses; rejects unless the endpoint answers 2xx. */
export function auditPoster(deps: PostAuditDeps): (event: unknown) => Promise<void> {
  return async (event) => {
    const authorization = await authorizationFor(deps);
    const headers: Record<string, string> = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };
    if (authorization) headers['Authorization'] = authorization;
    let response: Response;
    try {
      response = await deps.fetch(deps.endpoint, { method: 'POST', headers, body: JSON.stringify(event), signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000) });
    } catch {
      throw new Error('the audit endpoint could not be reached');
    }
    if (!response.ok) throw new Error(`the audit endpoint answered HTTP ${response.status}`);
  };
}
