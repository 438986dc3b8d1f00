/**
 * An imaging report and the study it reports on are one event for a clinician: one row owning
 * both resources, so the study's images and the radiologist's conclusion are read together.
 */
import type { FhirResource } from '../fhir/resource';
import { join, objs, str } from './fields';
import type { SummaryRow } from './model';

/**
 * Folds each study into the report that references it (same source only).
 * @param reports - the source's DiagnosticReports with their row references
 */
export function foldImaging(rows: readonly SummaryRow[], reports: readonly (readonly [FhirResource, string])[]): SummaryRow[] {
  const studiesOf = new Map<string, string[]>();
  for (const [report, ref] of reports) {
    const studies = objs(report, 'imagingStudy').map((s) => str(s, 'reference')?.replace(/^.*\/(ImagingStudy\/[^/]+)$/, '$1')).filter((s): s is string => Boolean(s));
    if (studies.length > 0) studiesOf.set(ref, studies);
  }
  const folded = new Set<string>();
  const out = rows.map((row) => {
    const studyRefs = studiesOf.get(row.sources[0]?.ref ?? '');
    if (!studyRefs) return row;
    const studies = rows.filter((r) => r !== row && studyRefs.includes(r.sources[0]?.ref ?? '') && !folded.has(r.id));
    studies.forEach((s) => folded.add(s.id));
    if (studies.length === 0) return row;
    return {
      ...row,
      sources: [...row.sources, ...studies.flatMap((s) => s.sources)],
      items: [...studies.map((s) => join([s.text, s.detail]) ?? s.text), ...(row.items ?? [])],
    };
  });
  return out.filter((row) => !folded.has(row.id));
}
