/**
 * What an authorization waiting at the sign-in step asks for: which client, which FHIR server,
 * which scopes, and where its patient comes from (an EHR launch, the picker, or nowhere).
 */
import type { Interaction } from 'oidc-provider';
import type { EhrLaunches } from './launch';
import type { PickerPatient } from './login-page';
import { asksForPatientPick } from './smart-scopes';

export interface PendingRequest {
  readonly clientId: string;
  readonly audience: string;
  readonly scope: string;
  /** The patient an EHR launch named; no picker then. */
  readonly launchPatient?: string;
  /** Set when the clinician has to pick the patient (standalone launch with launch/patient). */
  readonly picker?: readonly PickerPatient[];
}

/**
 * @param interaction - the pending authorization, as oidc-provider stored it
 * @param launches - EHR launch ids, to resolve `launch` to its patient
 * @param pickerFor - the patients offered for an audience
 */
export function describeRequest(
  interaction: Interaction, launches: EhrLaunches, pickerFor: (audience: string) => readonly PickerPatient[],
): PendingRequest {
  const param = (name: string) => {
    const value = interaction.params[name];
    return typeof value === 'string' ? value : '';
  };
  const launch = param('launch');
  const launchPatient = launch === '' ? undefined : launches.patientFor(launch);
  const needsPick = launchPatient === undefined && asksForPatientPick(param('scope'));
  return {
    clientId: param('client_id'),
    audience: param('aud'),
    scope: param('scope'),
    ...(launchPatient === undefined ? {} : { launchPatient }),
    ...(needsPick ? { picker: pickerFor(param('aud')) } : {}),
  };
}

