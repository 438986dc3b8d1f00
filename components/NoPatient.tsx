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
  return (
    <div class="no-patient" role="status" data-state="none">
      <h1>No patient on this page</h1>
      <p>Open a patient's record in the EPR and their summary appears here.</p>
    </div>
  );
}
