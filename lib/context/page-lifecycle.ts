/**
 * A page's patient leaves with the page and comes back with it. Leaving (`pagehide`) withdraws it at
 * once. A page restored from the back/forward cache does not load again: its content script does not
 * start afresh and its watcher still believes the background knows its patient, but the background
 * withdrew that patient when the page was left (and again when the tab navigated back). Without a
 * fresh report the panel said "No patient on this page" beside a page showing one — so a restored
 * page reports again, even an unchanged answer.
 */

/** The part of `window` watched here (the content script passes one that is torn down with it). */
export type ListenToPage = (type: 'pagehide' | 'pageshow', listener: (event: Event & { persisted?: boolean }) => void) => void;

/**
 * @param listen - adds a listener to the page's window
 * @param on - `left`: the page is going away or into the cache; `restored`: it is back from the cache
 */
export function watchPageLifecycle(listen: ListenToPage, on: { readonly left: () => void; readonly restored: () => void }): void {
  listen('pagehide', () => on.left());
  listen('pageshow', (event) => {
    // A first show is the page's load, which the content script's own start already reported.
    if (event.persisted === true) on.restored();
  });
}
