/**
 * Searchset Bundles with absolute paging links. Medplum's MemoryRepository returns no links at
 * all; clients such as fhirclient follow `next` verbatim, so each link is a full URL on this
 * server that reproduces the search at the next offset.
 */
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import type { SearchRequest } from '@medplum/core';
import { deepClone, formatSearchQuery } from '@medplum/core';

function pageUrl(baseUrl: string, request: SearchRequest, offset: number): string {
  return `${baseUrl}/${request.resourceType}${formatSearchQuery({ ...request, offset })}`;
}

export function searchsetBundle<T extends Resource>(baseUrl: string, request: SearchRequest<T>, matches: readonly T[]): Bundle<T> {
  const count = request.count ?? 0;
  const offset = request.offset ?? 0;
  const page = matches.slice(offset, offset + count);
  const link: BundleLink[] = [{ relation: 'self', url: pageUrl(baseUrl, request, offset) }];
  if (offset > 0) {
    link.push({ relation: 'first', url: pageUrl(baseUrl, request, 0) });
    link.push({ relation: 'previous', url: pageUrl(baseUrl, request, Math.max(0, offset - count)) });
  }
  if (count > 0 && offset + count < matches.length) link.push({ relation: 'next', url: pageUrl(baseUrl, request, offset + count) });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(request.total === 'none' ? {} : { total: matches.length }),
    link,
    entry: page.map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`, resource: deepClone(resource), search: { mode: 'match' as const } })),
  };
}
