/** Defensive readers for untrusted FHIR fields: wrong types read as absent, never throw. */

/** A string field, or undefined. */
export function str(resource: Record<string, unknown>, field: string): string | undefined {
  const value = resource[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An object field, or undefined. */
export function obj(resource: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const value = resource[field];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An array field's object items, or []. */
export function objs(resource: Record<string, unknown>, field: string): Record<string, unknown>[] {
  const value = resource[field];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}

/** The first code of a status CodeableConcept (e.g. clinicalStatus), or a plain status string. */
export function statusCode(resource: Record<string, unknown>, field: string): string | undefined {
  const plain = str(resource, field);
  if (plain) return plain;
  const concept = obj(resource, field);
  const coding = concept ? objs(concept, 'coding')[0] : undefined;
  return coding ? str(coding, 'code') : undefined;
}

/** The date part of an ISO dateTime (`2024-03-01T10:00:00Z` → `2024-03-01`). */
export function datePart(value: string | undefined): string | undefined {
  return value && /^\d{4}(-\d{2}(-\d{2})?)?/.test(value) ? value.slice(0, 10) : undefined;
}

/** A Period's start and end as sent. */
export function period(resource: Record<string, unknown>, field: string): { start?: string; end?: string } {
  const value = obj(resource, field);
  return value ? { start: str(value, 'start'), end: str(value, 'end') } : {};
}

/** The first string among several fields, e.g. effectiveDateTime then issued. */
export function firstStr(resource: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = str(resource, field);
    if (value) return value;
  }
  return undefined;
}

/** Text of the `note` annotations. */
export function notes(resource: Record<string, unknown>): string[] {
  return objs(resource, 'note').map((n) => str(n, 'text')).filter((t): t is string => Boolean(t));
}

/** Joins the parts that are present with a middle dot; undefined when none are. */
export const join = (parts: readonly (string | undefined | false)[]): string | undefined =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ') || undefined;
