/**
 * EPR 1, "Riverside PAS": a classic server-rendered hospital patient administration system. Full
 * page loads, a patient list at `/` and a patient page at `/patient/<key>` under a CUI-style banner
 * whose NHS number (`#patient-banner .nhs-number`) and date of birth (`.dob[data-dob]`) the
 * extension's context rules read.
 */
import type { RosterPatient } from '../data/roster';
import { episodeFor } from './episode';
import { cuiAge, cuiName, formatCuiDate, formatNhsNumber, genderLabel, isoDate } from './format';
import { escapeHtml as e, page } from './html';
import { STYLE } from './riverside-style';

function shell(title: string, body: string): string {
  return page({
    title: `${title} - Riverside PAS`,
    style: STYLE,
    body: `<header class="app"><a href="/">Riverside PAS</a><span>St Elsewhere Hospital - Patient Administration</span></header>
<main>${body}</main>`,
  });
}

/** @param query - free-text search over name and NHS number */
export function renderList(patients: readonly RosterPatient[], query: string, today: Date): string {
  const q = query.trim().toLowerCase();
  const digits = q.replace(/\s/g, '');
  const shown = patients.filter((p) => q === ''
    || `${p.family} ${p.given}`.toLowerCase().includes(q)
    || (/^\d+$/.test(digits) && p.nhsNumber.includes(digits)));
  const rows = shown.map((p) => {
    const episode = episodeFor(p, today);
    return `<tr><td><a href="/patient/${encodeURIComponent(p.key)}">${e(cuiName(p))}</a></td>
<td>${e(formatNhsNumber(p.nhsNumber))}</td><td>${e(formatCuiDate(p.birthDate))}</td><td>${e(genderLabel(p))}</td>
<td>${e(p.deceasedDateTime === undefined ? (episode.ward ?? 'Outpatient') : 'Deceased')}</td></tr>`;
  }).join('\n');
  return shell('Patient list', `<h1>Patient list</h1>
<form class="search" method="get" action="/"><input name="q" value="${e(query)}" aria-label="Search by name or NHS number" placeholder="Name or NHS number"><button type="submit">Search</button></form>
<table class="patients"><thead><tr><th>Name</th><th>NHS No.</th><th>Born</th><th>Gender</th><th>Location</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">No matching patients.</td></tr>'}</tbody></table>`);
}

function banner(p: RosterPatient, today: Date): string {
  const died = p.deceasedDateTime;
  const ageAt = died === undefined ? isoDate(today) : died.slice(0, 10);
  return `<div id="patient-banner" class="banner${died === undefined ? '' : ' deceased'}" data-patient-key="${e(p.key)}">
<div class="banner-name">${e(cuiName(p))}</div>
<div class="banner-fields">
<span><span class="label">Born</span> <span class="dob" data-dob="${e(p.birthDate)}">${e(formatCuiDate(p.birthDate))}</span> (${e(cuiAge(p.birthDate, ageAt))})</span>
${died === undefined ? '' : `<span><span class="label">Died</span> ${e(formatCuiDate(died))}</span>`}
<span><span class="label">Gender</span> ${e(genderLabel(p))}</span>
<span><span class="label">NHS No.</span> <span class="nhs-number">${e(formatNhsNumber(p.nhsNumber))}</span></span>
</div></div>`;
}

export function renderPatient(p: RosterPatient, today: Date): string {
  const episode = episodeFor(p, today);
  const appointments = episode.appointments.map((a) => `<tr><td>${e(formatCuiDate(a.date))}</td><td>${e(a.time)}</td><td>${e(a.clinic)}</td></tr>`).join('');
  const stay = episode.ward === undefined
    ? '<p>Not currently admitted.</p>'
    : `<p><strong>${e(episode.ward)}</strong>, admitted ${e(formatCuiDate(episode.admitted ?? ''))}</p>`;
  return shell(cuiName(p), `<p class="crumb"><a href="/">&larr; Patient list</a></p>
${banner(p, today)}
<section class="panel"><h2>Current episode</h2>${stay}
<p>Consultant: ${e(episode.consultant)} (${e(episode.specialty)})</p></section>
<section class="panel"><h2>Appointments</h2>${appointments === ''
    ? '<p>No future appointments.</p>'
    : `<table><thead><tr><th>Date</th><th>Time</th><th>Clinic</th></tr></thead><tbody>${appointments}</tbody></table>`}</section>
<section class="panel"><h2>Registration</h2><p>Registered GP: Riverside GP Practice (Y90001)</p><p>Postcode: ${e(p.postcode)}</p></section>`);
}

export function renderNotFound(): string {
  return shell('Not found', '<h1>Patient not found</h1><p><a href="/">Back to the patient list</a></p>');
}
