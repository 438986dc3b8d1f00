/**
 * Batch as servers really offer it:
 * - `no-batch`: none at all; the CapabilityStatement does not list it and a Bundle posted to the
 *   base is refused, in the manner of Epic on FHIR and Oracle Health Millennium for read APIs;
 * - `batch-reads-only`: a batch whose entries are reads and writes, not searches (each search
 *   entry answers 400 inside an otherwise successful batch-response), in the manner of servers
 *   that run batch entries through their write pipeline;
 * - `batch-limit`: a batch of more than a few entries is refused whole with 400, in the manner of
 *   the Microsoft FHIR server's and AWS HealthLake's bundle entry limits (set low here so it bites).
 */
import type { Bundle, BundleEntry, CapabilityStatement } from '@medplum/fhirtypes';
import { refuse, type ProfileRequest, type Rule } from '../exchange';

export const isBatch = (request: ProfileRequest): boolean =>
  request.method === 'POST' && request.path === '' && (request.body as Bundle | undefined)?.resourceType === 'Bundle' && (request.body as Bundle).type === 'batch';

function withoutInteraction(statement: CapabilityStatement, code: string): CapabilityStatement {
  return { ...statement, rest: (statement.rest ?? []).map((r) => ({ ...r, interaction: (r.interaction ?? []).filter((i) => i.code !== code) })) };
}

export const noBatch: Rule = {
  handle: (request, _context, next) =>
    request.method === 'POST' && request.path === '' ? Promise.resolve(refuse(405, 'not-supported', 'Batch and transaction Bundles are not supported by this server')) : next(request),
  capabilities: (statement) => withoutInteraction(withoutInteraction(statement, 'batch'), 'transaction'),
};

/** True for an entry that is a search (GET with a query, or on a type). */
const isSearchEntry = (entry: BundleEntry) => entry.request?.method === 'GET' && /^[A-Z][A-Za-z]+(\?|$)/.test(entry.request.url ?? '') && !/^[A-Z][A-Za-z]+\/[^?/]+$/.test(entry.request.url ?? '');

export const batchReadsOnly: Rule = {
  handle: async (request, _context, next) => {
    if (!isBatch(request)) return next(request);
    const entries = (request.body as Bundle).entry ?? [];
    const refused = entries.map(isSearchEntry);
    const passed = { ...(request.body as Bundle), entry: entries.filter((_, i) => !refused[i]) };
    const answer = await next({ ...request, body: passed });
    if (answer.status >= 300) return answer;
    const answered = [...((answer.body as Bundle).entry ?? [])];
    const entry = refused.map((isRefused): BundleEntry =>
      isRefused
        ? { response: { status: '400 Bad Request', outcome: refuse(400, 'not-supported', 'Search is not supported inside a batch').body as never } }
        : (answered.shift() ?? {}));
    return { ...answer, body: { ...(answer.body as Bundle), entry } };
  },
};

export function batchLimit(maxEntries: number): Rule {
  return {
    handle: (request, _context, next) => {
      const count = isBatch(request) ? ((request.body as Bundle).entry ?? []).length : 0;
      if (count <= maxEntries) return next(request);
      return Promise.resolve(refuse(400, 'too-costly', `A batch may hold at most ${maxEntries} entries; this one has ${count}`));
    },
  };
}
