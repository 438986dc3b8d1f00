/**
 * Cross-source merge of facts (allergies, problems, medicines, procedures, immunisations, visits).
 * A merged row owns every resource it stands for, so no fact is lost; a row takes at most one
 * resource per source, so two entries in one system (two episodes, a deliberate re-entry) are
 * never folded together on fhirside's guess.
 */
import { normaliseText } from './codeable-text';
import type { FactRule } from './match-rules';
import type { SummaryRow } from './model';

interface Cluster {
  readonly rows: SummaryRow[];
  readonly conflicts: Map<number, string>;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

function pickDate(dates: readonly (string | undefined)[], which: FactRule['date']): string | undefined {
  const known = dates.filter((d): d is string => Boolean(d)).sort();
  return which === 'earliest' ? known[0] : known[known.length - 1];
}

/** One row for a cluster of agreeing rows from different sources. */
function mergedRow(rows: readonly SummaryRow[], rule: FactRule): SummaryRow {
  const head = rows[0]!;
  if (rows.length === 1) return head;
  const tags = unique(rows.flatMap((r) => r.tags ?? []));
  const items = unique(rows.flatMap((r) => r.items ?? []));
  const ends = rows.map((r) => r.end);
  // Different words for one coded fact are all shown: a merge must never hide how a source named it.
  const names = unique(rows.flatMap((r) => r.names ?? [r.text]));
  const distinct = new Set(names.map(normaliseText)).size > 1;
  return {
    ...head,
    ...(distinct ? { names } : {}),
    sources: rows.flatMap((r) => r.sources),
    codes: unique(rows.flatMap((r) => r.codes)),
    detail: head.detail ?? rows.find((r) => r.detail)?.detail,
    date: pickDate(rows.map((r) => r.date), rule.date),
    end: ends.some((e) => !e) ? undefined : pickDate(ends, 'latest'),
    alert: rows.some((r) => r.alert) || undefined,
    items: items.length > 0 ? items : undefined,
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/**
 * Merges one section's rows across sources by `rule`; disagreeing look-alikes stay separate and
 * are marked as a conflict naming each other.
 * @param rows - every source's rows for the section, in a stable source order
 */
export function mergeFacts(rows: readonly SummaryRow[], rule: FactRule): SummaryRow[] {
  const clusters: Cluster[] = [];
  for (const row of rows) {
    const disagreeing = new Map<number, string>();
    const home = clusters.findIndex((cluster, index) => {
      if (cluster.rows.some((r) => r.sourceId === row.sourceId)) return false;
      if (!cluster.rows.some((r) => rule.same(r, row))) return false;
      const why = cluster.rows.map((r) => rule.disagreement(r, row)).find(Boolean);
      if (why) disagreeing.set(index, why);
      return !why;
    });
    if (home >= 0) {
      clusters[home]!.rows.push(row);
      continue;
    }
    const index = clusters.push({ rows: [row], conflicts: disagreeing }) - 1;
    for (const [other, why] of disagreeing) clusters[other]!.conflicts.set(index, why);
  }
  const merged = clusters.map((c) => mergedRow(c.rows, rule));
  return clusters.map((cluster, i) => {
    if (cluster.conflicts.size === 0) return merged[i]!;
    const others = [...cluster.conflicts.keys()].map((j) => merged[j]!.id);
    return { ...merged[i]!, conflict: { with: others, reason: unique([...cluster.conflicts.values()]).join('; ') } };
  });
}
