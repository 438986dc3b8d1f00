import type { PageContextReport } from '../lib/context/patient-context';
import { formatNhsNumber } from './format';

interface Props {
  readonly report: PageContextReport | undefined;
}

/** What the panel shows when the page gives no usable patient, and why. */
export function NoPatient({ report }: Props) {
  if (report?.kind === 'rejected') {
    return (
      <div class="no-patient" role="status" data-state="rejected">
        <h1>No patient shown</h1>
        <p>
          This page shows the number <strong>{formatNhsNumber(report.found)}</strong>, but it is not a valid NHS number
          ({report.reason}), so fhirside will not look anyone up with it.
        </p>
      </div>
    );
  }
  if (report?.kind === 'ambiguous') {
    return (
      <div class="no-patient" role="status" data-state="ambiguous">
        <h1>No patient shown</h1>
        <p>
          fhirside cannot tell which patient this page is about: {report.reason}
          {report.found.length > 0 && <> ({report.found.map((f) => formatNhsNumber(f)).join(', ')})</>}. It shows none rather than guess.
        </p>
      </div>
    );
  }
  return (
    <div class="no-patient" role="status" data-state="none">
      <h1>No patient on this page</h1>
      <p>Open a patient's record in the EPR and their summary appears here.</p>
    </div>
  );
}
