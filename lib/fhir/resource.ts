/**
 * The FHIR shapes fhirside reads. Data from servers is untrusted: every field is optional and is
 * checked before use, so a malformed resource degrades one row, never the panel.
 */
export interface FhirResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: { readonly lastUpdated?: string };
  readonly [field: string]: unknown;
}

export interface BundleEntry {
  readonly resource?: FhirResource;
  readonly search?: { readonly mode?: string };
  readonly response?: { readonly status?: string; readonly outcome?: FhirResource };
}

export interface Bundle extends FhirResource {
  readonly resourceType: 'Bundle';
  readonly total?: number;
  readonly link?: readonly { readonly relation?: string; readonly url?: string }[];
  readonly entry?: readonly BundleEntry[];
}

/** True for a value that looks like a resource of the given type (or any type). */
export function isResource(value: unknown, type?: string): value is FhirResource {
  if (typeof value !== 'object' || value === null) return false;
  const resourceType = (value as { resourceType?: unknown }).resourceType;
  return typeof resourceType === 'string' && (type === undefined || resourceType === type);
}

/** True for a value that looks like a Bundle. */
export function isBundle(value: unknown): value is Bundle {
  return isResource(value, 'Bundle');
}
