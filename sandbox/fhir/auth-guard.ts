/**
 * Bearer-token checks and SMART scopes. Accepts SMART v1 (`patient/Observation.read`) and v2
 * (`patient/Observation.rs`) forms. user/ and system/ scopes see the whole source; a grant that
 * comes only from patient/ scopes is bound to the token's launch patient.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { unauthorized } from '@medplum/core';
import type { Access, Grant, Interaction, TokenInfo, ValidateToken } from './types';
import { isKnownAudience } from '../auth/request-params';

interface ResourceScope {
  readonly level: 'patient' | 'user' | 'system';
  readonly type: string;
  readonly read: boolean;
  readonly search: boolean;
}

const SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.(read|write|\*|c?r?u?d?s?)(\?.*)?$/;

/**
 * Granular v2 scopes (`patient/Observation.rs?category=laboratory`) are honoured at
 * resource-type level only: the sandbox does not filter by the query part.
 */
export function parseScopes(scope: string): ResourceScope[] {
  return scope.split(/\s+/).flatMap((s) => {
    const m = SCOPE.exec(s);
    if (!m) return [];
    const [, level, type, perms] = m as unknown as [string, ResourceScope['level'], string, string];
    const v1Read = perms === 'read' || perms === '*';
    return [{ level, type, read: v1Read || (perms !== 'write' && perms.includes('r')), search: v1Read || (perms !== 'write' && perms.includes('s')) }];
  });
}

export function accessFromToken(token: TokenInfo): Access {
  const scopes = parseScopes(token.scope);
  return {
    check(resourceType: string, interaction: Interaction): Grant {
      const grants = scopes.filter((s) => (s.type === '*' || s.type === resourceType) && s[interaction]);
      if (grants.some((s) => s.level !== 'patient')) return { allowed: true };
      if (grants.length === 0) return { allowed: false, reason: `No granted scope allows ${interaction} on ${resourceType}` };
      if (!token.patient) return { allowed: false, reason: 'patient/ scopes need a patient in the launch context' };
      return { allowed: true, patient: token.patient };
    },
  };
}

export type GuardResult =
  | { readonly ok: true; readonly access: Access | undefined }
  | { readonly ok: false; readonly outcome: OperationOutcome; readonly challenge: string };

function challenge(text: string, error?: string): GuardResult {
  return {
    ok: false,
    outcome: { ...unauthorized, issue: [{ severity: 'error', code: 'login', details: { text } }] },
    challenge: error ? `Bearer realm="fhir", error="${error}", error_description="${text}"` : 'Bearer realm="fhir"',
  };
}

/**
 * Without `validateToken` the source is open; otherwise a valid Bearer token is required, issued
 * for this server: a token a client got for another source is refused, as a real server does.
 * @param baseUrl - this server's FHIR base
 * @param audienceRequired - a token that names no audience is refused too (profile rule `aud-required`)
 */
export async function authorise(headers: IncomingHttpHeaders, validateToken: ValidateToken | undefined, baseUrl: string, audienceRequired = false): Promise<GuardResult> {
  if (!validateToken) return { ok: true, access: undefined };
  const header = headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return challenge('Authorization: Bearer <access token> is required');
  const info = await validateToken(match[1]);
  if (!info) return challenge('The access token is invalid or has expired', 'invalid_token');
  if (info.audience !== undefined && !isKnownAudience([baseUrl], info.audience)) {
    return challenge('The access token was issued for another server', 'invalid_token');
  }
  if (info.audience === undefined && audienceRequired) return challenge('The access token names no server (aud); this server accepts only tokens issued for it', 'invalid_token');
  return { ok: true, access: accessFromToken(info) };
}
