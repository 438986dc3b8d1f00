/**
 * Chrome/Edge have `sidePanel`; Firefox has `sidebarAction`. The one place that branches on it.
 */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  readonly sidebarAction: { toggle(): Promise<void> };
}

/** Makes the toolbar button open fhirside's panel beside the page. */
export async function openPanelOnActionClick(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const { sidebarAction } = browser as unknown as FirefoxSidebar;
    browser.action.onClicked.addListener(() => void sidebarAction.toggle());
    return;
  }
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
}
