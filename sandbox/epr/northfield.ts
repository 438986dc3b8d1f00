/**
 * EPR 2, "Northfield ClinicalWorks": a single-page app. The server sends one shell for every
 * `/app/...` path (deep links survive a reload) with the patient list as JSON; the script
 * (northfield-app.js) routes with history.pushState, so switching patient never loads a page.
 * The NHS number is never shown on this site: it is only in routes (`/app/patient/<nhsNumber>`,
 * also the `path` of each entry in the JSON island) and in `data-nhs-number` on the patient
 * header, which is what the extension has to watch. A scan of body.textContent would meet the
 * routes inside the JSON island; the visible page is `.cw`.
 */
import { SOURCES, type SourceId } from '../config';
import { mrn } from '../data/builders/patient';
import type { RosterPatient } from '../data/roster';
import { episodeFor } from './episode';
import { jsonForScript, page } from './html';
import { STYLE } from './northfield-style';

const ACUTE = SOURCES.find((s) => s.id === 'acute')!;

/** What EPR 2 is wired to besides itself: a FHIRcast hub, and fhirside's SMART EHR launch. */
export interface EprIntegration {
  readonly fhircast?: { readonly hubUrl: string; readonly topic: string };
  readonly launch?: {
    /** The authorization server that mints launch ids (`POST /launch`). */
    readonly authUrl: string;
    /** fhirside's launch URL, absolute or on this site; `?iss=…&launch=…` is added. */
    readonly appLaunchUrl: string;
    readonly fhirBaseUrls: Partial<Record<SourceId, string>>;
  };
}

/** The hospital's own record first: the launch names the patient in the server that knows them. */
function launchTarget(p: RosterPatient, bases: Partial<Record<SourceId, string>>) {
  const source = (['acute', 'gp', 'mh'] as const).find((id) => p.sources.includes(id) && bases[id]);
  return source ? { iss: bases[source]!, patient: `${p.key}-${source}` } : undefined;
}

/** What the app needs per patient. The NHS number travels only inside `path`. */
function appRecord(p: RosterPatient, today: Date, integration: EprIntegration | undefined) {
  const episode = episodeFor(p, today);
  const launch = integration?.launch && launchTarget(p, integration.launch.fhirBaseUrls);
  return {
    ...(launch && { launch }),
    path: `/app/patient/${p.nhsNumber}`,
    family: p.family,
    given: p.given,
    ...(p.prefix === undefined ? {} : { prefix: p.prefix }),
    gender: p.gender,
    birthDate: p.birthDate,
    ...(p.deceasedDateTime === undefined ? {} : { deceased: p.deceasedDateTime.slice(0, 10) }),
    mrn: mrn(ACUTE, p),
    postcode: p.postcode,
    specialty: episode.specialty,
    consultant: episode.consultant,
    ...(episode.ward === undefined ? {} : { ward: episode.ward }),
    appointments: episode.appointments,
  };
}


/** The same shell for `/app` and every route under it. */
export function renderShell(patients: readonly RosterPatient[], today: Date, integration?: EprIntegration): string {
  const wiring = { fhircast: integration?.fhircast, launch: integration?.launch && { authUrl: integration.launch.authUrl, appLaunchUrl: integration.launch.appLaunchUrl } };
  return page({
    title: 'ClinicalWorks',
    style: STYLE,
    body: `<div class="cw">
<nav class="side" aria-label="Main">
<div class="brand">Northfield <b>ClinicalWorks</b></div>
<a href="/app" data-route>My patients</a>
<span class="muted">Clinics</span><span class="muted">Referrals</span><span class="muted">Messages</span>
<h3>Recent patients</h3><div id="recent"></div>
</nav>
<div class="content">
<div class="topbar"><span>St Elsewhere Hospital</span><span>Dr Alex Morgan</span></div>
<main id="view" aria-live="polite"><p>Loading...</p></main>
</div>
</div>
<script type="application/json" id="cw-patients">${jsonForScript(patients.map((p) => appRecord(p, today, integration)))}</script>
<script type="application/json" id="cw-integration">${jsonForScript(wiring)}</script>
<script src="/integration.js"></script>
<script src="/app.js"></script>`,
  });
}

/** What the launch URL shows when fhirside has not redirected it to its launch page. */
export function renderLaunchNotRedirected(): string {
  return page({
    title: 'fhirside did not open - ClinicalWorks',
    style: STYLE,
    body: '<main class="cw launch-not-redirected"><h1>fhirside did not open</h1><p>fhirside is not installed in this browser, or not set up to be launched from this page.</p></main>',
  });
}
