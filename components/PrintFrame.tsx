import type { Banner } from '../lib/summary/model';
import { formatDate, formatNhsNumber, formatTimestamp } from './format';

interface HeaderProps {
  readonly patientKey: string;
  readonly sources: readonly { readonly id: string; readonly name: string }[];
  /** Sources the summary holds records from. */
  readonly sourceIds: readonly string[];
  /** When the shown summary was fetched; undefined while it is still being fetched. */
  readonly asOf?: number;
  /** True when the shown summary is a saved copy, not live. */
  readonly cached: boolean;
  readonly lens: string;
  readonly now: number;
}

/**
 * Printed only: where the summary came from, when, and through which lens, so a printout read at a
 * meeting says how old it is and that it is not the whole record. Hidden on screen.
 */
export function PrintHeader({ patientKey, sources, sourceIds, asOf, cached, lens, now }: HeaderProps) {
  const names = sources.filter((s) => sourceIds.includes(s.id)).map((s) => s.name);
  return (
    <div class="print-only print-header" data-patient={patientKey}>
      <p>
        Summary from {names.length > 0 ? names.join(', ') : 'no source yet'}.{' '}
        {asOf !== undefined ? `${cached ? 'Saved copy' : 'Fetched'} ${formatTimestamp(asOf, new Date(now))}.` : 'Still being fetched when printed.'} {lens} view.
      </p>
      <p>Printed {formatTimestamp(now, new Date(now))} by fhirside. A consolidated view of the sources above, not the complete record: check before acting.</p>
    </div>
  );
}

/** Printed on every page (fixed to the page foot): who the pages are about, by NHS number. */
export function PrintFooter({ banner }: { readonly banner: Banner }) {
  const name = banner.family ? `${banner.family.toUpperCase()}${banner.given ? `, ${banner.given}` : ''}` : '';
  return (
    <div class="print-only print-footer" data-patient={banner.patientKey}>
      {name}
      {banner.birthDate && ` · Born ${formatDate(banner.birthDate)}`}
      {banner.nhsNumber && ` · NHS No. ${formatNhsNumber(banner.nhsNumber)}`}
    </div>
  );
}
