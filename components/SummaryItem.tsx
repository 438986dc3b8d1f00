import type { ComponentChildren } from 'preact';
import type { ChangeMark } from '../lib/summary/diff';
import type { SummaryRow } from '../lib/summary/model';
import { formatDate } from './format';
import { Narrative } from './Narrative';
import { ResultLine } from './ResultLine';
import { CHANGE_WORDS, orderedSources } from './row-marks';
import { CompactResult } from './CompactResult';
import { Disclosure } from './Disclosure';
import { SourceChip } from './SourceChip';

interface Props {
  readonly row: SummaryRow;
  readonly sourceNames: Readonly<Record<string, string>>;
  /** Configured source order: the first of a row's sources is its `data-source`. */
  readonly sourceOrder: readonly string[];
  readonly mark?: ChangeMark;
  /** A line of facts under the row's own (a medicine's repeat, last issue and review). */
  readonly aside?: ComponentChildren;
}

/** Statuses that are the plain default of their record: no words drawn. */
const PLAIN_STATUS = ['active', 'final', 'current', 'completed', 'finished'];

/** Per-source words that differ from the row's own, so a merged row hides no source's wording. */
function differing(row: SummaryRow, names: Readonly<Record<string, string>>): string[] {
  return row.sources
    .filter((s) => s.detail && s.detail !== row.detail && !row.result)
    .map((s) => `${names[s.sourceId] ?? s.sourceId}: ${s.detail}${s.date ? ` (${formatDate(s.date)})` : ''}`);
}

/** One clinical row: what, status and marks in words, the detail, and a chip per source. */
export function SummaryItem({ row, sourceNames, sourceOrder, mark, aside }: Props) {
  const ids = orderedSources(row.sources.map((s) => s.sourceId), sourceOrder);
  const extra = [...differing(row, sourceNames), ...(row.items ?? [])];
  // How the sources named a grouped test: on hover, not a line of its own.
  const asSent = row.result && row.result.namesAsSent.some((n) => n !== row.text) ? row.result.namesAsSent.join('; ') : undefined;
  const more = extra.length > 0 || row.body || row.narrative;
  const single = row.result?.points.length === 1 && !row.result.points[0]!.range && !row.result.points[0]!.otherRanges ? row.result.points[0] : undefined;
  if (single && !more && !row.conflict) return <CompactResult row={row} value={single.display} ids={ids} sourceNames={sourceNames} mark={mark} />;
  const classes = ['row', row.active ? '' : 'inactive', row.alert ? 'alert' : '', row.conflict ? 'conflict' : '', mark ? 'changed' : '', row.statement ? 'statement' : '', row.status === 'refuted' ? 'refuted' : ''].filter(Boolean).join(' ');
  // A "no known …" statement reads as one: "No known drug allergy — recorded 03-Apr-2020".
  const dateWords = row.statement ? `recorded ${formatDate(row.date)}` : `${formatDate(row.date)}${row.end && row.end !== row.date ? ` to ${formatDate(row.end)}` : ''}`;
  return (
    <li class={classes} data-patient={row.patientKey} data-source={ids[0]} data-sources={ids.join(' ')} data-row={row.id}>
      <div class="row-main">
        <span class="row-text" title={asSent && `Named by the sources: ${asSent}`}>{row.text}</span>
        <span class="badges">
          {mark && <span class="badge badge-change">{CHANGE_WORDS[mark]}</span>}
          {row.conflict && <span class="badge badge-conflict">Conflict</span>}
          {row.context && <span class="badge badge-context">{row.context === 'family-history' ? 'Family history' : 'History of'}</span>}
          {row.alert && !row.result && <span class="badge badge-alert">{row.sources[0]?.ref.startsWith('Flag/') ? 'Alert' : 'High risk'}</span>}
          {row.status && !row.result && !row.statement && !PLAIN_STATUS.includes(row.status) && <span class="status">{row.status.replace(/-/g, ' ')}</span>}
        </span>
      </div>
      {row.result && <ResultLine row={row} />}
      <div class="row-meta">
        {row.detail && <span class="row-detail">{row.detail}</span>}
        {row.date && !row.result && <span class="row-date">{dateWords}</span>}
        {row.names && <span class="row-names">Also recorded as: {row.names.filter((n) => n !== row.text).join('; ')}</span>}
        {ids.map((id) => (
          <SourceChip key={id} sourceId={id} name={sourceNames[id] ?? id} said={row.sources.find((s) => s.sourceId === id)?.detail} />
        ))}
      </div>
      {aside}
      {row.conflict && (
        <p class="conflict-note">
          <strong>Conflict:</strong> {row.conflict.reason}. Check with the sources before acting.
        </p>
      )}
      {more && (
        // A crisis plan's steps and a team's contacts are the point of the row: shown open. The
        // narrative is drawn once the row is opened, so its sanitiser is fetched only then.
        <Disclosure
          class="row-more"
          summary="More"
          initiallyOpen={row.tags?.some((t) => t === 'crisis-plan' || t === 'care-coordinator')}
          whenOpen={row.narrative && <Narrative html={row.narrative} />}
        >
          {extra.length > 0 && (
            <ul class="items">
              {extra.map((item, i) => <li key={i}>{item}</li>)}
            </ul>
          )}
          {row.body && <pre class="document-body">{row.body}</pre>}
        </Disclosure>
      )}
    </li>
  );
}
