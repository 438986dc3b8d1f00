/** Context rules: how to find the patient on a given EPR site. */
import { NHS_NUMBER_SYSTEM } from './nhs-number';

export type IdentifierLocator =
  /** A capture group of a regular expression over the page URL. */
  | { readonly from: 'url'; readonly pattern: string }
  /** An element's text, or one of its attributes. */
  | { readonly from: 'selector'; readonly selector: string; readonly attribute?: string }
  /** A scan of the page's visible text for an NHS-number label followed by a number. */
  | { readonly from: 'text' };

export interface ContextRule {
  readonly id: string;
  /** Regular expression the page URL must match for this rule to apply. */
  readonly urlPattern: string;
  readonly identifier: IdentifierLocator;
  /** Identifier system; NHS number by default (then the value must pass the modulus-11 check). */
  readonly system?: string;
  /** Where the page shows the date of birth, used to cross-check each source's Patient. */
  readonly birthDate?: { readonly selector: string; readonly attribute?: string };
  readonly name?: { readonly selector: string };
  /**
   * Pages of this site are part of the clinician's FHIRcast session: the hub's patient-open applies
   * to them and takes precedence over what the page shows (a warning says when they disagree).
   */
  readonly fhircast?: boolean;
}

/** The system a rule's identifier belongs to. */
export const ruleSystem = (rule: ContextRule) => rule.system ?? NHS_NUMBER_SYSTEM;

/** The first rule whose URL pattern matches, or undefined. Invalid patterns never match. */
export function ruleForUrl(rules: readonly ContextRule[], url: string): ContextRule | undefined {
  return rules.find((rule) => {
    try {
      return new RegExp(rule.urlPattern).test(url);
    } catch {
      return false;
    }
  });
}
