/**
 * One page, several frames: an EPR may show its banner in one frame and a letter in another. Each
 * frame's content script reports on its own; the tab's answer is a patient only when the frames
 * agree on one, and picks none (saying so) when they name different ones.
 */
import { identifierLabel } from './nhs-number';
import type { PageContextReport, PatientContext } from './patient-context';

/** The top frame's id in the extension APIs. */
export const TOP_FRAME = '0';

const label = (c: PatientContext) => identifierLabel(c.identifier);

/**
 * Combines per-frame reports into the page's report.
 * @param frames - reports by frame id (`'0'` is the top frame)
 * @param url - the tab's URL, for a report of no patient
 */
export function combineFrames(frames: Readonly<Record<string, PageContextReport>>, url: string): PageContextReport {
  const reports = Object.entries(frames).sort(([a], [b]) => (a === TOP_FRAME ? -1 : b === TOP_FRAME ? 1 : 0)).map(([, r]) => r);
  const ambiguous = reports.find((r) => r.kind === 'ambiguous');
  if (ambiguous) return ambiguous;
  const patients = [...new Map(reports.flatMap((r) => (r.kind === 'patient' ? [[r.context.key, r.context] as const] : []))).values()];
  const rejected = reports.find((r) => r.kind === 'rejected');
  if (patients.length > 1 || (patients.length === 1 && rejected)) {
    const found = [...patients.map(label), ...(rejected?.kind === 'rejected' ? [rejected.found] : [])];
    return { kind: 'ambiguous', url, found, reason: 'different parts of the page show different NHS numbers' };
  }
  if (patients[0]) return { kind: 'patient', context: patients[0] };
  return rejected ?? { kind: 'none', url };
}
