import { identifierLabel } from '@/lib/context/nhs-number';
import { formatDate } from '@/lib/summary/display-date';

/** The patient a launch names, as the clinician checks it against the EPR. */
export interface LaunchPatient {
  readonly identifier: { readonly system: string; readonly value: string };
  readonly displayName?: string;
  readonly birthDate?: string;
}

interface Props {
  readonly sourceName: string;
  /** The site of the EPR tab that opened the launch (`epr.trust.nhs.uk`). */
  readonly launcher: string;
  readonly patient: LaunchPatient;
  readonly onConfirm: () => void;
}

/**
 * A launch changes nothing until the clinician has seen whom it names and from where: a page that
 * opened the launch page on its own (a drive-by) gets no further than this.
 */
export function LaunchConfirm({ sourceName, launcher, patient, onConfirm }: Props) {
  const who = patient.displayName ?? 'this patient';
  return (
    <div role="dialog" aria-labelledby="launch-confirm-title" class="launch-confirm">
      <p id="launch-confirm-title">
        {launcher} asks fhirside to open a patient from {sourceName}:
      </p>
      <p class="launch-patient" data-nhs-number={patient.identifier.value}>
        <strong>{who}</strong>, NHS number {identifierLabel(patient.identifier)}
        {patient.birthDate && <>, born {formatDate(patient.birthDate)}</>}
      </p>
      <button type="button" onClick={onConfirm}>
        Open {who} from {sourceName}
      </button>
    </div>
  );
}
