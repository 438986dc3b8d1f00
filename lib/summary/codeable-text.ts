/**
 * Display text for a CodeableConcept: its `text`, else a SNOMED CT / LOINC / dm+d display, else
 * any display, else the code with its system. Never empty: a row with no words would hide a fact.
 */
import { DATA_ABSENT_REASON_EXTENSION } from '../fhir/code-systems';

const PREFERRED_SYSTEMS = [
  'http://snomed.info/sct',
  'http://loinc.org',
  'https://dmd.nhs.uk',
  'http://dmd.nhs.uk',
];

const SYSTEM_NAMES: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED CT',
  'http://loinc.org': 'LOINC',
  'https://dmd.nhs.uk': 'dm+d',
  'http://dmd.nhs.uk': 'dm+d',
};

interface Coding {
  system?: unknown;
  code?: unknown;
  display?: unknown;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The codings of a CodeableConcept-shaped value, ignoring anything malformed. */
export function codings(concept: unknown): Coding[] {
  if (typeof concept !== 'object' || concept === null) return [];
  const coding = (concept as { coding?: unknown }).coding;
  return Array.isArray(coding) ? coding.filter((c): c is Coding => typeof c === 'object' && c !== null) : [];
}

/**
 * Best human-readable text for a CodeableConcept.
 * @param fallback - shown when the concept carries nothing at all, e.g. "Unnamed allergy"
 */
export function conceptText(concept: unknown, fallback: string): string {
  if (typeof concept === 'object' && concept !== null && nonEmpty((concept as { text?: unknown }).text)) {
    return ((concept as { text: string }).text).trim();
  }
  const all = codings(concept);
  for (const system of PREFERRED_SYSTEMS) {
    const match = all.find((c) => c.system === system && nonEmpty(c.display));
    if (match) return (match.display as string).trim();
  }
  const anyDisplay = all.find((c) => nonEmpty(c.display));
  if (anyDisplay) return (anyDisplay.display as string).trim();
  const anyCode = all.find((c) => nonEmpty(c.code));
  if (anyCode) {
    const system = typeof anyCode.system === 'string' ? (SYSTEM_NAMES[anyCode.system] ?? anyCode.system) : 'unknown code system';
    return `${(anyCode.code as string).trim()} (${system})`;
  }
  // A server that withholds a record's content codes it `masked` (R4 data-absent-reason: "not
  // available due to security, privacy or related reasons"): the words say it was withheld, not
  // that it was never recorded.
  return isMasked(concept) ? fallback.replace(/\([^)]*\)$/, WITHHELD) : fallback;
}

/** What a row says in place of a name its source withheld. */
export const WITHHELD = '(withheld by the source)';

/** True when a concept carries only the data-absent-reason `masked`. */
function isMasked(concept: unknown): boolean {
  const extension = (concept as { extension?: unknown } | null)?.extension;
  return Array.isArray(extension) && extension.some((e: { url?: unknown; valueCode?: unknown } | null) => e?.url === DATA_ABSENT_REASON_EXTENSION && e.valueCode === 'masked');
}

/** The first code of a concept in the given system, for matching across sources. */
export function codeIn(concept: unknown, system: string): string | undefined {
  const match = codings(concept).find((c) => c.system === system && nonEmpty(c.code));
  return match ? (match.code as string) : undefined;
}

/** Every `system|code` of a concept, the keys rows are matched on across sources. */
export function codeKeys(concept: unknown): string[] {
  return codings(concept)
    .filter((c) => nonEmpty(c.code))
    .map((c) => `${typeof c.system === 'string' ? c.system : ''}|${(c.code as string).trim()}`);
}

/** Lower-case words only: how free text is compared when no code is sent. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
