/**
 * The summary as plain text, for a letter or a referral: banner, then each section in the lens's
 * order, every row with its sources, conflicts spelled out. Nothing collapsed is left out: a copy
 * that silently dropped a section would read as complete.
 */
import { NOT_LOADED_YET, sectionAnswered } from './answered';
import { formatDate } from './display-date';
import type { LensView } from './lens';
import type { Banner, Summary, SummaryRow } from './model';
import { SECTION_TITLES } from './model';

function bannerLines(banner: Banner): string[] {
  const name = banner.family ? `${banner.family.toUpperCase()}${banner.given ? `, ${banner.given}` : ''}${banner.prefix ? ` (${banner.prefix})` : ''}` : 'Name not known';
  const nhs = banner.nhsNumber ? `NHS No. ${banner.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}` : undefined;
  const born = banner.birthDate ? `Born ${formatDate(banner.birthDate)}` : undefined;
  const deceased = banner.deceasedDate ? `Deceased${banner.deceasedDate === 'unknown' ? '' : ` ${formatDate(banner.deceasedDate)}`}` : undefined;
  return [name, [born, banner.gender, nhs, deceased].filter(Boolean).join(' | ')];
}

function rowLine(row: SummaryRow, sourceNames: Readonly<Record<string, string>>): string {
  const latest = row.result?.points[0];
  const value = latest
    ? `${latest.display}${latest.flag ? ` (${latest.flag})` : ''}${latest.status ? ` (${latest.status})` : ''}${latest.range ? `, range ${latest.range}` : ''}${latest.otherRanges ? `, other ranges ${latest.otherRanges.join('; ')}` : ''}`
    : undefined;
  const when = row.date ? `${row.statement ? 'recorded ' : ''}${formatDate(row.date)}` : undefined;
  const status = row.removed ? `${row.removed.words}${row.removed.at ? ` ${formatDate(row.removed.at)}` : ''}${row.removed.by ? ` by ${row.removed.by}` : ''}` : row.status && (!row.active || row.status === 'refuted') ? row.status : undefined;
  const from = [...new Set(row.sources.map((s) => sourceNames[s.sourceId] ?? s.sourceId))].join(', ');
  const names = row.names && `also recorded as ${row.names.filter((n) => n !== row.text).join('; ')}`;
  const parts = [row.text, value, row.detail, names, status, when].filter(Boolean).join(' - ');
  return `- ${parts} [${from}]${row.conflict ? ` CONFLICT: ${row.conflict.reason}` : ''}`;
}

/**
 * Plain text of a summary as seen through a lens.
 * @param generatedAt - shown so the copy carries its own age
 */
export function summaryAsText(summary: Summary, view: LensView, sourceNames: Readonly<Record<string, string>>, generatedAt: string): string {
  const lines = [...bannerLines(summary.banner), `Summary from ${summary.sourceIds.map((id) => sourceNames[id] ?? id).join(', ') || 'no source'}, ${generatedAt}`, ''];
  for (const group of view.focus) {
    lines.push(`${group.title}:`, ...(group.rows.length ? group.rows.map((r) => rowLine(r, sourceNames)) : [`- ${group.emptyText}`]), '');
  }
  for (const section of view.sections) {
    const gap = summary.incomplete[section.id];
    lines.push(`${SECTION_TITLES[section.id]} (${section.rows.filter((r) => !r.statement).length}):`);
    if (gap) lines.push(`- May be incomplete: ${gap}`);
    lines.push(...(section.rows.length ? section.rows.map((r) => rowLine(r, sourceNames)) : [`- ${sectionAnswered(summary, section.id) ? 'None recorded in the sources that answered' : NOT_LOADED_YET}`]));
    const removed = summary.removed?.[section.id] ?? [];
    if (removed.length > 0) lines.push(`  Removed by the source (${removed.length}), not current:`, ...removed.map((r) => `  ${rowLine(r, sourceNames)}`));
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}
