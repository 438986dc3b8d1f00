/**
 * Several SMART sources in a real browser: one click signs in to all three (one PKCE flow each,
 * the sign-in page shown once), tokens stay in session storage, a revoked access token is
 * refreshed silently, and a source that is down says so while the others render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const admin = (path: string) => fetch(`${ADMIN}${path}`, { method: 'POST' }).then((r) => expect(r.status).toBe(200));
const patient = (key: string) => ROSTER.find((p) => p.key === key)!;

/** The chrome.storage areas, read inside the extension's service worker. */
declare const chrome: { storage: Record<'session' | 'local' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }> };

describe('three SMART sources', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await fetch(`${ADMIN}/sources/acute/start`, { method: 'POST' });
    await browser?.close();
  });

  it('signs in to all three with one click, refreshes a revoked token silently, and survives a source going down', async () => {
    const p03 = patient('p03');
    const { epr, panel } = await openEprWithPanel(browser, `${EPR1}/patient/${p03.key}`);
    const errors = collectPageErrors(panel);

    const loginWindows: string[] = [];
    browser.context.on('page', (page) => loginWindows.push(page.url()));
    const signInWindow = browser.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Sign in to 3 sources' }).click();
    await (await signInWindow).getByRole('button', { name: 'Sign in', exact: true }).click();
    for (const id of ['gp', 'acute', 'mh']) await panel.locator(`.source[data-source="${id}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    // Single sign-on at the authorization server: the clinician signs in once, not three times.
    expect(loginWindows.filter((url) => url.startsWith('http://127.0.0.1:8100'))).toHaveLength(1);

    const storage = await browser.background.evaluate(async () => ({
      session: await chrome.storage.session.get(null),
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
    }));
    const tokens = ['gp', 'acute', 'mh'].map((id) => {
      const state = Object.entries(storage.session).find(([key, value]) => key.startsWith(`smart:${id}:`) && typeof value === 'object' && value !== null && 'tokenResponse' in value)?.[1] as
        | { tokenResponse?: { access_token?: string } }
        | undefined;
      return state?.tokenResponse?.access_token;
    });
    expect(tokens.every(Boolean)).toBe(true);
    expect(new Set(tokens).size).toBe(3);
    const elsewhere = JSON.stringify([storage.local, storage.sync]) + (await epr.content()) + (await panel.content());
    for (const token of tokens) expect(elsewhere).not.toContain(token!);

    // Every access token is withdrawn by the servers: the next look-up refreshes without asking.
    await admin('/tokens/revoke');
    const p11 = patient('p11');
    await epr.goto(`${EPR1}/patient/${p11.key}`);
    await panel.locator(`.banner[data-patient="${patientKey(p11.nhsNumber)}"]`).waitFor();
    for (const id of ['gp', 'acute', 'mh']) await panel.locator(`.source[data-source="${id}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('button', { name: /^Sign in/ }).count()).toBe(0);

    // The acute trust's server goes down: it says so; the GP's record is still shown.
    await admin('/sources/acute/stop');
    const p01 = patient('p01');
    await epr.goto(`${EPR1}/patient/${p01.key}`);
    await panel.locator(`.banner[data-patient="${patientKey(p01.nhsNumber)}"]`).waitFor();
    const acute = panel.locator('.source[data-source="acute"][data-state="error"]');
    await acute.waitFor({ timeout: 30_000 });
    expect(await acute.textContent()).toContain('The source could not be reached');
    await panel.locator('.source[data-source="gp"][data-state="done"]').waitFor();
    expect(await panel.locator('.section-allergies li[data-sources~="gp"]').count()).toBeGreaterThan(0);
    expect(await patientsShown(panel)).toEqual([patientKey(p01.nhsNumber)]);
    expect(errors).toEqual([]);
  });
});
