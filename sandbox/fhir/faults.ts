/**
 * Switchable misbehaviour for a sandbox FHIR source, so the product can be proved against the
 * ways real servers fail. A fault applies to every FHIR interaction except the discovery
 * documents (`/metadata`, `/.well-known/smart-configuration`), until it is cleared.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { FHIR_JSON } from './http';
import type { Access } from './types';

export const FAULT_MODES = [
  'none', 'http-500', 'http-503', 'http-429', 'token-expired', 'forbidden-type', 'hang', 'trickle', 'malformed-json',
  'html-error', 'truncated-bundle', 'next-loop', 'next-other-host', 'invalid-resources', 'huge-page',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface Fault {
  readonly mode: FaultMode;
  /** For `forbidden-type`: the resource type refused (default Observation). */
  readonly resourceType?: string;
}

const outcome = (code: string, diagnostics: string) => JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] });

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': FHIR_JSON, ...headers });
  res.end(body);
}

/**
 * Answers the request instead of the server when the fault decides the whole reply.
 * @returns true when the request was answered (or deliberately left hanging)
 */
export function interceptRequest(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
  switch (fault.mode) {
    case 'http-500':
      send(res, 500, outcome('exception', 'Internal server error (injected)'));
      return true;
    case 'http-503':
      send(res, 503, outcome('transient', 'Service unavailable (injected)'), { 'Retry-After': '1' });
      return true;
    case 'http-429':
      send(res, 429, outcome('throttled', 'Too many requests (injected)'), { 'Retry-After': '1' });
      return true;
    case 'hang':
      req.socket.setTimeout(0);
      return true; // never answered: the client's timeout must end it
    case 'html-error':
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>window.canary=1</script></body></html>');
      return true;
    case 'malformed-json':
      send(res, 200, '{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Condition",, }');
      return true;
    default:
      return false;
  }
}

/**
 * `forbidden-type` is an access rule, not a reply: the repository refuses the type wherever it is
 * asked for, in a plain request and inside a batch alike (each such entry answers 403 with an
 * OperationOutcome), as a real server's access control does.
 */
export function restrictAccess(fault: Fault, access: Access | undefined): Access | undefined {
  if (fault.mode !== 'forbidden-type') return access;
  const refusedType = fault.resourceType ?? 'Observation';
  return {
    check: (resourceType, interaction) =>
      resourceType === refusedType
        ? { allowed: false, reason: `Access to ${refusedType} is not permitted for this user (injected)` }
        : (access?.check(resourceType, interaction) ?? { allowed: true }),
  };
}

/**
 * `token-expired` is not answered here: the world revokes every access token issued so far when it
 * is set (sandbox/auth/revocation.ts), so each client's current token gets a real 401 and a
 * refreshed one works, exactly as with a token that expired early.
 */

/** True for modes that rewrite a normal reply rather than replace it. */
export const rewritesReply = (fault: Fault) => ['trickle', 'truncated-bundle', 'next-loop', 'next-other-host', 'invalid-resources', 'huge-page'].includes(fault.mode);

const selfLink = (bundle: Bundle) => bundle.link?.find((l) => l.relation === 'self')?.url;

function rewriteBundle(fault: Fault, bundle: Bundle, selfUrl: string): Bundle {
  if (bundle.type === 'batch-response' && fault.mode !== 'huge-page') {
    // A misbehaving server misbehaves in each search a batch asked for, not only in plain ones.
    const entry = (bundle.entry ?? []).map((e) => (e.resource?.resourceType === 'Bundle' ? { ...e, resource: rewriteBundle(fault, e.resource, selfLink(e.resource) ?? selfUrl) } : e));
    return { ...bundle, entry };
  }
  switch (fault.mode) {
    case 'next-loop':
      return { ...bundle, link: [{ relation: 'self', url: selfUrl }, { relation: 'next', url: selfUrl }] };
    case 'next-other-host':
      return { ...bundle, link: [{ relation: 'self', url: selfUrl }, { relation: 'next', url: selfUrl.replace('127.0.0.1', 'evil.example') }] };
    case 'invalid-resources':
      return {
        ...bundle,
        entry: (bundle.entry ?? []).map((entry) => ({
          ...entry,
          // Wrong types, missing required fields, unknown codes, script in display text.
          resource: { ...entry.resource, code: { coding: [{ system: 'urn:unknown', code: 42, display: ['<img src=x onerror=alert(1)>'] }] }, clinicalStatus: 'yes', status: 7, meta: 'x' } as unknown as Resource,
        })),
      };
    case 'huge-page': {
      const padding = 'x'.repeat(5 * 1024 * 1024);
      return { ...bundle, meta: { tag: [{ system: 'urn:padding', code: 'pad', display: padding }] } };
    }
    default:
      return bundle;
  }
}

/** Sends a normal reply bent by the fault. */
export function sendRewritten(fault: Fault, res: ServerResponse, status: number, resource: Resource, selfUrl: string): void {
  const body = resource.resourceType === 'Bundle' ? rewriteBundle(fault, resource, selfUrl) : resource;
  const text = JSON.stringify(body);
  if (fault.mode === 'truncated-bundle') return send(res, status, text.slice(0, Math.floor(text.length / 2)));
  if (fault.mode !== 'trickle') return send(res, status, text);
  // Slow trickle: a few bytes at a time, so the whole reply takes far longer than any timeout.
  res.writeHead(status, { 'Content-Type': FHIR_JSON });
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed || offset >= text.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(text.slice(offset, offset + 16));
    offset += 16;
  }, 100);
}
