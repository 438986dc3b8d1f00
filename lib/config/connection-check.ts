/**
 * "Test connection" on the options page: can this computer reach the source, does it offer SMART
 * sign-in as fhirside needs it, and is it a FHIR R4 server? Sign-in itself is the page's last step.
 */
import type { SourceConfig } from '../sources/source-config';
import { isObject } from './validate-fields';

export interface CheckStep {
  readonly name: 'discovery' | 'metadata';
  readonly ok: boolean;
  readonly detail: string;
}

async function getJson(fetcher: typeof fetch, url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: { Accept: 'application/json, application/fhir+json' }, signal });
  } catch {
    // A blocked CORS request and an unreachable host look the same from here.
    throw new Error(`${url} could not be reached (network, proxy or CORS)`);
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
}

async function discovery(fetcher: typeof fetch, base: string, signal: AbortSignal): Promise<string> {
  const doc = await getJson(fetcher, `${base}/.well-known/smart-configuration`, signal);
  if (!isObject(doc) || typeof doc['authorization_endpoint'] !== 'string' || typeof doc['token_endpoint'] !== 'string') {
    throw new Error('SMART configuration lacks authorization_endpoint or token_endpoint');
  }
  const methods = doc['code_challenge_methods_supported'];
  if (!Array.isArray(methods) || !methods.includes('S256')) throw new Error('the server does not offer PKCE S256, which fhirside requires');
  return `SMART sign-in at ${new URL(doc['authorization_endpoint']).host}, PKCE S256`;
}

async function metadata(fetcher: typeof fetch, base: string, signal: AbortSignal): Promise<string> {
  const statement = await getJson(fetcher, `${base}/metadata`, signal);
  if (!isObject(statement) || statement['resourceType'] !== 'CapabilityStatement') throw new Error('/metadata is not a CapabilityStatement');
  const version = String(statement['fhirVersion'] ?? 'unknown');
  if (!version.startsWith('4.')) throw new Error(`FHIR version ${version}; fhirside needs R4 (4.0.x)`);
  const software = isObject(statement['software']) && typeof statement['software']['name'] === 'string' ? `${statement['software']['name']}, ` : '';
  return `${software}FHIR ${version}`;
}

/**
 * Checks one source: SMART discovery (skipped for open sources) and the CapabilityStatement.
 * @param fetcher - the platform fetch, injected for tests
 */
export async function checkConnection(source: SourceConfig, fetcher: typeof fetch, signal: AbortSignal): Promise<CheckStep[]> {
  const steps: CheckStep[] = [];
  const run = async (name: CheckStep['name'], step: () => Promise<string>) => {
    try {
      steps.push({ name, ok: true, detail: await step() });
    } catch (error) {
      steps.push({ name, ok: false, detail: error instanceof Error ? error.message : 'failed' });
    }
  };
  const timeout = AbortSignal.any([signal, AbortSignal.timeout(source.timeoutMs)]);
  if (source.auth === 'smart') await run('discovery', () => discovery(fetcher, source.fhirBaseUrl, timeout));
  await run('metadata', () => metadata(fetcher, source.fhirBaseUrl, timeout));
  return steps;
}
