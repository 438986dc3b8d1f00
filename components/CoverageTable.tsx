import type { Coverage, SectionId, Summary } from '../lib/summary/model';
import { SECTION_ORDER, SECTION_TITLES } from '../lib/summary/model';

interface Props {
  readonly summary: Summary;
  readonly sources: readonly { readonly id: string; readonly name: string }[];
}

function cell(coverage: Coverage | undefined): string {
  switch (coverage?.state) {
    case undefined:
      return '–';
    case 'returned':
      return String(coverage.count);
    case 'empty':
      return 'none';
    case 'not-supported':
      return 'not offered';
    case 'failed':
      return `failed: ${coverage.reason}`;
  }
}

/**
 * Per source and section: how many records came back, none, not offered, or failed and why; then,
 * by resource type, what a source returned for the patient that no section draws.
 */
export function CoverageTable({ summary, sources }: Props) {
  const answered = sources.filter((s) => summary.coverage?.[s.id]);
  if (answered.length === 0) return null;
  const undrawnTypes = [...new Set(answered.flatMap((s) => Object.keys(summary.undrawn?.[s.id] ?? {})))].sort();
  return (
    <details class="coverage">
      <summary>What each source returned</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Section</th>
            {answered.map((s) => <th scope="col" key={s.id}>{s.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {SECTION_ORDER.map((id: SectionId) => (
            <tr key={id}>
              <th scope="row">{SECTION_TITLES[id]}</th>
              {answered.map((s) => <td key={s.id} data-source={s.id} data-patient={summary.patientKey}>{cell(summary.coverage?.[s.id]?.[id])}</td>)}
            </tr>
          ))}
          {undrawnTypes.map((type) => (
            <tr key={`undrawn-${type}`} class="undrawn">
              <th scope="row">{type} (not shown in a section)</th>
              {answered.map((s) => <td key={s.id} data-source={s.id} data-patient={summary.patientKey}>{summary.undrawn?.[s.id]?.[type] ?? '–'}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
