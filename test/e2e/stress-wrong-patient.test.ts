/**
 * Wrong-patient stress: hundreds of random actions a busy clinician (and the desktop around them)
 * might take — open a patient, go back, switch patient inside the single-page EPR, close it, switch
 * tab, close a tab and open another, a FHIRcast patient-open from elsewhere — while every FHIR answer
 * is held a random time, so answers arrive out of order. After each action, once the panel has
 * settled, every `data-patient` on it must be the patient of the tab it follows. The seed is printed;
 * `FHIRSIDE_STRESS_SEED=<seed>` replays the same actions (answer timing still varies).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { activateTab, publish } from './context-steps';
import { stressRandom } from './stress-random';
import { EPR1, EPR2, launch, patientKey, patientsShown } from './support';

declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number }[]>; get(id: number): Promise<{ windowId: number }> } };

const ACTIONS = Number(process.env['FHIRSIDE_STRESS_ACTIONS']) || 500;
const SEED = Number(process.env['FHIRSIDE_STRESS_SEED']) || Math.floor(Math.random() * 2 ** 31);
const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
// The huge record takes seconds on its own; it says nothing more about who is on screen.
const PATIENTS = ROSTER.filter((p) => p.story !== 'huge-record');
const nhsOfKey = new Map(ROSTER.map((p) => [p.key, p.nhsNumber]));

interface EprTab {
  readonly site: 1 | 2;
  page: Page;
  id: number;
  /** Action number of the tab's last navigation: a FHIRcast event older than it does not apply. */
  navigatedAt: number;
}

/** The patient a page shows, read from its URL as the EPR routes it (undefined: none). */
function pagePatient(tab: EprTab): string | undefined {
  const path = new URL(tab.page.url()).pathname;
  if (tab.site === 1) return nhsOfKey.get(decodeURIComponent(/^\/patient\/([^/]+)$/.exec(path)?.[1] ?? ''));
  return /^\/app\/patient\/(\d{10})$/.exec(path)?.[1];
}

describe('wrong-patient stress', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    await publish('patient-close', PATIENTS[0]!.nhsNumber);
    browser = await launch();
  });
  afterAll(async () => {
    await fetch(`${ADMIN}/latency`, { method: 'POST', body: JSON.stringify({ minMs: 0, maxMs: 0 }) });
    await browser?.close();
  });

  it(`shows only the followed tab's patient through ${ACTIONS} random actions`, { timeout: 900_000 }, async () => {
    console.log(`wrong-patient stress: seed ${SEED} (replay with FHIRSIDE_STRESS_SEED=${SEED})`);
    const random = stressRandom(SEED);
    const anyPatient = () => random.pick(PATIENTS);
    const violations: string[] = [];
    const stuck: string[] = [];
    let hub: { nhsNumber?: string; at: number } = { at: -1 };

    const openTab = async (site: 1 | 2, at: number): Promise<EprTab> => {
      const page = await browser.context.newPage();
      const p = anyPatient();
      await page.goto(site === 1 ? `${EPR1}/patient/${p.key}` : `${EPR2}/app/patient/${p.nhsNumber}`);
      // EPR 2 announces its patient to the FHIRcast session as it opens it.
      if (site === 2) hub = { nhsNumber: p.nhsNumber, at };
      return { site, page, id: await tabIdOf(browser, page.url()), navigatedAt: at };
    };
    const tabs: EprTab[] = [await openTab(1, 0), await openTab(2, 0)];

    // Not pinned: the panel follows the active tab of its window, as in the browser's side panel.
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await activateTab(browser, tabs[0]!.id);
    await panel.locator('.banner[data-patient]').waitFor();
    await signInFromPanel(browser, panel);
    await activateTab(browser, tabs[0]!.id);
    await panel.locator('.source[data-state="done"]').first().waitFor({ timeout: 30_000 });
    // Random hold per FHIR answer from here on: late answers for the previous patient are the hazard.
    // 0–120 ms already lets answers overtake one another; more only lengthens the run.
    await fetch(`${ADMIN}/latency`, { method: 'POST', body: JSON.stringify({ minMs: 0, maxMs: 120 }) });

    const panelTab = await tabIdOf(browser, panel.url());
    const activeTab = () =>
      browser.background.evaluate(async (id) => {
        const { windowId } = await chrome.tabs.get(id);
        return (await chrome.tabs.query({ active: true, windowId }))[0]?.id;
      }, panelTab);

    /** Who may be on screen for the followed tab: exactly the page's patient, or the session's on EPR 2. */
    const expected = (tab: EprTab | undefined): { keys: Set<string>; noneAllowed: boolean } => {
      if (!tab) return { keys: new Set(), noneAllowed: true };
      const page = pagePatient(tab);
      const keys = new Set(page ? [patientKey(page)] : []);
      // Only pages of EPR 2's site take part in the session (a tab gone back to its blank start does not).
      if (tab.site === 2 && tab.page.url().startsWith(EPR2) && hub.at >= tab.navigatedAt) {
        // The session's patient wins over the page on EPR 2 when it came after the page's navigation.
        if (hub.nhsNumber) keys.add(patientKey(hub.nhsNumber));
        return { keys, noneAllowed: keys.size === 0 || !hub.nhsNumber };
      }
      return { keys, noneAllowed: keys.size === 0 };
    };

    const settle = async (step: number, action: string) => {
      const followed = await activeTab();
      const tab = tabs.find((t) => t.id === followed);
      const want = expected(tab);
      const wanted = [...want.keys].map((k) => `.banner[data-patient="${k}"]`);
      if (want.noneAllowed) wanted.push('.no-patient');
      try {
        await panel.locator(wanted.join(', ')).first().waitFor({ timeout: 15_000 });
        // Settled: no source still fetching for this patient.
        await panel.locator('.source[data-state="loading"]').first().waitFor({ state: 'detached', timeout: 15_000 });
      } catch {
        stuck.push(`#${step} ${action}: wanted ${wanted.join(' | ')}, panel shows ${JSON.stringify(await patientsShown(panel))} ${(await panel.locator('.no-patient').textContent().catch(() => '')) ?? ''}`);
      }
      const shown = await patientsShown(panel);
      if (shown.length > 1 || shown.some((key) => !want.keys.has(key))) {
        violations.push(`#${step} ${action}: tab ${followed} (${tab?.page.url() ?? 'not an EPR'}) shows ${shown.join(', ')}; allowed ${[...want.keys].join(', ') || 'nobody'}`);
      }
    };

    const started = Date.now();
    for (let step = 1; step <= ACTIONS; step += 1) {
      const tab = random.pick(tabs);
      const roll = random.next();
      let action: string;
      if (roll < 0.25) {
        // EPR 2 reopening the patient it shows changes nothing at all: always another one there.
        const p = tab.site === 1 ? anyPatient() : random.pick(PATIENTS.filter((x) => x.nhsNumber !== pagePatient(tab)));
        action = tab.site === 1 ? `EPR 1 opens ${p.key}` : `EPR 2 opens ${p.nhsNumber}`;
        if (tab.site === 1) await tab.page.goto(random.next() < 0.1 ? `${EPR1}/` : `${EPR1}/patient/${p.key}`);
        // Gone back past the EPR (to the tab's blank start): open the patient with a page load.
        else if (!tab.page.url().startsWith(EPR2)) await tab.page.goto(`${EPR2}/app/patient/${p.nhsNumber}`);
        else {
          // A single-page switch: the route changes with no page load, and the EPR announces it.
          await tab.page.evaluate((path) => {
            history.pushState(null, '', path);
            dispatchEvent(new PopStateEvent('popstate'));
          }, `/app/patient/${p.nhsNumber}`);
        }
        // EPR 2 announces the patient it opens to the FHIRcast session.
        if (tab.site === 2) hub = { nhsNumber: p.nhsNumber, at: step };
        tab.navigatedAt = step;
      } else if (roll < 0.35) {
        action = `tab ${tab.id} goes back`;
        await tab.page.goBack().catch(() => undefined);
        tab.navigatedAt = step;
        if (tab.site === 2) hub = { ...(pagePatient(tab) ? { nhsNumber: pagePatient(tab) } : {}), at: step };
      } else if (roll < 0.45 && tab.site === 2 && pagePatient(tab)) {
        action = 'EPR 2 closes its patient';
        await tab.page.getByRole('button', { name: 'Close patient' }).click({ timeout: 5000 });
        tab.navigatedAt = step;
        hub = { at: step };
      } else if (roll < 0.7) {
        action = `switch to tab ${tab.id}`;
        await activateTab(browser, tab.id);
      } else if (roll < 0.8) {
        action = `close tab ${tab.id} and open another`;
        // Leaving EPR 2 closes its patient in the session.
        if (tab.site === 2) hub = { at: step };
        await tab.page.close();
        const fresh = await openTab(tab.site, step);
        tabs.splice(tabs.indexOf(tab), 1, fresh);
        if (random.next() < 0.5) await activateTab(browser, fresh.id);
      } else {
        const p = anyPatient();
        action = `FHIRcast patient-open ${p.nhsNumber}`;
        await publish('patient-open', p.nhsNumber);
        hub = { nhsNumber: p.nhsNumber, at: step };
      }
      await settle(step, action);
      if (step % 100 === 0) console.log(`wrong-patient stress: ${step} actions, ${violations.length} violations, ${stuck.length} unsettled`);
    }
    console.log(`wrong-patient stress: ${ACTIONS} actions in ${Math.round((Date.now() - started) / 1000)} s, seed ${SEED}`);
    expect(violations).toEqual([]);
    expect(stuck).toEqual([]);
  });
});
