import type { Changes } from '../lib/summary/diff';
import { groupMedicines } from '../lib/summary/medicine-groups';
import type { SummaryRow } from '../lib/summary/model';
import { Disclosure } from './Disclosure';
import { MedicineFacts } from './MedicineFacts';
import { SummaryItem } from './SummaryItem';

interface Props {
  readonly rows: readonly SummaryRow[];
  readonly today: string;
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly sourceOrder: readonly string[];
  readonly changes?: Changes;
  /** Find is narrowing the list: the folded groups open so no match is out of sight. */
  readonly finding: boolean;
}

/**
 * Medicines as the Summary Care Record lists them: current repeats, acutes of the last 12 months,
 * then (folded, each with its count) what was stopped in the last 6 months and anything older.
 */
export function MedicinesList({ rows, today, sourceNames, sourceOrder, changes, finding }: Props) {
  const groups = groupMedicines(rows, today);
  const list = (items: readonly SummaryRow[]) => (
    <ul>
      {items.map((row) => (
        <SummaryItem key={row.id} row={row} sourceNames={sourceNames} sourceOrder={sourceOrder} mark={changes?.marks[row.id]} aside={<MedicineFacts prescription={row.prescription} today={today} />} />
      ))}
    </ul>
  );
  const group = (id: string, title: string, items: readonly SummaryRow[], none?: string) =>
    (items.length > 0 || none) && (
      <div class="medicine-group" data-medicines={id}>
        <h3>{title} ({items.length})</h3>
        {items.length > 0 ? list(items) : <p class="empty">{none}</p>}
      </div>
    );
  const folded = (id: string, title: string, items: readonly SummaryRow[]) =>
    items.length > 0 && (
      <Disclosure key={`${id}-${String(finding)}`} class="medicine-group medicine-folded" summary={`${title} (${items.length})`} initiallyOpen={finding}>
        <div data-medicines={id}>{list(items)}</div>
      </Disclosure>
    );
  return (
    <div class="medicines" data-patient={rows[0]?.patientKey}>
      {group('repeats', 'Repeat medicines', groups.repeats, finding ? undefined : 'No current repeat medicines in the sources that answered')}
      {group('acutes', 'Acute medicines, last 12 months', groups.acutes, finding ? undefined : 'No acute medicines in the last 12 months')}
      {group('unstated', 'Other current medicines (repeat or acute not stated)', groups.unstated)}
      {folded('stopped', 'Stopped in the last 6 months', groups.recentlyStopped)}
      {folded('earlier', 'Earlier medicines', groups.earlier)}
    </div>
  );
}
