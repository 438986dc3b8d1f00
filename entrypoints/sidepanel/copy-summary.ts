/** "Copy summary": fetched on the first click, so the text renderer is not part of every look-up. */
import { formatTimestamp } from '@/components/format';
import { applyLens, type LensId } from '@/lib/summary/lens';
import type { Summary } from '@/lib/summary/model';
import { summaryAsText } from '@/lib/summary/plain-text';

/**
 * Copies the summary as plain text through the lens the clinician is using.
 * @param sourceNames - display name per source id, for the text's source labels
 */
export function copySummary(sourceNames: Readonly<Record<string, string>>, summary: Summary, lens: LensId): Promise<void> {
  return navigator.clipboard.writeText(summaryAsText(summary, applyLens(summary, lens), sourceNames, formatTimestamp(Date.now())));
}
