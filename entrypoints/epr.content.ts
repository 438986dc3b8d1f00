import { browser } from 'wxt/browser';
import { frameScheduler } from '@/lib/context/after-frame';
import { watchPageLifecycle } from '@/lib/context/page-lifecycle';
import { scanPage } from '@/lib/context/page-scan';
import { watchPage } from '@/lib/context/page-watcher';
import { nhsNumberInSelection } from '@/lib/context/selection';
import { dispatch, message, type Reply } from '@/lib/messaging';

/** The longest an unchanged-looking burst waits for the page's frame before it is scanned anyway. */
const FRAME_WAIT_MS = 50;

// Registered at run time for the sites the context rules name only (lib/platform/context-scripts.ts),
// so it matches nothing here: a match would become a host permission of every build (the demo
// build's loopback access is in wxt.config.ts). Reads, never writes: nothing of fhirside is put
// into the EPR page.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const send = (m: ReturnType<typeof message>) => browser.runtime.sendMessage(m).catch(() => undefined);
    const { rules } = ((await send(message('context-rules', {}))) ?? { rules: [] }) as Reply<'context-rules'>;
    if (!ctx.isValid) return;
    const watcher = watchPage({
      scan: (url) => scanPage(document, url ?? location.href, rules),
      preview: () => scanPage(document, location.href, rules, { visibility: 'markup' }),
      afterFrame: frameScheduler(window, FRAME_WAIT_MS),
      report: (report) => void send(message('page-context', { report })),
      observe: (onChange) => {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        return () => observer.disconnect();
      },
      intervalMs: 100,
    });
    // Told of a URL change as it starts (the Navigation API's navigate event), before the page has
    // committed it or drawn the new patient: read after the script that changed it has run, so the
    // report carries the URL the browser knows and the page's own banner, not the previous patient's.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => queueMicrotask(() => watcher.rescan(event.newUrl.href)));
    // A frame going away takes its patient with it; one back from the back/forward cache says it again.
    watchPageLifecycle((type, listener) => ctx.addEventListener(window, type, listener), {
      left: () => void send(message('page-context', { report: { kind: 'none', url: location.href } })),
      restored: () => watcher.refresh(),
    });

    let selected: string | null = null;
    let selectionTimer: number | undefined;
    ctx.addEventListener(document, 'selectionchange', () => {
      clearTimeout(selectionTimer);
      selectionTimer = ctx.setTimeout(() => {
        const now = nhsNumberInSelection(document.getSelection()?.toString() ?? '');
        if (now !== selected) void send(message('selection', { nhsNumber: (selected = now) }));
      }, 100);
    });

    const onMessage = (value: unknown) => dispatch({ 'context-rescan': () => watcher.refresh(), 'context-ping': () => ({ alive: true }) }, value, {});
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      watcher.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
