/**
 * Why a tab shows the patient it shows, or nobody, for IT: the rule that matched, what each frame
 * read, and the reason in the panel's terms (no rule, the rule read nothing, two numbers, an
 * invalid check digit, a hidden element, frames that disagree), in more detail. Built from what
 * the background already keeps per tab; nothing is read from the page unless asked (`hidden`).
 */
import { TOP_FRAME } from '../frame-reports';
import { identifierLabel } from '../nhs-number';
import type { PageContextReport } from '../patient-context';
import { ruleForUrl, type ContextRule } from '../rules';
import type { TabSources } from '../tab-sources';

export type NoPatientReason = 'not-read' | 'no-rule' | 'read-nothing' | 'hidden' | 'several' | 'invalid' | 'frames-disagree';

export interface FrameDiagnosis {
  readonly frameId: string;
  readonly url: string;
  readonly rule?: string;
  readonly reading: string;
}

export interface TabDiagnosis {
  readonly tabId: number;
  readonly url: string;
  readonly title: string;
  /** The rule the tab's own address matches. */
  readonly rule?: string;
  readonly frames: readonly FrameDiagnosis[];
  /** Who the panel shows for the tab, in words. */
  readonly shows: string;
  readonly reason?: { readonly kind: NoPatientReason; readonly detail: string };
}

const reportUrl = (r: PageContextReport) => (r.kind === 'patient' ? r.context.url : r.url);

/** What one frame's report says, in words. */
export function readingOf(report: PageContextReport): string {
  switch (report.kind) {
    case 'patient':
      return `Read ${identifierLabel(report.context.identifier)}${report.context.birthDate ? `, born ${report.context.birthDate}` : ''}`;
    case 'none':
      return 'Read nothing';
    case 'rejected':
      return `Read “${report.found}”, refused: ${report.reason}`;
    case 'ambiguous':
      return `Read ${report.found.join(', ')}: ${report.reason}`;
  }
}

function reasonFor(resolved: PageContextReport | undefined, frames: readonly FrameDiagnosis[], rule: string | undefined, url: string, hidden: readonly string[]): TabDiagnosis['reason'] {
  const anyRule = rule ?? frames.find((f) => f.rule)?.rule;
  if (resolved === undefined) {
    return anyRule
      ? { kind: 'not-read', detail: `Rule “${anyRule}” matches, but no frame has reported: fhirside may not have access to the site, or the page has not finished loading.` }
      : { kind: 'no-rule', detail: `No context rule's address pattern matches ${url}.` };
  }
  switch (resolved.kind) {
    case 'patient':
      return undefined;
    case 'rejected':
      return { kind: 'invalid', detail: `The rule read “${resolved.found}”, which is not a valid NHS number: ${resolved.reason}.` };
    case 'ambiguous':
      return resolved.reason === 'different parts of the page show different NHS numbers'
        ? { kind: 'frames-disagree', detail: `The page's frames read different numbers (${resolved.found.join(', ')}); fhirside shows nobody rather than guess.` }
        : { kind: 'several', detail: `The rule read more than one number (${resolved.found.join(', ')}): ${resolved.reason}.` };
    case 'none':
      if (!anyRule) return { kind: 'no-rule', detail: `No context rule's address pattern matches ${url} or any of its frames.` };
      if (hidden.length > 0) return { kind: 'hidden', detail: `Rule “${anyRule}” finds ${hidden.join(', ')} only in an element the clinician cannot see (hidden), so it is not used.` };
      return { kind: 'read-nothing', detail: `Rule “${anyRule}” matches the address but read nothing: its element is not on the page, or is hidden.` };
  }
}

/**
 * @param rules - the effective context rules
 * @param sources - what each frame of the tab reported (the background's per-tab record)
 * @param resolved - the tab's answer, as the panel shows it
 * @param hidden - numbers the tab's rule finds in hidden elements, when that was looked for
 */
export function diagnoseTab(tab: { readonly id: number; readonly url: string; readonly title: string }, rules: readonly ContextRule[], sources: TabSources | undefined, resolved: PageContextReport | undefined, hidden: readonly string[] = []): TabDiagnosis {
  const frames = Object.entries(sources?.frames ?? {})
    .sort(([a], [b]) => (a === TOP_FRAME ? -1 : b === TOP_FRAME ? 1 : Number(a) - Number(b)))
    .map(([frameId, report]) => ({ frameId, url: reportUrl(report), rule: ruleForUrl(rules, reportUrl(report))?.id, reading: readingOf(report) }));
  const rule = ruleForUrl(rules, tab.url)?.id;
  const shows = resolved?.kind === 'patient' ? `Patient ${identifierLabel(resolved.context.identifier)} (from ${resolved.context.origin})` : 'No patient';
  return { tabId: tab.id, url: tab.url, title: tab.title, ...(rule && { rule }), frames, shows, ...(reasonFor(resolved, frames, rule, tab.url, hidden) && { reason: reasonFor(resolved, frames, rule, tab.url, hidden) }) };
}
