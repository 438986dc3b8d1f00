/**
 * EPR 2, "Northfield ClinicalWorks": a single-page app. The server sends one shell for every
 * `/app/...` path (deep links survive a reload) with the patient list as JSON; the script
 * (northfield-app.js) routes with history.pushState, so switching patient never loads a page.
 * The NHS number is never shown on this site: it is only in routes (`/app/patient/<nhsNumber>`,
 * also the `path` of each entry in the JSON island) and in `data-nhs-number` on the patient
 * header, which is what the extension has to watch. A scan of body.textContent would meet the
 * routes inside the JSON island; the visible page is `.cw`.
 */
import { SOURCES } from '../config';
import { mrn } from '../data/builders/patient';
import type { RosterPatient } from '../data/roster';
import { episodeFor } from './episode';
import { jsonForScript, page } from './html';
import { STYLE } from './northfield-style';

const ACUTE = SOURCES.find((s) => s.id === 'acute')!;

/** What the app needs per patient. The NHS number travels only inside `path`. */
function appRecord(p: RosterPatient, today: Date) {
  const episode = episodeFor(p, today);
  return {
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
export function renderShell(patients: readonly RosterPatient[], today: Date): string {
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
<script type="application/json" id="cw-patients">${jsonForScript(patients.map((p) => appRecord(p, today)))}</script>
<script src="/app.js"></script>`,
  });
}
