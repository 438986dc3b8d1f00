/**
 * Looking up a selected NHS number: the menu item follows the active tab's selection, and a click
 * makes that number the tab's context (it outranks what the page shows) and opens the panel.
 * The click is checked against the number the item named, so a stale title never looks up
 * another number.
 */
import { browser, type Browser } from 'wxt/browser';
import { NHS_NUMBER_SYSTEM } from '../context/nhs-number';
import { nhsNumberInSelection } from '../context/selection';
import type { TabContexts } from '../context/tab-context-service';
import { validateContext } from '../context/validate-context';
import type { KeyValueStore } from '../sources/key-value-store';
import { openPanel } from './open-panel';
import { createSelectionMenu, SELECTION_MENU_ID, showSelectionMenu } from './selection-menu';

/** Session key of the number the menu item names now; survives the service worker stopping. */
export const SELECTION_MENU_KEY = 'selection-menu';

/** @param deps - the session store and the tab context store */
export function selectionLookUp(deps: { readonly store: KeyValueStore; readonly tabs: TabContexts }) {
  const byTab = new Map<number, string | null>();
  const show = async (nhsNumber: string | null) => {
    await deps.store.set(SELECTION_MENU_KEY, nhsNumber);
    await showSelectionMenu(nhsNumber).catch(() => undefined);
  };
  void createSelectionMenu();

  return {
    /** A tab's selection changed. */
    async selected(tabId: number, nhsNumber: string | null): Promise<void> {
      if ((byTab.get(tabId) ?? null) === nhsNumber) return;
      byTab.set(tabId, nhsNumber);
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.active) await show(nhsNumber);
    },
    /** Another tab came to the front: the item follows its selection. */
    activated: (tabId: number) => show(byTab.get(tabId) ?? null),
    forget: (tabId: number) => void byTab.delete(tabId),
    /** The item was clicked. */
    clicked(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
      if (info.menuItemId !== SELECTION_MENU_ID || tab?.id === undefined || !tab.url) return;
      const selected = nhsNumberInSelection(info.selectionText ?? '');
      if (!selected) return;
      const { id: tabId, url } = tab;
      // Opened before any await: the browser allows it only while the click is being handled.
      void openPanel(tab.windowId).catch(() => undefined);
      void (async () => {
        if ((await deps.store.get(SELECTION_MENU_KEY)) !== selected) return;
        const context = validateContext({ identifier: { system: NHS_NUMBER_SYSTEM, value: selected } }, 'selection', url);
        if (context) await deps.tabs.selection(tabId, url, context);
      })();
    },
  };
}
