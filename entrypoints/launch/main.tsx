import type Client from 'fhirclient/lib/Client';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LaunchStatus, type LaunchState } from '@/components/LaunchStatus';
import { loadEffectiveConfig } from '@/lib/config/effective-config';
import { contextFromLaunch, readLaunchParams, sourceForIss, type LaunchParams } from '@/lib/context/ehr-launch';
import { message, type Reply } from '@/lib/messaging';
import { sessionStore } from '@/lib/platform/session-store';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { signIn, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';
import '../sidepanel/style.css';

// SMART EHR launch (launch.html?iss=…&launch=…): sign in with the launch id, name the EPR tab's
// patient to the background, then become the panel pinned to that tab.
const root = document.getElementById('app')!;
const auth: SmartAuthDeps = { store: sessionStore(), launchWebAuthFlow, redirectUri: redirectUri() };
const show = (state: LaunchState, retry: () => void = () => {}) => render(<LaunchStatus state={state} onSignIn={retry} />, root);

async function finish(client: Client, source: SourceConfig, params: LaunchParams): Promise<void> {
  show({ step: 'working', what: `Reading the patient from ${source.name}…` });
  const result = await contextFromLaunch(
    { tokenResponse: (client.state.tokenResponse ?? {}) as Record<string, unknown>, readPatient: (id) => client.request(`Patient/${encodeURIComponent(id)}`) },
    params.iss,
  );
  if ('problem' in result) return show({ step: 'failed', problem: result.problem });
  // The EPR tab that opened this page is the tab whose patient this is.
  const tabId = (await browser.tabs.getCurrent())?.openerTabId;
  if (tabId === undefined) return show({ step: 'failed', problem: 'fhirside cannot tell which EPR tab launched it. Launch it again from the EPR.' });
  const reply = (await browser.runtime.sendMessage(message('ehr-launch', { tabId, context: result.context, hub: result.hub }))) as Reply<'ehr-launch'>;
  if (!reply.ok) return show({ step: 'failed', problem: reply.problem ?? 'The launch could not be completed.' });
  location.replace(browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`));
}

async function main(): Promise<void> {
  const params = readLaunchParams(location.search);
  if ('problem' in params) return show({ step: 'failed', problem: params.problem });
  const source = sourceForIss((await loadEffectiveConfig()).sources, params.iss);
  if (!source) return show({ step: 'failed', problem: `fhirside is not set up for ${params.iss}, so it will not sign in there.` });
  show({ step: 'working', what: `Signing in to ${source.name}…` });
  const complete = (client: Client) => finish(client, source, params).catch(() => show({ step: 'failed', problem: 'The launch could not be completed.' }));
  try {
    await complete(await signIn(auth, source, false, { launch: params.launch }));
  } catch {
    // Not signed in yet: an interactive sign-in must follow the clinician's click.
    show({ step: 'sign-in', sourceName: source.name }, () => {
      show({ step: 'working', what: `Signing in to ${source.name}…` });
      signIn(auth, source, true, { launch: params.launch }).then(complete, () => show({ step: 'failed', problem: `Sign-in to ${source.name} did not complete.` }));
    });
  }
}

void main();
