import { describe, expect, it } from 'vitest';
import { checkConnection } from '@/lib/config/connection-check';
import { checkSignIn } from '@/lib/config/sign-in-check';
import { resolveConfig } from '@/lib/config/resolve';
import { gpSource } from './policies';

const source = resolveConfig({ sources: [gpSource] }, undefined).config.sources[0]!;
const BASE = 'https://fhir.gp.example.nhs.uk/r4';

/** A server answering from a table of URL → JSON (or a status); anything else is unreachable. */
function server(routes: Record<string, unknown>): typeof fetch {
  return async (input) => {
    const url = String(input);
    if (!(url in routes)) throw new TypeError('Failed to fetch');
    const body = routes[url];
    return typeof body === 'number' ? new Response('', { status: body }) : Response.json(body);
  };
}

const smart = { authorization_endpoint: 'https://auth.example.nhs.uk/authorize', token_endpoint: 'https://auth.example.nhs.uk/token', code_challenge_methods_supported: ['S256'] };
const capability = { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', software: { name: 'GP Connect' } };

describe('Test connection', () => {
  it('passes discovery and metadata for a SMART R4 server', async () => {
    const steps = await checkConnection(source, server({ [`${BASE}/.well-known/smart-configuration`]: smart, [`${BASE}/metadata`]: capability }), new AbortController().signal);
    expect(steps).toEqual([
      { name: 'discovery', ok: true, detail: 'SMART sign-in at auth.example.nhs.uk, PKCE S256' },
      { name: 'metadata', ok: true, detail: 'GP Connect, FHIR 4.0.1' },
    ]);
  });

  it('says why each step failed: no PKCE S256, an STU3 server', async () => {
    const steps = await checkConnection(
      source,
      server({ [`${BASE}/.well-known/smart-configuration`]: { ...smart, code_challenge_methods_supported: ['plain'] }, [`${BASE}/metadata`]: { ...capability, fhirVersion: '3.0.2' } }),
      new AbortController().signal,
    );
    expect(steps.map((s) => [s.ok, s.detail])).toEqual([
      [false, 'the server does not offer PKCE S256, which fhirside requires'],
      [false, 'FHIR version 3.0.2; fhirside needs R4 (4.0.x)'],
    ]);
  });

  it('tells an unreachable server from one that answers with an error', async () => {
    const steps = await checkConnection(source, server({ [`${BASE}/metadata`]: 503 }), new AbortController().signal);
    expect(steps.map((s) => s.detail)).toEqual([`${BASE}/.well-known/smart-configuration could not be reached (network, proxy or CORS)`, `${BASE}/metadata answered HTTP 503`]);
  });

  it('skips discovery for an open source', async () => {
    const steps = await checkConnection({ ...source, auth: 'none' }, server({ [`${BASE}/metadata`]: capability }), new AbortController().signal);
    expect(steps.map((s) => s.name)).toEqual(['metadata']);
  });

  it('signs in only when no session is held, and says as whom', async () => {
    const user = { getFhirUser: () => 'Practitioner/dr-patel' };
    expect(await checkSignIn({ restore: async () => user, signIn: () => Promise.reject(new Error('must not open a window')) })).toEqual({
      name: 'sign-in',
      ok: true,
      detail: 'already signed in as Practitioner/dr-patel',
    });
    expect(await checkSignIn({ restore: async () => undefined, signIn: () => Promise.reject(new Error('The user did not approve access.')) })).toEqual({
      name: 'sign-in',
      ok: false,
      detail: 'The user did not approve access.',
    });
  });
});
