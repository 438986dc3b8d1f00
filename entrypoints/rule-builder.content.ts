import { browser } from 'wxt/browser';
import { frameAgent } from '@/lib/context/rule-builder/frame-agent';
import { pageHighlighter } from '@/lib/context/rule-builder/highlights';
import { handleBuilderMessage } from '@/lib/context/rule-builder/messages';

// Never registered: the options page injects it into one tab (scripting.executeScript, all
// frames) when an analyst asks to teach fhirside that page, and it lasts until the page unloads.
// The matches are the demo EPRs, as for the context script; they grant nothing more.
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: 'runtime',
  main(ctx) {
    const highlighter = pageHighlighter(document);
    const handlers = frameAgent(document, () => location.href, highlighter);
    const onMessage = (value: unknown) => handleBuilderMessage(handlers, value);
    browser.runtime.onMessage.addListener(onMessage);
    // A newer copy injected into this frame takes over (WXT invalidates this one), marks and all.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      highlighter.clear();
    });
  },
});
