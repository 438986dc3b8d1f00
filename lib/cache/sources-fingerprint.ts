/**
 * Saved summaries are only valid for the sources they came from: when policy changes the sources
 * (a server replaced, a source withdrawn), everything saved under the old set is purged.
 */
import type { SourceConfig } from '../sources/source-config';

/** A stable description of which sources are configured, where. */
export function sourcesFingerprint(sources: readonly SourceConfig[]): string {
  return sources
    .map((s) => `${s.id}=${s.fhirBaseUrl}`)
    .sort()
    .join(' ');
}
