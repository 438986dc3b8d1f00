/**
 * Conditions that are not the patient's own current diagnosis though filed as a Condition: a
 * family history ("Family history of cancer of colon", SNOMED 312824007, R4 example
 * Condition/family-history) or a history-of situation. SNOMED CT models both as situations with
 * explicit context (243796009), whose subject is a family member or whose time is the past; the
 * IPS problems value set admits them. They are shown for what they are, and a lens never takes
 * them for the patient's diagnosis. FamilyMemberHistory is the resource meant for family history;
 * these are the records that used a Condition instead.
 */
import { snomed } from './code-systems';

export type RecordContext = 'family-history' | 'history-of';

const FAMILY_HISTORY_CODES = new Set([
  snomed('416471007'), // Family history of clinical finding
  snomed('281666001'), // Family history of disorder
  snomed('57177007'), // Family history with explicit context
  snomed('312824007'), // Family history of cancer of colon
  snomed('275937001'), // Family history of cancer
]);
const HISTORY_OF_CODES = new Set([
  snomed('392521001'), // History of (contextual qualifier)
  snomed('417662000'), // History of clinical finding in subject
]);

const FAMILY_WORDS = /^\s*(fh:|f\/h\b|family history\b)/i;
const HISTORY_WORDS = /^\s*(h\/o\b|history of\b|past history of\b|personal history of\b)/i;

/**
 * Whether a Condition's code or category (as `system|code` and words) says it is a family history
 * or a history-of, rather than the patient's current diagnosis.
 */
export function recordContextOf(codes: readonly string[], text: string, categoryWords: readonly string[]): RecordContext | undefined {
  if (codes.some((c) => FAMILY_HISTORY_CODES.has(c)) || FAMILY_WORDS.test(text) || categoryWords.some((w) => /family history/i.test(w))) return 'family-history';
  if (codes.some((c) => HISTORY_OF_CODES.has(c)) || HISTORY_WORDS.test(text)) return 'history-of';
  return undefined;
}
