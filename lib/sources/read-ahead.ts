/**
 * A search page's `next` link read from its text before the page is parsed. Parsing a page of a
 * thousand resources takes the panel tens of milliseconds, and the next page cannot be asked for
 * until its link is known: read early, the request goes out while this page is still being parsed.
 * Only the part before `entry` is read (FHIR JSON puts `link` first), so a resource's own fields
 * can never be taken for the link; a server that sends `link` after `entry` just gets no head start.
 * The walk still checks the parsed page's link and ignores the early one if they differ.
 */

const ENTRY = /"entry"\s*:/;
const NEXT_FIRST = /\{\s*"relation"\s*:\s*"next"\s*,\s*"url"\s*:\s*("(?:[^"\\]|\\.)*")\s*\}/;
const URL_FIRST = /\{\s*"url"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"relation"\s*:\s*"next"\s*\}/;

/** The `next` link of a searchset page's JSON text, if it comes before the entries; else undefined. */
export function earlyNextLink(text: string): string | undefined {
  const entryAt = text.search(ENTRY);
  const head = entryAt === -1 ? text.slice(0, 8192) : text.slice(0, entryAt);
  const quoted = (NEXT_FIRST.exec(head) ?? URL_FIRST.exec(head))?.[1];
  if (!quoted) return undefined;
  try {
    const url = JSON.parse(quoted) as unknown;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}
