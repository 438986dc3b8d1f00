interface Props {
  readonly onContinue: () => void;
}

/** The blanked panel after a spell without use: no patient, no record, one button to carry on. */
export function IdleLock({ onContinue }: Props) {
  return (
    <main class="panel idle-lock" aria-label="fhirside paused">
      <p role="status">
        <strong>Paused.</strong> Nothing was done in this panel for a while, so the patient's record is hidden.
      </p>
      <button type="button" class="primary" onClick={onContinue}>
        Continue
      </button>
    </main>
  );
}
