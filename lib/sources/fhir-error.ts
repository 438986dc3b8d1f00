import { isResource } from '../fhir/resource';

/** A FHIR request that failed, with a message a clinician can read. */
export class FhirRequestError extends Error {
  override readonly name = 'FhirRequestError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly url: string,
  ) {
    super(message);
  }
}

/** Turns an HTTP status (and an OperationOutcome body, if any) into words a clinician understands. */
export function describeFailure(status: number, body: unknown): string {
  const detail = outcomeText(body);
  const suffix = detail ? ` (${detail})` : '';
  if (status === 401) return `Sign-in has expired or was refused${suffix}`;
  if (status === 403) return `This source does not allow you to see this record${suffix}`;
  if (status === 404) return `The source could not find what was asked for${suffix}`;
  if (status === 429 || status === 503) return `The source is busy; try again shortly${suffix}`;
  if (status >= 500) return `The source had an internal error (HTTP ${status})${suffix}`;
  return `The source refused the request (HTTP ${status})${suffix}`;
}

/** The human-readable text of an OperationOutcome's issues, if the body is one. */
export function outcomeText(body: unknown): string | undefined {
  if (!isResource(body, 'OperationOutcome')) return undefined;
  const issues = Array.isArray(body['issue']) ? (body['issue'] as unknown[]) : [];
  const texts = issues
    .map((issue) => {
      if (typeof issue !== 'object' || issue === null) return undefined;
      const { diagnostics, details } = issue as { diagnostics?: unknown; details?: { text?: unknown } };
      if (typeof details?.text === 'string') return details.text;
      return typeof diagnostics === 'string' ? diagnostics : undefined;
    })
    .filter((text): text is string => Boolean(text));
  return texts.length > 0 ? texts.join('; ').slice(0, 300) : undefined;
}
