import type { SectionId, SummaryRow } from '../lib/summary/model';
import { SECTION_TITLES } from '../lib/summary/model';
import { formatDate } from './format';
import { SourceChip } from './SourceChip';

interface Props {
  readonly section: SectionId;
  readonly rows: readonly SummaryRow[];
  readonly sourceNames: Readonly<Record<string, string>>;
  /** Why the section may be missing records; always shown, never hidden. */
  readonly incomplete?: string;
  /** True while at least one source has not answered for this section. */
  readonly loading: boolean;
}

function emptyText(section: SectionId, loading: boolean): string {
  if (loading) return 'Loading…';
  // "None recorded" is a statement about the sources, not a clinical statement of no allergies.
  return section === 'allergies' ? 'No allergies recorded in the sources that answered' : 'None recorded in the sources that answered';
}

/** One section of the summary: title, rows with their source, and any gap in what was fetched. */
export function SectionList({ section, rows, sourceNames, incomplete, loading }: Props) {
  return (
    <section class={`section section-${section}`} aria-labelledby={`title-${section}`}>
      <h2 id={`title-${section}`}>
        {SECTION_TITLES[section]} <span class="count">{rows.length}</span>
      </h2>
      {incomplete && (
        <p class="warning" role="alert">
          May be incomplete: {incomplete}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">{emptyText(section, loading)}</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.id} class={`row${row.active ? '' : ' inactive'}${row.alert ? ' alert' : ''}`} data-patient={row.patientKey} data-source={row.sourceId}>
              <div class="row-main">
                <span class="row-text">{row.text}</span>
                {row.status && row.status !== 'active' && <span class="status">{row.status}</span>}
              </div>
              <div class="row-meta">
                {row.detail && <span class="row-detail">{row.detail}</span>}
                {row.date && !row.detail?.includes(row.date) && <span class="row-date">{formatDate(row.date)}</span>}
                <SourceChip name={sourceNames[row.sourceId] ?? row.sourceId} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
