/** The id_token signing key: a fresh RSA key per start, since nothing outlives the process. */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

/** oidc-provider `jwks`: one private RS256 key (the public half is served at /jwks). */
export async function signingKeys(): Promise<{ keys: Record<string, unknown>[] }> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'sandbox-1', alg: 'RS256', use: 'sig' }] };
}
