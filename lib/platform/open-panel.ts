/** Opens fhirside beside the page, from a click (menu item, command): Chrome side panel or Firefox sidebar. */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  readonly sidebarAction: { open(): Promise<void> };
}

/** Opens the panel in a window; both browsers require this to follow a user action. */
export async function openPanel(windowId: number): Promise<void> {
  if (import.meta.env.FIREFOX) {
    await (browser as unknown as FirefoxSidebar).sidebarAction.open();
    return;
  }
  await browser.sidePanel.open({ windowId });
}
