/**
 * In-page functions, the same for Chromium (Playwright) and Firefox (puppeteer-core) panels: note
 * every distinct set of `data-patient` values the panel's DOM ever holds (checked after each
 * mutation), so a test can prove two patients were never on screen together.
 */

/** Run in the panel page (`page.evaluate(watchPatientsSeen)`): starts noting. */
export function watchPatientsSeen(): void {
  const w = window as unknown as { __patientsSeen: string[][] };
  w.__patientsSeen = [];
  const snapshot = () => {
    const now = [...new Set([...document.querySelectorAll('[data-patient]')].map((e) => e.getAttribute('data-patient') ?? ''))].sort();
    const last = w.__patientsSeen.at(-1);
    if (!last || last.join() !== now.join()) w.__patientsSeen.push(now);
  };
  snapshot();
  new MutationObserver(snapshot).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-patient'] });
}

/** Run in the panel page: every set noted so far, in order. */
export function patientsSeenSoFar(): string[][] {
  return (window as unknown as { __patientsSeen: string[][] }).__patientsSeen;
}

/**
 * What a clean switch from one patient to the next looks like in that history: never two at once,
 * the new patient drawn after something else, and the old one never again once the new one is.
 */
export function switchedCleanly(history: readonly (readonly string[])[], from: string, to: string): boolean {
  const firstTo = history.findIndex((set) => set.includes(to));
  return history.every((set) => set.length <= 1) && firstTo > 0 && !history.slice(firstTo).some((set) => set.includes(from));
}
