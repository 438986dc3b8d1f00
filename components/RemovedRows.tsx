import type { SummaryRow } from '../lib/summary/model';
import { Disclosure } from './Disclosure';
import { formatDate } from './format';
import { orderedSources } from './row-marks';
import { SourceChip } from './SourceChip';

interface Props {
  readonly rows: readonly SummaryRow[];
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly sourceOrder: readonly string[];
}

/**
 * Records the sources withdrew (entered in error, cancelled): never among the section's rows,
 * closed by default, struck through and saying who and when where the source said.
 */
export function RemovedRows({ rows, sourceNames, sourceOrder }: Props) {
  if (rows.length === 0) return null;
  return (
    <Disclosure class="removed-rows" summary={`Removed by the source (${rows.length})`}>
      <ul>
        {rows.map((row) => {
          const ids = orderedSources(row.sources.map((s) => s.sourceId), sourceOrder);
          const when = row.removed?.at && `changed ${formatDate(row.removed.at)}`;
          return (
            <li key={row.id} class="row removed" data-patient={row.patientKey} data-source={ids[0]} data-sources={ids.join(' ')} data-row={row.id}>
              <s class="row-text">{row.text}</s>
              <div class="row-meta">
                <span class="status">{row.removed?.words}</span>
                {row.date && <span class="row-date">{formatDate(row.date)}</span>}
                {[when, row.removed?.by && `by ${row.removed.by}`].filter(Boolean).map((w) => <span key={w}>{w}</span>)}
                {ids.map((id) => <SourceChip key={id} sourceId={id} name={sourceNames[id] ?? id} />)}
              </div>
            </li>
          );
        })}
      </ul>
    </Disclosure>
  );
}
