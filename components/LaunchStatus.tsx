import { LaunchConfirm, type LaunchPatient } from './LaunchConfirm';

/** Where a SMART EHR launch of fhirside has got to, as the launch page shows it. */
export type LaunchState =
  | { readonly step: 'working'; readonly what: string }
  | { readonly step: 'confirm'; readonly sourceName: string; readonly launcher: string; readonly patient: LaunchPatient }
  | { readonly step: 'sign-in'; readonly sourceName: string }
  | { readonly step: 'failed'; readonly problem: string };

interface Props {
  readonly state: LaunchState;
  readonly onSignIn: () => void;
  /** The clinician confirmed the patient the launch named. */
  readonly onConfirm?: () => void;
}

/** The launch page's one message (and the sign-in button when the source needs a sign-in). */
export function LaunchStatus({ state, onSignIn, onConfirm = () => {} }: Props) {
  switch (state.step) {
    case 'confirm':
      return <LaunchConfirm sourceName={state.sourceName} launcher={state.launcher} patient={state.patient} onConfirm={onConfirm} />;
    case 'working':
      return <p role="status" class="launch-working">{state.what}</p>;
    case 'sign-in':
      return (
        <div role="status" class="launch-sign-in">
          <p>Sign in to {state.sourceName} to open the patient your EPR launched.</p>
          <button type="button" onClick={onSignIn}>
            Sign in to {state.sourceName}
          </button>
        </div>
      );
    case 'failed':
      return (
        <div role="alert" class="warning launch-failed">
          <p>{state.problem}</p>
        </div>
      );
  }
}
