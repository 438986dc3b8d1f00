/**
 * Background → panel: a tab's new answer, sent the moment it is resolved. The stored answer
 * (tab-contexts.ts) stays the source of truth for a panel opened later; this message only spares
 * an open panel the wait for the storage write and its change event, so the previous patient
 * leaves the panel sooner. The panel keeps the newest revision of the two, whichever comes first.
 */
import type { PageContextReport } from './patient-context';
import type { TabReportUpdate } from './tab-contexts';

const TYPE = 'tab-report';

export interface TabReportMessage extends TabReportUpdate {
  readonly type: typeof TYPE;
}

/** Builds the message for one tab's new answer. */
export function tabReportMessage(update: TabReportUpdate): TabReportMessage {
  return { type: TYPE, ...update };
}

/** The update a runtime message carries, or undefined when it is not a tab report. */
export function asTabReportMessage(value: unknown): TabReportUpdate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, tabId, report, revision } = value as Partial<TabReportMessage>;
  if (type !== TYPE || typeof tabId !== 'number' || typeof revision !== 'number') return undefined;
  if (report !== undefined && (typeof report !== 'object' || report === null || typeof (report as { kind?: unknown }).kind !== 'string')) return undefined;
  return { tabId, report: report as PageContextReport | undefined, revision };
}
