/** Steps shared by the end-to-end tests that switch the sandbox sources' profiles. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { PORTS } from '../../sandbox/config';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
export const SOURCE_IDS = ['gp', 'acute', 'mh'] as const;
export const NAMED = ['epic-like', 'oracle-health-like', 'hapi-like'] as const;

/** Puts one source (or every one) under a profile; short token and link lives where a test wants them. */
export async function setProfile(profile: string, sources: readonly string[] = SOURCE_IDS, options: { tokenSeconds?: number; linkSeconds?: number } = {}): Promise<void> {
  for (const id of sources) {
    const answer = await fetch(`${ADMIN}/sources/${id}/profile`, { method: 'POST', body: JSON.stringify({ profile, ...options }) });
    if (answer.status !== 200) throw new Error(`profile ${profile} for ${id}: HTTP ${answer.status} ${await answer.text()}`);
  }
}

/** Adds a Bundle's resources to one source (the sandbox admin's `POST /sources/<id>/bundle`). */
export async function loadBundle(source: string, bundle: unknown): Promise<void> {
  const answer = await fetch(`${ADMIN}/sources/${source}/bundle`, { method: 'POST', body: JSON.stringify(bundle) });
  if (answer.status !== 200) throw new Error(`bundle for ${source}: HTTP ${answer.status} ${await answer.text()}`);
}

/** Chrome storage in the service worker, where the cache's session keys live. */
declare const chrome: { storage: { session: { remove(key: string): Promise<void> } } };

/** Makes every saved copy unreadable (its session keys gone, as when the browser closes): the next look is live. */
export function forgetSavedCopies(browser: ExtensionBrowser): Promise<void> {
  return browser.background.evaluate(() => chrome.storage.session.remove('cache-keys'));
}

/** What the panel shows, section by section, with every collapsed section and "Show N more" opened. */
export async function shownContent(panel: Page): Promise<Record<string, { rows: string[]; incomplete?: string }>> {
  for (const toggle of await panel.locator('.section-toggle[aria-expanded="false"]').all()) await toggle.click();
  for (let more = panel.locator('button.more').first(); (await more.count()) > 0; more = panel.locator('button.more').first()) await more.click();
  return panel.$$eval('section.section', (sections) =>
    Object.fromEntries(
      sections.map((s) => {
        const rows = [...s.querySelectorAll('li .row-text')].map((e) => (e.textContent ?? '').trim()).sort();
        const warning = s.querySelector('p.warning')?.textContent?.trim();
        return [s.getAttribute('data-section') ?? '', { rows, ...(warning ? { incomplete: warning } : {}) }];
      }),
    ),
  );
}

/** Each source's line in the panel: state and words. */
export function sourceLines(panel: Page): Promise<Record<string, { state: string; text: string }>> {
  return panel.$$eval('.source[data-source]', (lines) =>
    Object.fromEntries(lines.map((l) => [l.getAttribute('data-source') ?? '', { state: l.getAttribute('data-state') ?? '', text: (l.textContent ?? '').trim() }])),
  );
}
