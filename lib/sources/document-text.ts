/**
 * A document whose text is behind a Binary URL (Epic, Oracle Health: DocumentReference.content
 * .attachment.url = `Binary/<id>` and no `data`) has it read, so the letter shows as it would from a
 * server that sends the text inline. Only small plain-text attachments on the source's own base are
 * read, as FHIR JSON (`Accept: application/fhir+json` gives a Binary resource with `data`, FHIR R4
 * §2.14); anything else stays at the source, as an inline PDF would.
 */
import type { FhirGet } from './fhir-http';
import { isResource, type FhirResource } from '../fhir/resource';

/** Larger texts are left at the source: the panel shows a letter, not a case file. */
const MAX_BYTES = 64 * 1024;

type Attachment = Record<string, unknown>;

function binaryUrl(attachment: Attachment, baseUrl: string): string | undefined {
  const url = attachment['url'];
  const type = attachment['contentType'];
  const size = attachment['size'];
  if (typeof url !== 'string' || attachment['data'] !== undefined || typeof type !== 'string' || !type.startsWith('text/plain')) return undefined;
  if (typeof size === 'number' && size > MAX_BYTES) return undefined;
  const absolute = /^https?:/.test(url) ? url : `${baseUrl}/${url.replace(/^\//, '')}`;
  // Never to another server: the request carries this source's token.
  return absolute.startsWith(`${baseUrl}/Binary/`) ? absolute : undefined;
}

/**
 * The DocumentReferences with their Binary-held text read in; `unread` counts the texts that could not be.
 * @param documents - DocumentReferences as received (untrusted)
 */
export async function readDocumentTexts(get: FhirGet, baseUrl: string, documents: readonly FhirResource[], signal: AbortSignal): Promise<{ resources: FhirResource[]; unread: number }> {
  let unread = 0;
  const resources = await Promise.all(
    documents.map(async (doc) => {
      const content = Array.isArray(doc['content']) ? (doc['content'] as unknown[]) : [];
      if (!content.some((c) => typeof c === 'object' && c !== null && binaryUrl((c as { attachment?: Attachment }).attachment ?? {}, baseUrl))) return doc;
      const read = await Promise.all(
        content.map(async (c) => {
          const attachment = (c as { attachment?: Attachment } | null)?.attachment;
          const url = attachment ? binaryUrl(attachment, baseUrl) : undefined;
          if (!url) return c;
          try {
            const binary = await get(url, signal);
            const data = isResource(binary, 'Binary') ? binary['data'] : undefined;
            if (typeof data === 'string') return { ...(c as object), attachment: { ...attachment, data } };
          } catch (error) {
            if (signal.aborted) throw error;
          }
          unread++;
          return c;
        }),
      );
      return { ...doc, content: read };
    }),
  );
  return { resources, unread };
}
