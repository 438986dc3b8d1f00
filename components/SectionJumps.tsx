import type { SectionId } from '../lib/summary/model';
import { SECTION_TITLES } from '../lib/summary/model';

interface Props {
  readonly patientKey: string;
  /** Sections in the order the lens draws them, with how many rows each shows now. */
  readonly sections: readonly { readonly id: SectionId; readonly rows: readonly unknown[] }[];
  readonly timeline: boolean;
}

/** Links to each section (and the timeline), in the lens's order, with the count each shows. */
export function SectionJumps({ patientKey, sections, timeline }: Props) {
  return (
    // Folded: twelve links would push the record itself off a narrow panel.
    <details class="section-jumps" data-patient={patientKey}>
      <summary>Jump to a section</summary>
      <nav aria-label="Sections">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#title-${s.id}`}>{SECTION_TITLES[s.id]} ({s.rows.length})</a>
          </li>
        ))}
        {timeline && (
          <li>
            <a href="#title-timeline">Timeline</a>
          </li>
        )}
      </ul>
      </nav>
    </details>
  );
}
