import type Client from 'fhirclient/lib/Client';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LaunchStatus, type LaunchState } from '@/components/LaunchStatus';
import { loadEffectiveConfig, type EffectiveConfig } from '@/lib/config/effective-config';
import { contextFromLaunch, readLaunchParams, sourceForIss, type LaunchParams } from '@/lib/context/ehr-launch';
import { mayLaunch } from '@/lib/context/launch-origin';
import { message, type Reply } from '@/lib/messaging';
import { sessionStore } from '@/lib/platform/session-store';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { launchSlot, settleLaunchSession } from '@/lib/sources/launch-slot';
import { signIn, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';
import '../sidepanel/style.css';

// SMART EHR launch (launch.html?iss=…&launch=…): check who opened the page, sign in with the launch
// id in a slot of its own, show the clinician whom the launch names and, on their click, name the
// EPR tab's patient to the background and become the panel pinned to that tab.
const root = document.getElementById('app')!;
const auth: SmartAuthDeps = { store: sessionStore(), launchWebAuthFlow, redirectUri: redirectUri() };
const show = (state: LaunchState, retry: () => void = () => {}, confirm?: () => void) =>
  render(<LaunchStatus state={state} onSignIn={retry} {...(confirm && { onConfirm: confirm })} />, root);
const fail = (problem: string) => show({ step: 'failed', problem });

/** The EPR tab that opened this page, when it is one fhirside may be launched from. */
async function launchingTab(config: EffectiveConfig): Promise<{ id: number; url: string } | { problem: string }> {
  const id = (await browser.tabs.getCurrent())?.openerTabId;
  const url = id === undefined ? undefined : (await browser.tabs.get(id).catch(() => undefined))?.url;
  if (id === undefined || !url) return { problem: 'fhirside cannot tell which EPR tab launched it. Launch it again from the EPR.' };
  if (!mayLaunch(config.contextRules, config.launchOrigins ?? [], url)) {
    return { problem: `fhirside opens a patient only for an EPR it is set up for, and ${new URL(url).host || 'this page'} is not one.` };
  }
  return { id, url };
}

/** Names the confirmed patient to the background for the EPR tab, then becomes that tab's panel. */
async function apply(config: EffectiveConfig, source: SourceConfig, launched: Extract<Awaited<ReturnType<typeof contextFromLaunch>>, { context: unknown }>): Promise<void> {
  // Checked again at the click: the EPR tab may have gone elsewhere while the page waited.
  const tab = await launchingTab(config);
  if ('problem' in tab) return fail(tab.problem);
  await settleLaunchSession(auth.store, source);
  // The launch's FHIRcast session is the launching source's: its token is what the hub accepts.
  const hub = launched.hub && { ...launched.hub, sourceId: source.id };
  const reply = (await browser.runtime.sendMessage(message('ehr-launch', { tabId: tab.id, context: launched.context, hub }))) as Reply<'ehr-launch'>;
  if (!reply.ok) return fail(reply.problem ?? 'The launch could not be completed.');
  location.replace(browser.runtime.getURL(`/sidepanel.html?tab=${tab.id}`));
}

/** Reads the launch patient and asks the clinician to confirm it; nothing changes before that click. */
async function confirmPatient(client: Client, config: EffectiveConfig, source: SourceConfig, params: LaunchParams, launcher: string): Promise<void> {
  show({ step: 'working', what: `Reading the patient from ${source.name}…` });
  const launched = await contextFromLaunch(
    { tokenResponse: (client.state.tokenResponse ?? {}) as Record<string, unknown>, readPatient: (id) => client.request(`Patient/${encodeURIComponent(id)}`) },
    params.iss,
  );
  if ('problem' in launched) return fail(launched.problem);
  const { identifier, displayName, birthDate } = launched.context;
  const patient = { identifier, ...(displayName && { displayName }), ...(birthDate && { birthDate }) };
  show({ step: 'confirm', sourceName: source.name, launcher, patient }, undefined, () => {
    show({ step: 'working', what: 'Opening the patient…' });
    apply(config, source, launched).catch(() => fail('The launch could not be completed.'));
  });
}

async function main(): Promise<void> {
  // Framed, a page could dress the launch up as its own and borrow the clinician's click.
  if (window.top !== window) return fail('fhirside\'s launch page does not run inside another page.');
  const params = readLaunchParams(location.search);
  if ('problem' in params) return fail(params.problem);
  const config = await loadEffectiveConfig();
  const source = sourceForIss(config.sources, params.iss);
  if (!source) return fail(`fhirside is not set up for ${params.iss}, so it will not sign in there.`);
  const tab = await launchingTab(config);
  if ('problem' in tab) return fail(tab.problem);
  const launcher = new URL(tab.url).host;
  // The launch signs in in a slot of its own: the source's standing session is never cleared by it.
  const slot = launchSlot(source);
  show({ step: 'working', what: `Signing in to ${source.name}…` });
  const next = (client: Client) => confirmPatient(client, config, source, params, launcher).catch(() => fail('The launch could not be completed.'));
  try {
    await next(await signIn(auth, slot, false, { launch: params.launch }));
  } catch {
    // Not signed in yet: an interactive sign-in must follow the clinician's click.
    show({ step: 'sign-in', sourceName: source.name }, () => {
      show({ step: 'working', what: `Signing in to ${source.name}…` });
      signIn(auth, slot, true, { launch: params.launch }).then(next, () => fail(`Sign-in to ${source.name} did not complete.`));
    });
  }
}

void main();
