/** Small edits of a search answer that several rules share. */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { Answer } from './exchange';

export const isSearchset = (body: Resource): body is Bundle => body.resourceType === 'Bundle' && (body as Bundle).type === 'searchset';

/** The answer with its `next` link changed (or removed, when `change` returns undefined). */
export function mapNextLink(answer: Answer, change: (url: string) => string | undefined): Answer {
  if (!isSearchset(answer.body)) return answer;
  const link = (answer.body.link ?? []).flatMap((l) => {
    if (l.relation !== 'next' || !l.url) return [l];
    const url = change(l.url);
    return url ? [{ ...l, url }] : [];
  });
  return { ...answer, body: { ...answer.body, link } };
}

/** The answer with every resource it carries (a read, or each entry of a searchset) changed. */
export function mapResources(answer: Answer, change: (resource: Resource) => Resource): Answer {
  if (answer.status >= 300) return answer;
  if (!isSearchset(answer.body)) return (answer.body.resourceType as string) === 'Bundle' || answer.body.resourceType === 'OperationOutcome' ? answer : { ...answer, body: change(answer.body) };
  const entry = (answer.body.entry ?? []).map((e): BundleEntry => (e.resource ? { ...e, resource: change(e.resource) } : e));
  return { ...answer, body: { ...answer.body, entry } };
}

/** The answer's searchset with other entries. */
export function withEntries(answer: Answer, change: (entries: BundleEntry[]) => BundleEntry[]): Answer {
  if (!isSearchset(answer.body)) return answer;
  return { ...answer, body: { ...answer.body, entry: change(answer.body.entry ?? []) } };
}

/** A fresh opaque id (uuid form, as HAPI and Oracle Health print theirs). */
export const opaqueId = (): string => crypto.randomUUID();
