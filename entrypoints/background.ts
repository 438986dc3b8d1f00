import { browser } from 'wxt/browser';
import { forgetTab, setTabReport, withdrawOnNavigation } from '@/lib/context/tab-contexts';
import { validateReport } from '@/lib/context/validate-report';
import { dispatch } from '@/lib/messaging';
import { openPanelOnActionClick } from '@/lib/platform/side-panel';
import { sessionStore } from '@/lib/platform/session-store';

export default defineBackground(() => {
  const store = sessionStore();

  void openPanelOnActionClick();

  browser.runtime.onMessage.addListener((value, sender) => {
    // Only our own content scripts, in a tab, may report a page's patient.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return;
    const tabId = sender.tab.id;
    const tabUrl = sender.url ?? sender.tab.url;
    return dispatch(
      { 'page-context': ({ report }) => setTabReport(store, tabId, validateReport(report, tabUrl)) },
      value,
      { tabId, extensionId: sender.id },
    );
  });

  // Navigation withdraws the old patient at once; the page's content script reports the new one.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined || change.status === 'loading') void withdrawOnNavigation(store, tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(store, tabId));
});
