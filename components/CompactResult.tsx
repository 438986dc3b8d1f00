import type { ChangeMark } from '../lib/summary/diff';
import type { SummaryRow } from '../lib/summary/model';
import { formatDate } from './format';
import { CHANGE_WORDS } from './row-marks';
import { SourceChip } from './SourceChip';

interface Props {
  readonly row: SummaryRow;
  readonly value: string;
  /** The row's sources in configured order. */
  readonly ids: readonly string[];
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly mark?: ChangeMark;
}

/** A single coded answer (a TNM category, a smoking status) on one line: name, value, date, source. */
export function CompactResult({ row, value, ids, sourceNames, mark }: Props) {
  return (
    <li class="row row-compact" data-patient={row.patientKey} data-source={ids[0]} data-sources={ids.join(' ')} data-row={row.id}>
      <span class="row-text">{row.text}:</span> <span class="result-value">{value}</span>
      {row.result?.points[0]?.flag && <span class="flag">{row.result.points[0].flag}</span>}
      {row.result?.points[0]?.status && <span class="status point-status">{row.result.points[0].status}</span>}
      {row.date && <span class="row-date">{formatDate(row.date)}</span>}
      {mark && <span class="badge badge-change">{CHANGE_WORDS[mark]}</span>}
      {ids.map((id) => <SourceChip key={id} sourceId={id} name={sourceNames[id] ?? id} />)}
    </li>
  );
}
