import { browser } from 'wxt/browser';
import { hopMark } from '@/lib/platform/hop-mark';
import { loadEffectiveConfig, onEffectiveConfigChanged, type EffectiveConfig, type FhircastConfig } from '@/lib/config/effective-config';
import { ruleForUrl } from '@/lib/context/rules';
import { createTabContexts } from '@/lib/context/tab-context-service';
import { tabReportMessage } from '@/lib/context/tab-report-message';
import { dispatch, message, type Sender } from '@/lib/messaging';
import { contextHandlers } from '@/lib/platform/context-handlers';
import { onSiteAccessChanged, syncContextScripts } from '@/lib/platform/context-scripts';
import { exposeDemoTestHooks } from '@/lib/platform/demo-test-hooks';
import { fhircastConnection } from '@/lib/platform/fhircast-connection';
import { hubAccessToken, onSourceSignedIn } from '@/lib/platform/hub-token';
import { onKeepAlive } from '@/lib/platform/keep-alive';
import { syncLaunchRedirect } from '@/lib/platform/launch-redirect';
import { selectionLookUp } from '@/lib/platform/selection-look-up';
import { openPanelOnActionClick } from '@/lib/platform/side-panel';
import { sessionStore } from '@/lib/platform/session-store';

export default defineBackground(() => {
  const store = sessionStore();
  let config: EffectiveConfig | undefined;
  let launchHub: FhircastConfig | undefined;
  const loaded = loadEffectiveConfig();
  const rules = async () => (config ?? (await loaded)).contextRules;

  void openPanelOnActionClick();
  exposeDemoTestHooks(globalThis);

  const tabs = createTabContexts({
    store,
    hubAppliesTo: async (url) => ruleForUrl(await rules(), url)?.fhircast === true,
    now: () => Date.now(),
    // With no panel open nobody receives it (the send fails); a panel opened later reads the stored answer.
    publish: (update) => {
      hopMark('tab-report-published');
      void browser.runtime.sendMessage(tabReportMessage(update)).catch(() => undefined);
    },
  });
  const hub = fhircastConnection({
    onContext: (context) => void tabs.hubChanged(context),
    accessToken: hubAccessToken(store, async () => (config ?? (await loaded)).sources),
    onStatus: (status, detail, { hubUrl }) => void store.set('fhircast:status', { status, detail, hubUrl, at: Date.now() }),
  });
  const selection = selectionLookUp({ store, tabs });

  const apply = async (next: EffectiveConfig) => {
    config = next;
    await syncContextScripts(next.contextRules).catch((error: unknown) => console.error('fhirside: content script registration failed', error));
    await syncLaunchRedirect(next).catch((error: unknown) => console.error('fhirside: the launch URL redirect could not be set', error));
    await hub.use(launchHub ?? next.fhircast);
  };
  // A session patient from before the background stopped stands (no flicker) until the hub's current
  // context, asked on subscribing, replaces it, or the hub cannot be reached (then it is unknown).
  void loaded.then(apply);
  onEffectiveConfigChanged((next) => void apply(next));
  onSiteAccessChanged(() => config && void syncContextScripts(config.contextRules));
  onKeepAlive(() => config && void hub.use(launchHub ?? config.fhircast));
  onSourceSignedIn((sourceId) => void hub.signedIn(sourceId));

  const handlers = contextHandlers({
    tabs,
    rules,
    onSelection: selection.selected,
    onLaunchHub: async (launched) => {
      // The launch's per-user session topic beats a static policy topic (FHIRcast session discovery).
      launchHub = launched;
      await hub.use(launched);
    },
  });
  browser.runtime.onMessage.addListener((value, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const from: Sender = { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url, tabUrl: sender.tab?.url };
    return dispatch(handlers, value, from);
  });

  // Navigation withdraws what the tab showed at once; its content scripts report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined && change.status !== 'loading') return;
    void tabs.navigated(tabId, change.url);
    void selection.selected(tabId, null);
    // A same-document navigation (history API) leaves the frames in place: ask them to report again.
    if (change.url !== undefined && change.status === undefined) void browser.tabs.sendMessage(tabId, message('context-rescan', {})).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.closed(tabId);
    selection.forget(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void selection.activated(tabId));
  browser.contextMenus.onClicked.addListener((info, tab) => selection.clicked(info, tab));
});
