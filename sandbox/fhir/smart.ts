/** Discovery documents: SMART App Launch configuration and the CapabilityStatement. */
import type { CapabilityStatement, ResourceType } from '@medplum/fhirtypes';
import type { SandboxSource } from '../config';
import { searchParameters } from './definitions';
import { SEARCH_INCLUDES } from './include';

export const SMART_SCOPES = [
  'openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'offline_access', 'online_access',
  'patient/*.read', 'patient/*.rs', 'user/*.read', 'user/*.rs',
];

/** SMART App Launch 2.x `.well-known/smart-configuration` for a source whose tokens `authIssuer` issues. */
export function smartConfiguration(authIssuer: string): Record<string, unknown> {
  return {
    issuer: authIssuer,
    jwks_uri: `${authIssuer}/jwks`,
    authorization_endpoint: `${authIssuer}/auth`,
    token_endpoint: `${authIssuer}/token`,
    revocation_endpoint: `${authIssuer}/token/revocation`,
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: SMART_SCOPES,
    capabilities: [
      'launch-standalone', 'launch-ehr', 'client-public', 'context-standalone-patient', 'context-ehr-patient',
      'permission-offline', 'permission-patient', 'permission-user', 'permission-v1', 'permission-v2', 'sso-openid-connect',
    ],
  };
}

export function capabilityStatement(source: SandboxSource, baseUrl: string, authIssuer: string, resourceTypes: readonly string[], authRequired: boolean): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    publisher: source.name,
    kind: 'instance',
    software: { name: 'fhirside sandbox FHIR server', version: '0.1.0' },
    implementation: { description: `${source.name} (sandbox)`, url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      security: {
        cors: true,
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
        description: authRequired ? 'SMART App Launch; Bearer token required.' : 'Open sandbox source: no token required.',
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [
            { url: 'authorize', valueUri: `${authIssuer}/auth` },
            { url: 'token', valueUri: `${authIssuer}/token` },
          ],
        }],
      },
      resource: resourceTypes.map((type) => ({
        type: type as ResourceType,
        interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
        ...(SEARCH_INCLUDES[type] ? { searchInclude: [...SEARCH_INCLUDES[type]] } : {}),
        searchParam: searchParameters(type)
          .filter((p) => ['reference', 'string', 'uri', 'token', 'date'].includes(p.type))
          .map((p) => ({ name: p.code ?? '', type: p.type, ...(p.url ? { definition: p.url } : {}) })),
      })),
      interaction: [{ code: 'batch' }, { code: 'transaction' }],
    }],
  };
}
