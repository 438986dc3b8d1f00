import { browser } from 'wxt/browser';
import { frameAgent } from '@/lib/context/rule-builder/frame-agent';
import { pageHighlighter } from '@/lib/context/rule-builder/highlights';
import { handleBuilderMessage } from '@/lib/context/rule-builder/messages';

// Never registered: the options page injects it into one tab (scripting.executeScript, all
// frames) when an analyst asks to teach fhirside that page, and it lasts until the page unloads.
// So it matches nothing here: a match would become a host permission of every build, production
// included (test/e2e/production-build.test.ts looks).
export default defineContentScript({
  matches: [],
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
