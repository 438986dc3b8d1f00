/**
 * Lenses: the same summary, reordered for a service. A lens puts what that service looks for
 * first (a focus block) and collapses the sections it rarely needs; it never removes a row, and
 * allergies stay first and open in every lens.
 */
import type { SectionId, Summary, SummaryRow, Tag } from './model';
import { SECTION_ORDER } from './model';
import { NOT_LOADED_YET, sectionAnswered } from './answered';

export type LensId = 'general' | 'cancer' | 'mental-health';

export const LENSES: readonly { readonly id: LensId; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'cancer', label: 'Cancer' },
  { id: 'mental-health', label: 'Mental health' },
];

export interface FocusGroup {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly SummaryRow[];
  /** Said when the group is empty, so absence is stated rather than implied. */
  readonly emptyText: string;
}

export interface LensSection {
  readonly id: SectionId;
  readonly rows: readonly SummaryRow[];
  readonly collapsed: boolean;
}

export interface LensView {
  readonly lens: LensId;
  readonly focus: readonly FocusGroup[];
  readonly sections: readonly LensSection[];
}

interface GroupSpec {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly Tag[];
  readonly sections: readonly SectionId[];
  /** Shown only when the patient has a row with this tag (e.g. lithium monitoring needs lithium). */
  readonly onlyWith?: Tag;
}

interface LensSpec {
  readonly groups: readonly GroupSpec[];
  readonly order: readonly SectionId[];
  readonly collapsed: readonly SectionId[];
}

const NOTHING = 'None found in the sources that answered';

const SPECS: Record<LensId, LensSpec> = {
  general: { groups: [], order: SECTION_ORDER, collapsed: [] },
  cancer: {
    groups: [
      { id: 'cancer-diagnoses', title: 'Cancer diagnoses and stage', tags: ['cancer-diagnosis'], sections: ['problems'] },
      { id: 'staging', title: 'TNM staging', tags: ['cancer-stage'], sections: ['results'] },
      { id: 'mdt', title: 'MDT outcomes', tags: ['mdt-outcome'], sections: ['results', 'imaging'] },
      { id: 'tumour-markers', title: 'Tumour markers', tags: ['tumour-marker'], sections: ['results'] },
      { id: 'treatment', title: 'Chemotherapy, radiotherapy and cancer medicines', tags: ['cancer-treatment'], sections: ['medications', 'procedures'] },
      { id: 'performance', title: 'Performance status', tags: ['performance-status'], sections: ['results'] },
    ],
    // Family history bears on cancer risk and genetics referral; devices rarely change the plan.
    order: ['allergies', 'alerts', 'decisions', 'problems', 'medications', 'results', 'imaging', 'procedures', 'familyhistory', 'documents', 'encounters', 'careplans', 'vitals', 'immunizations', 'devices'],
    collapsed: ['vitals', 'immunizations', 'encounters', 'devices'],
  },
  'mental-health': {
    groups: [
      { id: 'risk', title: 'Risk and safety alerts', tags: ['risk-flag'], sections: ['alerts'] },
      { id: 'mha', title: 'Mental Health Act status', tags: ['mha-status'], sections: ['alerts', 'problems', 'results'] },
      { id: 'crisis', title: 'Crisis and care plans', tags: ['crisis-plan'], sections: ['careplans'] },
      { id: 'coordinator', title: 'Care coordinator and team', tags: ['care-coordinator'], sections: ['careplans'] },
      { id: 'lithium', title: 'Lithium monitoring', tags: ['lithium', 'lithium-monitoring'], sections: ['alerts', 'medications', 'results'], onlyWith: 'lithium' },
      { id: 'clozapine', title: 'Clozapine monitoring', tags: ['clozapine', 'clozapine-monitoring'], sections: ['alerts', 'medications', 'results'], onlyWith: 'clozapine' },
    ],
    order: ['allergies', 'alerts', 'decisions', 'problems', 'medications', 'careplans', 'results', 'encounters', 'documents', 'vitals', 'procedures', 'imaging', 'immunizations', 'familyhistory', 'devices'],
    collapsed: ['imaging', 'immunizations', 'procedures', 'familyhistory', 'devices'],
  },
};

const tagged = (row: SummaryRow, tags: readonly Tag[]) => (row.tags ?? []).some((t) => tags.includes(t));

/** Rows the lens cares about first, otherwise the section's own order. */
function prioritise(rows: readonly SummaryRow[], tags: readonly Tag[]): SummaryRow[] {
  if (tags.length === 0) return [...rows];
  return [...rows.filter((r) => tagged(r, tags)), ...rows.filter((r) => !tagged(r, tags))];
}

/**
 * The summary through a lens.
 * @param summary - the merged summary (any patient filtering already done)
 */
export function applyLens(summary: Summary, lens: LensId): LensView {
  const spec = SPECS[lens];
  const all = SECTION_ORDER.flatMap((id) => summary.sections[id] ?? []);
  const focus = spec.groups
    .filter((g) => !g.onlyWith || all.some((r) => r.active && tagged(r, [g.onlyWith!])))
    .map((g) => ({
      id: g.id,
      title: g.title,
      rows: g.sections.flatMap((id) => (summary.sections[id] ?? []).filter((r) => tagged(r, g.tags))),
      emptyText: g.sections.some((id) => sectionAnswered(summary, id)) ? NOTHING : NOT_LOADED_YET,
    }));
  const lensTags = spec.groups.flatMap((g) => g.tags);
  // Allergies first and open whatever a lens says: they are never put out of sight.
  const order: SectionId[] = ['allergies', ...spec.order.filter((id) => id !== 'allergies')];
  return {
    lens,
    focus,
    sections: order.map((id) => ({ id, rows: prioritise(summary.sections[id] ?? [], lensTags), collapsed: id !== 'allergies' && spec.collapsed.includes(id) })),
  };
}

/** True for a known lens id (a stored choice or a policy value may be stale). */
export function isLensId(value: unknown): value is LensId {
  return LENSES.some((l) => l.id === value);
}
