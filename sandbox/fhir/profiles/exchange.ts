/**
 * The shapes a profile rule works with: one FHIR request as the engine would see it, one answer,
 * and the next step of the chain. A rule is middleware: it may answer itself (a refusal), change
 * the request before passing it on (a capped `_count`), or change the answer on its way back
 * (an opaque next link).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { CapabilityStatement, OperationOutcome, Resource } from '@medplum/fhirtypes';

export interface ProfileRequest {
  readonly method: string;
  /** After `/fhir`: `''` for the base, `/Observation`, `/Patient/p1/$everything`. */
  readonly path: string;
  readonly params: URLSearchParams;
  readonly body?: unknown;
  readonly headers: IncomingHttpHeaders;
}

export interface Answer {
  readonly status: number;
  readonly body: Resource;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Next = (request: ProfileRequest) => Promise<Answer>;

/** Tunables a test can shorten: a 570 s token or a 10-minute search cache is too long to wait for. */
export interface ProfileOptions {
  /** Access-token lifetime at this server, seconds (token-lifetime). */
  readonly tokenSeconds: number;
  /** How long a next link stays good, seconds (expiring-links). */
  readonly linkSeconds: number;
}

export interface RuleContext {
  readonly baseUrl: string;
  readonly options: ProfileOptions;
  readonly now: () => number;
  /** The rule's own memory (stored searches, first sight of a token), kept while the profile is. */
  readonly state: Map<string, unknown>;
}

export interface Rule {
  /** Runs around the rest of the chain for every FHIR interaction except discovery. */
  readonly handle?: (request: ProfileRequest, context: RuleContext, next: Next) => Promise<Answer>;
  /** What the server says of itself once this rule applies. */
  readonly capabilities?: (statement: CapabilityStatement) => CapabilityStatement;
}

/** An OperationOutcome answer with one issue. */
export function refuse(status: number, code: string, diagnostics: string, headers?: Record<string, string>): Answer {
  const body: OperationOutcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'invalid', diagnostics }] };
  return { status, body, ...(headers ? { headers } : {}) };
}

/** The resource type a request's path names (`/Observation/_search` → Observation), if any. */
export const typeOf = (request: ProfileRequest): string | undefined => /^\/([A-Z][A-Za-z]+)/.exec(request.path)?.[1];

/** True for a search by type (GET `/Type` or POST `/Type/_search`). */
export const isSearch = (request: ProfileRequest): boolean =>
  (request.method === 'GET' && /^\/[A-Z][A-Za-z]+$/.test(request.path)) || (request.method === 'POST' && /^\/[A-Z][A-Za-z]+\/_search$/.test(request.path));

/** A copy of the request with other query parameters. */
export const withParams = (request: ProfileRequest, params: URLSearchParams, path = request.path): ProfileRequest => ({ ...request, path, params });
