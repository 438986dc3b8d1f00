/**
 * A patient context from an extension page (EHR launch) or the FHIRcast hub is checked like a
 * page's report before it becomes a tab's context: shape, NHS number check digit, date format.
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from './nhs-number';
import { contextKey, type ContextOrigin, type PatientContext } from './patient-context';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Returns a clean copy of a context, or undefined when it is not acceptable.
 * @param origin - set by the receiver, never taken from the value
 * @param url - where the context applies, as the receiver knows it
 */
export function validateContext(value: unknown, origin: ContextOrigin, url: string, now = Date.now()): PatientContext | undefined {
  if (!isRecord(value) || !isRecord(value['identifier'])) return undefined;
  const { system, value: id } = value['identifier'];
  if (typeof system !== 'string' || typeof id !== 'string' || system.length > 500 || id.length === 0 || id.length > 100) return undefined;
  if (system === NHS_NUMBER_SYSTEM && !checkNhsNumber(id).valid) return undefined;
  const birthDate = typeof value['birthDate'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value['birthDate']) ? value['birthDate'] : undefined;
  const displayName = typeof value['displayName'] === 'string' ? value['displayName'].slice(0, 80) : undefined;
  const identifier = { system, value: id };
  return { key: contextKey(identifier), identifier, birthDate, displayName, origin, url, detectedAt: now };
}
