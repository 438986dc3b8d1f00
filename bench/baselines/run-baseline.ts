/**
 * Runs a baseline pattern (patterns.js) in the bench's browser, in an extension page so that it
 * has the same origin rights as the panel (no CORS preflights), against the same sandbox and
 * patient, with tokens from a scripted SMART sign-in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEFAULT_SOURCES } from '../../lib/config/defaults';
import { patientQueries } from '../../lib/sources/queries';
import { signIn } from '../../sandbox/auth/scripted-sign-in';
import { NHS_NUMBER_SYSTEM } from '../../sandbox/config';
import type { BenchBrowser } from '../browser';
import { NetworkRecorder, type SourceTraffic } from '../network';

export type Pattern = 'a' | 'b' | 'c';

export interface BaselineResult {
  readonly ms: number;
  /** Resources returned (matches). */
  readonly resources: number;
  /** For (b): resources the server holds but the first page did not bring. */
  readonly missed: number;
  readonly missedByType: Readonly<Record<string, number>>;
  readonly traffic: Record<string, SourceTraffic>;
}

interface PageSource {
  readonly base: string;
  readonly token: string;
  readonly identifier: string;
  readonly queries: readonly { type: string; url: string }[];
}

const SCOPE = 'openid fhirUser offline_access user/*.read';

/** One access token per source, from the sandbox's sign-in form driven by script. */
export async function baselineTokens(issuer: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const source of DEFAULT_SOURCES) {
    const tokens = await signIn({ issuer, aud: source.fhirBaseUrl, scope: SCOPE });
    out[source.id] = String(tokens['access_token']);
  }
  return out;
}

/** fhirclient's browser build and the patterns, read once: every baseline run injects them. */
let script: string | undefined;
function scriptSource(): string {
  if (script !== undefined) return script;
  const require = createRequire(import.meta.url);
  const fhirclient = readFileSync(resolve(require.resolve('fhirclient/package.json'), '../build/fhir-client.min.js'), 'utf8');
  const patterns = readFileSync(resolve(import.meta.dirname, 'patterns.js'), 'utf8');
  script = `${fhirclient}\n;${patterns}`;
  return script;
}

/**
 * Runs one pattern once for the patient with this NHS number, over every configured source.
 * @param horizonDays - the Observation horizon the panel uses, so both fetch the same records
 */
export async function runBaseline(bench: BenchBrowser, pattern: Pattern, nhsNumber: string, tokens: Record<string, string>, horizonDays?: number): Promise<BaselineResult> {
  const { context, extensionId } = bench.browser;
  const page = await context.newPage();
  const network = await NetworkRecorder.attach(context, page);
  try {
    // A page of ours that makes no FHIR request of its own.
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await network.cdp.send('Runtime.evaluate', { expression: scriptSource() });
    network.reset();
    const sources: PageSource[] = DEFAULT_SOURCES.map((source) => ({
      base: source.fhirBaseUrl,
      token: tokens[source.id] ?? '',
      identifier: `${NHS_NUMBER_SYSTEM}|${nhsNumber}`,
      queries: patientQueries({ ...source, ...(horizonDays === undefined ? {} : { observationHorizonDays: horizonDays }) }, 'PATIENT_ID', Date.now()).map((q) => ({ type: q.resourceType, url: q.url })),
    }));
    const result = await page.evaluate(
      ([p, s]) => (window as unknown as { fhirsideBaselines: { run(p: string, s: unknown): Promise<Omit<BaselineResult, 'traffic'>> } }).fhirsideBaselines.run(p, s),
      [pattern, sources] as const,
    );
    const bases = Object.fromEntries(DEFAULT_SOURCES.map((s) => [s.id, s.fhirBaseUrl]));
    return { ...result, traffic: network.perSource(bases) };
  } finally {
    await network.detach();
    await page.close();
  }
}
