import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Changes } from '../lib/summary/diff';
import type { SectionId, SummaryRow } from '../lib/summary/model';
import { SECTION_TITLES } from '../lib/summary/model';
import { NOT_LOADED_YET } from '../lib/summary/answered';
import { FindHidden } from './FindHidden';
import { MedicinesList } from './MedicinesList';
import { RemovedRows } from './RemovedRows';
import { SummaryItem } from './SummaryItem';
import type { ExpandSignal } from './useFind';

interface Props {
  readonly section: SectionId;
  readonly rows: readonly SummaryRow[];
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly sourceOrder?: readonly string[];
  /** Why the section may be missing records; always shown, never hidden. */
  readonly incomplete?: string;
  /** True while at least one source has not answered for this section. */
  readonly loading: boolean;
  /** False until some source has answered for this section: empty then means not loaded, not none. */
  readonly answered?: boolean;
  /** Starts collapsed (a lens that rarely needs it); the heading still shows the count. */
  readonly collapsed?: boolean;
  readonly changes?: Changes;
  /** Records the sources withdrew, listed apart under "Removed by the source". */
  readonly removed?: readonly SummaryRow[];
  /** A statement about the whole section, under its heading (e.g. the results horizon). */
  readonly notice?: ComponentChildren;
  /** Rows before find narrowed them; with it the heading reads "3 of 12" and hidden rows are said. */
  readonly total?: number;
  /** Expand or collapse every section at once. */
  readonly expand?: ExpandSignal;
  /** ISO date the medicine groups count back from. */
  readonly today?: string;
}

/** Rows shown before "Show more": allergies, alerts and treatment-limiting decisions are never capped. */
const LIMIT: Partial<Record<SectionId, number>> = { results: 8, vitals: 4, encounters: 4, immunizations: 4, documents: 4 };
const NEVER_CAPPED: readonly SectionId[] = ['allergies', 'alerts', 'decisions'];
const limitOf = (section: SectionId) => (NEVER_CAPPED.includes(section) ? Infinity : LIMIT[section] ?? 6);

function emptyText(section: SectionId, loading: boolean, answered: boolean): string {
  if (loading) return 'Loading…';
  if (!answered) return NOT_LOADED_YET;
  // "None recorded" is a statement about the sources, not a clinical statement of no allergies.
  return section === 'allergies' ? 'No allergies recorded in the sources that answered' : 'None recorded in the sources that answered';
}

/** One section: title with count, collapse, rows with their sources, "show more", and any gap in what was fetched. */
export function SectionList({ section, rows, sourceNames, sourceOrder = [], incomplete, loading, answered = true, collapsed = false, changes, removed = [], notice, total, expand, today }: Props) {
  // Allergies can never be collapsed: the one section that must always be read.
  const collapsible = section !== 'allergies';
  const [open, setOpen] = useState(!collapsed || !collapsible);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (expand && collapsible) setOpen(expand.open);
  }, [expand?.seq]);
  // Narrowed by find: every match is shown, so a match is never behind "Show more".
  const finding = total !== undefined;
  // Medicines are grouped instead of capped (current first, the rest behind disclosures).
  const limit = finding || (section === 'medications' && today) ? Infinity : limitOf(section);
  const shown = all ? rows : rows.slice(0, limit);
  const hidden = rows.length - shown.length;
  const bodyId = `body-${section}`;
  const changed = rows.filter((r) => changes?.marks[r.id]).length;
  // A "no known …" statement is not a record of something: it is never counted as one.
  const count = rows.filter((r) => !r.statement).length;
  return (
    <section class={`section section-${section}`} aria-labelledby={`title-${section}`} data-section={section}>
      <h2 id={`title-${section}`}>
        {collapsible ? (
          <button type="button" class="section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span> {SECTION_TITLES[section]} <span class="count">({finding ? `${count} of ${total}` : count})</span>
          </button>
        ) : (
          <>
            {SECTION_TITLES[section]} <span class="count">({finding ? `${count} of ${total}` : count})</span>
          </>
        )}
        {changed > 0 && <span class="badge badge-change">{changed} changed</span>}
      </h2>
      {notice}
      {incomplete && (
        <p class="warning" role="alert">
          May be incomplete: {incomplete}
        </p>
      )}
      {finding && <FindHidden section={section} hidden={total - rows.length} />}
      {open && (
        <div id={bodyId}>
          {rows.length === 0 ? (
            !finding && <p class="empty">{emptyText(section, loading, answered)}</p>
          ) : section === 'medications' && today ? (
            <MedicinesList rows={rows} today={today} sourceNames={sourceNames} sourceOrder={sourceOrder} changes={changes} finding={finding} />
          ) : (
            <ul>
              {shown.map((row) => (
                <SummaryItem key={row.id} row={row} sourceNames={sourceNames} sourceOrder={sourceOrder} mark={changes?.marks[row.id]} />
              ))}
            </ul>
          )}
          {hidden > 0 && (
            <button type="button" class="more" onClick={() => setAll(true)}>
              Show {hidden} more
            </button>
          )}
          <RemovedRows rows={removed} sourceNames={sourceNames} sourceOrder={sourceOrder} />
        </div>
      )}
    </section>
  );
}
