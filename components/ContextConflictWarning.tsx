import type { ContextClaim, ContextConflict, ContextOrigin } from '../lib/context/patient-context';

interface Props {
  readonly conflict: ContextConflict | undefined;
}

const FROM: Readonly<Record<ContextOrigin, string>> = {
  selection: 'the NHS number you looked up',
  'ehr-launch': 'the EPR that launched fhirside',
  fhircast: 'the EPR session (FHIRcast)',
  page: 'this page',
};

const who = (claim: ContextClaim) => `${claim.displayName ? `${claim.displayName}, ` : ''}NHS No. ${claim.label}`;

/**
 * Two sources of context name different patients for this tab. The panel shows the one with
 * precedence, and says so in red: the clinician must check which patient is really open.
 */
export function ContextConflictWarning({ conflict }: Props) {
  if (!conflict) return null;
  return (
    <div class="warning context-conflict" role="alert" data-context-conflict={conflict.shown.origin}>
      <p>
        <strong>Check the patient.</strong> Showing {who(conflict.shown)} from {FROM[conflict.shown.origin]}, but{' '}
        {conflict.others.map((other, i) => (
          <span key={`${other.origin}${other.key}`}>
            {i > 0 && ' and '}
            {FROM[other.origin]} names {who(other)}
          </span>
        ))}
        .
      </p>
    </div>
  );
}
