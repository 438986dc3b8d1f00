/**
 * EPR 3, "Harbour Care Record": a shared care record viewer that shows the patient inside an
 * iframe (`/frame/<key>`) under a top page (`/record/<key>`) whose side column lists the GP's
 * other patients with their NHS numbers; the framed record names a next of kin with theirs.
 * Nothing on it says which number is the patient's to a machine that has not been taught: it is
 * the demo for the rule builder, and its URLs carry no NHS number.
 */
import type { RosterPatient } from '../data/roster';
import { cuiName, formatCuiDate, formatNhsNumber, genderLabel } from './format';
import { escapeHtml as e, page } from './html';
import { FRAME_STYLE, STYLE } from './harbour-style';

export const HARBOUR_PRODUCT = { name: 'Harbour Care Record', version: '4.2.1' } as const;

/** Who else the page shows beside a patient: a next of kin and the GP's list, all other roster patients. */
export function othersShownWith(patients: readonly RosterPatient[], p: RosterPatient): { nextOfKin: RosterPatient; gpList: RosterPatient[] } {
  const at = patients.indexOf(p);
  const other = (offset: number) => patients[(at + offset) % patients.length]!;
  return { nextOfKin: other(5), gpList: [1, 2, 3, 4].map(other) };
}

const head = `<meta name="application-name" content="${HARBOUR_PRODUCT.name}">
<meta name="generator" content="${HARBOUR_PRODUCT.name} ${HARBOUR_PRODUCT.version}">`;

function shell(title: string, body: string): string {
  return page({
    title: `${title} - ${HARBOUR_PRODUCT.name}`,
    style: STYLE,
    head,
    body: `<header class="app"><a href="/">${HARBOUR_PRODUCT.name}</a><span>Harbour Integrated Care - shared record</span></header>${body}`,
  });
}

const recordLink = (p: RosterPatient) => `/record/${encodeURIComponent(p.key)}`;

export function renderHarbourList(patients: readonly RosterPatient[]): string {
  const rows = patients.map((p) => `<tr><td><a href="${recordLink(p)}">${e(cuiName(p))}</a></td><td>${e(formatCuiDate(p.birthDate))}</td></tr>`).join('\n');
  return shell('Patients', `<div class="layout"><main><h1>Patients</h1>
<table class="patients"><thead><tr><th>Name</th><th>Born</th></tr></thead><tbody>${rows}</tbody></table></main></div>`);
}

/** The top page: navigation, the framed record, and the GP's list with other people's NHS numbers. */
export function renderHarbourRecord(patients: readonly RosterPatient[], p: RosterPatient): string {
  const at = patients.indexOf(p);
  const previous = patients[(at + patients.length - 1) % patients.length]!;
  const next = patients[(at + 1) % patients.length]!;
  const { gpList } = othersShownWith(patients, p);
  const listed = gpList.map((o) => `<tr><td>${e(cuiName(o))}</td><td class="nhs">${e(formatNhsNumber(o.nhsNumber))}</td></tr>`).join('');
  return shell(cuiName(p), `<div class="layout"><main>
<nav class="record-nav" aria-label="Patients"><a href="/">Patient list</a><a href="${recordLink(previous)}" rel="prev">Previous patient</a><a href="${recordLink(next)}" rel="next">Next patient</a></nav>
<iframe class="record" title="Patient record" src="/frame/${encodeURIComponent(p.key)}"></iframe>
</main>
<aside class="gp-list"><h2>Riverside GP Practice: today's list</h2>
<table><thead><tr><th>Patient</th><th>NHS No.</th></tr></thead><tbody>${listed}</tbody></table></aside></div>`);
}

const facts = (rows: readonly (readonly [string, string, string?])[]) =>
  `<dl>${rows.map(([label, value, cls]) => `<dt>${e(label)}</dt><dd${cls ? ` class="${cls}"` : ''}>${e(value)}</dd>`).join('')}</dl>`;

/** The framed record: the patient's details (NHS number spaced 3-3-4), then the next of kin's. */
export function renderHarbourFrame(patients: readonly RosterPatient[], p: RosterPatient): string {
  const { nextOfKin } = othersShownWith(patients, p);
  return page({
    title: `Record of ${cuiName(p)}`,
    style: FRAME_STYLE,
    body: `<section class="card" id="patient-details"><h1>${e(cuiName(p))}</h1>${facts([
      ['Date of birth', formatCuiDate(p.birthDate), 'dob'],
      ['Gender', genderLabel(p)],
      ['NHS Number', formatNhsNumber(p.nhsNumber), 'nhs'],
      ['Postcode', p.postcode],
    ])}</section>
<section class="card" id="next-of-kin"><h2>Next of kin</h2>${facts([
      ['Name', cuiName(nextOfKin)],
      ['Date of birth', formatCuiDate(nextOfKin.birthDate), 'dob'],
      ['NHS Number', formatNhsNumber(nextOfKin.nhsNumber), 'nhs'],
    ])}</section>
<section class="card"><h2>Registered GP</h2><p>Riverside GP Practice (Y90001)</p></section>`,
  });
}

export function renderHarbourNotFound(): string {
  return shell('Not found', '<div class="layout"><main><h1>Patient not found</h1><p><a href="/">Back to the patient list</a></p></main></div>');
}
