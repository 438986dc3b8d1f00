/**
 * SMART EHR launch of fhirside: the EPR opens `launch.html?iss=<FHIR base>&launch=<id>`; fhirside
 * signs in to that source with the launch id, and the token response names the patient (a FHIR id
 * in that source), whose Patient gives the NHS number every other source is searched by.
 * Only a configured source may launch fhirside: an unknown `iss` is never contacted.
 */
import type { PatientContext } from './patient-context';
import { contextFromPatient } from './patient-from-resource';

export interface LaunchParams {
  readonly iss: string;
  readonly launch: string;
}

/** Reads the launch parameters from the page's query string. */
export function readLaunchParams(search: string): LaunchParams | { readonly problem: string } {
  const params = new URLSearchParams(search);
  const iss = params.get('iss');
  const launch = params.get('launch');
  if (!iss || !launch) return { problem: 'This page is opened by an EPR with a SMART launch (iss and launch are missing).' };
  return { iss, launch };
}

const base = (url: string) => url.replace(/\/+$/, '');

/** The configured source whose FHIR base is `iss`, if any. */
export function sourceForIss<S extends { readonly fhirBaseUrl: string }>(sources: readonly S[], iss: string): S | undefined {
  return sources.find((s) => base(s.fhirBaseUrl) === base(iss));
}

/** What a completed launch sign-in gives: the token response and a way to read the patient. */
export interface LaunchSession {
  readonly tokenResponse: Readonly<Record<string, unknown>>;
  readonly readPatient: (id: string) => Promise<unknown>;
}

export type LaunchResult =
  | { readonly context: PatientContext; readonly hub?: { readonly hubUrl: string; readonly topic: string } }
  | { readonly problem: string };

/**
 * The patient context a launch names, and the FHIRcast session its token response offers.
 * @param iss - the launching source's FHIR base, recorded as where the context came from
 */
export async function contextFromLaunch(session: LaunchSession, iss: string): Promise<LaunchResult> {
  const { tokenResponse } = session;
  const patientId = tokenResponse['patient'];
  if (typeof patientId !== 'string' || patientId === '') return { problem: 'The EPR\'s launch named no patient.' };
  let resource: unknown;
  try {
    resource = await session.readPatient(patientId);
  } catch {
    return { problem: 'The launched patient could not be read from the EPR\'s FHIR server.' };
  }
  const context = contextFromPatient(resource, 'ehr-launch', iss);
  if ('problem' in context) return { problem: `fhirside cannot look up the launched patient: ${context.problem}.` };
  const hubUrl = tokenResponse['hub.url'];
  const topic = tokenResponse['hub.topic'];
  return typeof hubUrl === 'string' && typeof topic === 'string' ? { context, hub: { hubUrl, topic } } : { context };
}
