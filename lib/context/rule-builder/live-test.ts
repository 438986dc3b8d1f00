/**
 * The builder's live test: what a proposed rule reads on a page (all its frames together, as the
 * background combines them), and whether the rule may be saved. A page where it reads nothing or
 * two numbers is flagged (on a list page that is right; on a patient's page the panel would show
 * nobody); a rule that ever reads a number the page does not show as visible text is refused
 * outright, because it would follow a patient the clinician cannot see. Saving needs the rule to
 * have read three different patients.
 */
import { combineFrames } from '../frame-reports';
import { formatNhsNumber } from '../nhs-number';
import type { PageContextReport } from '../patient-context';

/** What one frame read by the rule, and the NHS numbers its visible text shows. */
export interface FrameReading {
  readonly frameId: number;
  readonly frameUrl: string;
  readonly report: PageContextReport;
  /** Ten digits each; undefined when the text was too large to read within the budget. */
  readonly visibleNumbers: readonly string[] | undefined;
  /** Values the rule finds only in elements the clinician cannot see (for diagnostics). */
  readonly hidden?: readonly string[];
}

export type PageVerdict =
  | { readonly kind: 'one'; readonly value: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'several'; readonly found: readonly string[]; readonly reason: string }
  | { readonly kind: 'rejected'; readonly found: string; readonly reason: string }
  | { readonly kind: 'not-visible'; readonly value: string };

export interface PageTest {
  readonly url: string;
  readonly verdict: PageVerdict;
}

/** @param frames - every frame of the tab at one moment */
export function judgePage(url: string, frames: readonly FrameReading[]): PageTest {
  const report = combineFrames(Object.fromEntries(frames.map((f) => [String(f.frameId), f.report])), url);
  switch (report.kind) {
    case 'none':
      return { url, verdict: { kind: 'none' } };
    case 'ambiguous':
      return { url, verdict: { kind: 'several', found: report.found, reason: report.reason } };
    case 'rejected':
      return { url, verdict: { kind: 'rejected', found: report.found, reason: report.reason } };
    case 'patient': {
      const value = report.context.identifier.value;
      const shown = frames.some((f) => f.visibleNumbers?.includes(value));
      return { url, verdict: shown ? { kind: 'one', value } : { kind: 'not-visible', value } };
    }
  }
}

/** How many different patients a rule must have read before it may be saved: the one taught on and two more. */
export const PAGES_TO_TEST = 3;

export type SaveVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether the tests so far let the rule be saved, and if not, what is missing or wrong. */
export function mayBeSaved(tests: readonly PageTest[]): SaveVerdict {
  const hidden = tests.find((t) => t.verdict.kind === 'not-visible');
  if (hidden?.verdict.kind === 'not-visible') {
    return { ok: false, reason: `It read ${formatNhsNumber(hidden.verdict.value)}, which ${hidden.url} does not show as visible text. A rule must read only what the clinician can see.` };
  }
  const patients = new Set(tests.flatMap((t) => (t.verdict.kind === 'one' ? [t.verdict.value] : [])));
  if (patients.size < PAGES_TO_TEST) return { ok: false, reason: `Test it on ${PAGES_TO_TEST - patients.size} more patient${PAGES_TO_TEST - patients.size === 1 ? '' : 's'}: open another patient in the EPR, then choose “Test this page”.` };
  return { ok: true };
}

/** The verdict in the analyst's words. */
export function describeVerdict(verdict: PageVerdict): string {
  switch (verdict.kind) {
    case 'one':
      return `Reads ${formatNhsNumber(verdict.value)}`;
    case 'none':
      return 'Reads nothing on this page';
    case 'several':
      return `Reads more than one number (${verdict.found.join(', ')}): ${verdict.reason}`;
    case 'rejected':
      return `Reads ${verdict.found}, which is not a valid NHS number: ${verdict.reason}`;
    case 'not-visible':
      return `Reads ${formatNhsNumber(verdict.value)}, which the page does not show: refused`;
  }
}
