/**
 * The "Look up NHS number 943 476 5919" menu item on selected text. The browser shows a menu
 * without asking first, so the item's title and visibility follow what the content script says
 * the active tab's selection holds: shown only for one valid NHS number, and naming it.
 */
import { browser } from 'wxt/browser';
import { formatNhsNumber } from '../context/nhs-number';

export const SELECTION_MENU_ID = 'fhirside-look-up-nhs-number';

/** Creates the (hidden) item; call once per background start. */
export async function createSelectionMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SELECTION_MENU_ID, title: 'Look up NHS number', contexts: ['selection'], visible: false });
}

/** Shows the item for `nhsNumber`, or hides it for null. */
export async function showSelectionMenu(nhsNumber: string | null): Promise<void> {
  await browser.contextMenus.update(SELECTION_MENU_ID, nhsNumber
    ? { visible: true, title: `Look up NHS number ${formatNhsNumber(nhsNumber)}` }
    : { visible: false });
}
