/**
 * PatientContext: which patient a tab shows, as far as fhirside can tell. Every look-up carries the
 * context it was started for, so a late answer for another patient can be recognised and dropped.
 */

export interface PatientIdentifier {
  readonly system: string;
  readonly value: string;
}

export type ContextOrigin = 'page' | 'fhircast' | 'ehr-launch' | 'selection';

export interface PatientContext {
  /** Stable key for this identity: `<system>|<value>`. Two contexts are the same patient iff keys match. */
  readonly key: string;
  readonly identifier: PatientIdentifier;
  /** ISO date of birth when the page shows one; used to cross-check each source's Patient. */
  readonly birthDate?: string;
  /** Name as the page shows it, for the "what we found" message only, never for matching. */
  readonly displayName?: string;
  readonly origin: ContextOrigin;
  /** The page (or hub) the context came from. */
  readonly url: string;
  readonly detectedAt: number;
}

/** One source of context's claim about who the patient is, as the panel names it. */
export interface ContextClaim {
  readonly origin: ContextOrigin;
  readonly key: string;
  /** The identifier as shown (`943 476 5919` for an NHS number). */
  readonly label: string;
  readonly displayName?: string;
}

/**
 * Two sources of context disagree for one tab: `shown` won by precedence, `others` said otherwise.
 * Set by the background on a tab's resolved report, never taken from a page.
 */
export interface ContextConflict {
  readonly shown: ContextClaim;
  readonly others: readonly ContextClaim[];
}

/**
 * What a page told us about its patient: a usable context, nothing, a number we refused, or
 * several different patients at once (then fhirside picks none rather than guess).
 */
export type PageContextReport =
  | { readonly kind: 'patient'; readonly context: PatientContext; readonly conflict?: ContextConflict }
  | { readonly kind: 'none'; readonly url: string }
  | { readonly kind: 'rejected'; readonly url: string; readonly found: string; readonly reason: string }
  | { readonly kind: 'ambiguous'; readonly url: string; readonly found: readonly string[]; readonly reason: string };

/** Builds the key for an identifier. */
export function contextKey(identifier: PatientIdentifier): string {
  return `${identifier.system}|${identifier.value}`;
}

/** True when two reports describe the same patient (or both describe none). */
export function sameReport(a: PageContextReport | undefined, b: PageContextReport | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'patient' && b.kind === 'patient') {
    return a.context.key === b.context.key && a.context.birthDate === b.context.birthDate;
  }
  if (a.kind === 'rejected' && b.kind === 'rejected') return a.found === b.found;
  if (a.kind === 'ambiguous' && b.kind === 'ambiguous') return a.found.join() === b.found.join() && a.reason === b.reason;
  return true;
}
