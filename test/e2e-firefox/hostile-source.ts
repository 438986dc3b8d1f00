/**
 * The acute trust turned hostile for one Firefox panel tab: its searches answer with the shared
 * canary payloads added (../e2e/narrative-canaries.ts), and any call to the canary host is noted
 * and refused. Requests are intercepted over WebDriver BiDi, the real answer fetched with the
 * panel's own headers (its token) and returned with the payload; nothing else is touched.
 */
import type { Page } from 'puppeteer-core';
import { CANARY, poisoned, POISONED_SEARCH } from '../e2e/narrative-canaries';

const ACUTE_BASE = /127\.0\.0\.1:8102\/fhir\/?$/;

/** Sets up `tab` (before it loads the panel) and returns the canary calls seen so far. */
export async function serveHostileSource(tab: Page): Promise<string[]> {
  const canaryCalls: string[] = [];
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const url = request.url();
    const answer = async () => {
      if (url.startsWith(CANARY)) {
        canaryCalls.push(url);
        return request.abort();
      }
      // A batch answer would bypass the searches: the acute trust's first screen comes by search too.
      if (ACUTE_BASE.test(url) && request.method() === 'POST') return request.respond({ status: 501, body: '' });
      if (!POISONED_SEARCH.test(url)) return request.continue();
      const real = await fetch(url, { headers: request.headers() });
      const body = JSON.stringify(poisoned(url, (await real.json()) as { entry?: unknown[] }));
      return request.respond({ status: real.status, contentType: 'application/fhir+json', headers: { 'Access-Control-Allow-Origin': '*' }, body });
    };
    answer().catch(() => request.abort().catch(() => undefined));
  });
  return canaryCalls;
}
