/**
 * Looking up a selected NHS number: the context menu item names the valid number the selection
 * holds, and choosing it makes that patient the tab's context. The keyboard command opens the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { activateTab, sessionValue } from './context-steps';
import { EPR1, launch, patientKey, patientsShown } from './support';

declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  tabs: { get(id: number): Promise<object> };
};

const patient = ROSTER.find((p) => p.key === 'p05')!;

describe('selection look-up', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers "Look up NHS number …" for a selected valid number, and shows that patient', async () => {
    // The patient list shows many NHS numbers and no patient is open: the page names none.
    const list = await browser.context.newPage();
    await list.goto(`${EPR1}/`);
    const tabId = await tabIdOf(browser, list.url());
    const panel = await openPanel(browser, tabId);
    await panel.getByText('No patient on this page').waitFor();
    // The clinician selects text in the EPR tab, which is in front.
    await activateTab(browser, tabId);

    const select = (text: string) => list.evaluate((wanted) => {
      const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === wanted)!;
      getSelection()!.selectAllChildren(cell);
    }, text);
    const formatted = `${patient.nhsNumber.slice(0, 3)} ${patient.nhsNumber.slice(3, 6)} ${patient.nhsNumber.slice(6)}`;
    await select(formatted);
    await expect.poll(() => sessionValue(browser, 'selection-menu')).toBe(patient.nhsNumber);

    // Two rows selected: two numbers, so the item is hidden.
    await list.evaluate(() => {
      const rows = document.querySelectorAll('tbody tr');
      const range = document.createRange();
      range.setStartBefore(rows[0]!);
      range.setEndAfter(rows[1]!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await expect.poll(() => sessionValue(browser, 'selection-menu')).toBeNull();
    await select(formatted);
    await expect.poll(() => sessionValue(browser, 'selection-menu')).toBe(patient.nhsNumber);

    // Headless Chromium draws no menus: the click arrives as the browser would deliver it.
    await browser.background.evaluate(async ({ id, text }) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'fhirside-look-up-nhs-number', selectionText: text }, await chrome.tabs.get(id));
    }, { id: tabId, text: formatted });
    await panel.locator(`.banner[data-patient="${patientKey(patient.nhsNumber)}"]`).waitFor();
    expect(await patientsShown(panel)).toEqual([patientKey(patient.nhsNumber)]);
    expect(await sessionValue(browser, `tab-context:${tabId}`)).toMatchObject({ context: { origin: 'selection' } });

    // Leaving the page ends the look-up.
    await list.goto(`${EPR1}/?q=zzz`);
    await panel.getByText('No patient on this page').waitFor();
  });

  it('does not look up a number other than the one the item named', async () => {
    const list = await browser.context.newPage();
    await list.goto(`${EPR1}/`);
    const tabId = await tabIdOf(browser, list.url());
    await browser.background.evaluate(async ({ id }) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'fhirside-look-up-nhs-number', selectionText: '943 476 5919' }, await chrome.tabs.get(id));
    }, { id: tabId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sessionValue(browser, `tab-context:${tabId}`)).toMatchObject({ kind: 'none' });
  });

  it('has a keyboard shortcut that opens the panel', async () => {
    const commands = await browser.background.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+F' }));
  });
});
