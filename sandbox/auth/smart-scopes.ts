/**
 * SMART App Launch scopes the sandbox grants. oidc-provider drops from a request every scope it
 * was not configured with (and copies the configured list, so it cannot grow later), so the
 * patient/ and user/ resource scopes are spelled out in full: every R4 resource type and `*`, in
 * v1 (`.read`, `.write`, `.*`) and v2 (`.c`, `.rs`, `.cruds`, ...) form. Granular v2 scopes with a
 * query (`patient/Observation.rs?category=laboratory`) are not among them and are not granted.
 */
import { FHIR_R4_RESOURCE_TYPES } from './fhir-resource-types';

const FIXED_SCOPES = ['openid', 'fhirUser', 'profile', 'offline_access', 'online_access', 'launch', 'launch/patient'];
/** What discovery lists: the enumeration itself would be ten thousand entries. */
export const ADVERTISED_SCOPES = [...FIXED_SCOPES, 'patient/*.read', 'user/*.read', 'patient/*.rs', 'user/*.rs'];

/** Every non-empty v2 permission string: the subsets of c, r, u, d, s in that order. */
function v2Permissions(): string[] {
  const letters = ['c', 'r', 'u', 'd', 's'];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << letters.length; mask += 1) {
    out.push(letters.filter((_, i) => (mask & (1 << i)) !== 0).join(''));
  }
  return out;
}

/** oidc-provider's `scopes`: the fixed SMART scopes and every patient/ and user/ resource scope. */
export function knownScopes(): string[] {
  const permissions = ['read', 'write', '*', ...v2Permissions()];
  const scopes = [...FIXED_SCOPES];
  for (const context of ['patient', 'user']) {
    for (const type of ['*', ...FHIR_R4_RESOURCE_TYPES]) {
      for (const permission of permissions) scopes.push(`${context}/${type}.${permission}`);
    }
  }
  return scopes;
}

/**
 * The requested scopes granted to a clinician signing in. The provider has already dropped any it
 * does not know; `system/` scopes (backend services, never a user in a browser) were never known.
 * @param requested - the space-separated `scope` of the authorization request
 */
export function grantableScopes(requested: string): string[] {
  return [...new Set(requested.split(' '))].filter((s) => s !== '');
}

/** Whether the request asks the user to pick a patient (standalone launch). */
export function asksForPatientPick(requested: string): boolean {
  return requested.split(' ').includes('launch/patient');
}
