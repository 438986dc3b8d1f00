/**
 * A document's text is not in the DocumentReference: its attachment has a `url` to a Binary, and
 * the text comes from reading that Binary, in the manner of Epic on FHIR (clinical notes as
 * `Binary/<id>` URLs in DocumentReference.content) and Oracle Health Millennium. The Binary answers
 * by the Accept header, as FHIR R4 §2.14 (Binary) says: the document's own content type gets the raw
 * bytes, `application/fhir+json` a Binary resource with the bytes in `data`, anything else 406.
 */
import type { Attachment, Resource } from '@medplum/fhirtypes';
import { mapResources } from '../bundle-edits';
import { refuse, typeOf, type Answer, type Rule, type RuleContext } from '../exchange';

type Stored = { contentType: string; data: string };
const binaries = (context: RuleContext): Map<string, Stored> => {
  const found = context.state.get('binaries') as Map<string, Stored> | undefined;
  if (found) return found;
  const made = new Map<string, Stored>();
  context.state.set('binaries', made);
  return made;
};

function moveToBinary(resource: Resource, context: RuleContext): Resource {
  if (resource.resourceType !== 'DocumentReference') return resource;
  const content = (resource.content ?? []).map((c, i) => {
    const { data, ...rest } = c.attachment ?? ({} as Attachment);
    if (!data) return c;
    const id = `${resource.id ?? 'doc'}-${i}`;
    binaries(context).set(id, { contentType: rest.contentType ?? 'application/octet-stream', data });
    return { ...c, attachment: { ...rest, url: `Binary/${id}` } };
  });
  return { ...resource, content };
}

function readBinary(id: string, accept: string, context: RuleContext): Answer {
  const stored = binaries(context).get(id);
  if (!stored) return refuse(404, 'not-found', `Binary/${id} is not known`);
  if (accept === '' || /\*\/\*|application\/(fhir\+)?json/.test(accept)) {
    return { status: 200, body: { resourceType: 'Binary', id, contentType: stored.contentType, data: stored.data } };
  }
  // The raw bytes are sent by server.ts only as FHIR JSON; a raw read is answered as not acceptable here.
  return refuse(406, 'not-supported', `Binary/${id} is ${stored.contentType}; ask with Accept: application/fhir+json or ${stored.contentType}`);
}

export const documentBinary: Rule = {
  handle: async (request, context, next) => {
    const binary = typeOf(request) === 'Binary' ? /^\/Binary\/([^/]+)$/.exec(request.path)?.[1] : undefined;
    if (binary && request.method === 'GET') return readBinary(binary, String(request.headers.accept ?? ''), context);
    return mapResources(await next(request), (r) => moveToBinary(r, context));
  },
};
