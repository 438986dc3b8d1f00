import { browser } from 'wxt/browser';
import { DEFAULT_CONTEXT_RULES } from '@/lib/config/defaults';
import { scanPage } from '@/lib/context/page-scan';
import { watchPage } from '@/lib/context/page-watcher';
import { message } from '@/lib/messaging';

// Reads, never writes: nothing of fhirside is put into the EPR page.
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage({
      scan: () => scanPage(document, location.href, DEFAULT_CONTEXT_RULES),
      report: (report) => void browser.runtime.sendMessage(message('page-context', { report })).catch(() => undefined),
      observe: (onChange) => {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        return () => observer.disconnect();
      },
      debounceMs: 150,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.rescan());
    ctx.onInvalidated(() => watcher.stop());
  },
});
