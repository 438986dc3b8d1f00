import { useState } from 'preact/hooks';
import type { LensId } from '../lib/summary/lens';
import { formatTimestamp } from './format';
import { LensSwitcher } from './LensSwitcher';

interface Props {
  readonly lens: LensId;
  readonly onLens: (lens: LensId) => void;
  readonly onRefresh?: () => void;
  /** Returns once the text is on the clipboard; rejects if it could not be copied. */
  readonly onCopy?: () => Promise<void>;
  readonly onPopOut?: () => void;
  /** Print or save as PDF (the pop-out window offers it). */
  readonly onPrint?: () => void;
  /** When the shown summary was fetched from the sources; undefined while loading. */
  readonly asOf?: number;
  readonly offline?: boolean;
  readonly now: number;
}

/** Lens, refresh, copy, pop-out, and how fresh the summary is, in words. */
export function Toolbar({ lens, onLens, onRefresh, onCopy, onPopOut, onPrint, asOf, offline, now }: Props) {
  const [copied, setCopied] = useState<string>('');
  const copy = () => {
    if (!onCopy) return;
    onCopy().then(() => setCopied('Summary copied as plain text'), () => setCopied('Could not copy: select the text instead'));
  };
  return (
    <div class="toolbar">
      <LensSwitcher lens={lens} onLens={onLens} />
      <div class="toolbar-actions">
        {onRefresh && <button type="button" class="tool" onClick={onRefresh}>Refresh</button>}
        {onCopy && <button type="button" class="tool" onClick={copy}>Copy summary</button>}
        {onPopOut && <button type="button" class="tool" onClick={onPopOut}>Pop out</button>}
        {onPrint && <button type="button" class="tool" onClick={onPrint}>Print</button>}
      </div>
      <p class="freshness" role="status">
        {offline && <strong class="offline">Offline: </strong>}
        {asOf !== undefined ? `As of ${formatTimestamp(asOf, new Date(now))}` : 'Fetching from the sources…'}
        {copied && <span class="copied"> {copied}</span>}
      </p>
    </div>
  );
}
