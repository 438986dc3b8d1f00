/**
 * Naming a medicine given by reference. MedicationRequest/MedicationStatement may name their
 * medicine in a `Medication` resource instead of `medicationCodeableConcept`: contained in the
 * record (`#med0301`, R4 "contained resources") or on the server (`Medication/<id>`, or a full
 * URL), which the fetch layer hands to the summary among the patient's resources. Shown by name
 * with form and strength, ingredients listed; unresolved, it says so rather than guess.
 */
import type { FhirResource } from '../fhir/resource';
import { conceptText } from './codeable-text';
import { obj, objs, str } from './fields';

/** Finds a Medication by the reference a medicine row carries (`Medication/<id>` or a URL ending so). */
export type MedicationLookup = (reference: string) => FhirResource | undefined;

export interface MedicineName {
  readonly text?: string;
  /** The Medication's code, for matching across sources. */
  readonly code?: unknown;
  /** Form and strength: `Tablet · 1 mg`. */
  readonly detail?: string;
  /** One line per ingredient with its strength. */
  readonly ingredients: readonly string[];
}

const quantityText = (q: Record<string, unknown> | undefined) =>
  q && typeof q['value'] === 'number' ? `${String(q['value'])}${str(q, 'unit') ?? str(q, 'code') ? ` ${str(q, 'unit') ?? str(q, 'code')}` : ''}` : undefined;

/** A Ratio as written on a label: `1 mg`, `500 mg/5 mL`. */
function strengthText(ratio: Record<string, unknown> | undefined): string | undefined {
  if (!ratio) return undefined;
  const top = quantityText(obj(ratio, 'numerator'));
  const bottom = obj(ratio, 'denominator');
  const per = bottom && !(bottom['value'] === 1 && !str(bottom, 'unit')) ? quantityText(bottom) : undefined;
  return top && (per ? `${top}/${per.replace(/^1 /, '')}` : top);
}

/** The Medication a reference points to: contained in `holder`, or one the lookup holds. */
export function medicationFor(holder: FhirResource, reference: string | undefined, lookup: MedicationLookup | undefined): FhirResource | undefined {
  if (!reference) return undefined;
  if (reference.startsWith('#')) {
    return objs(holder, 'contained').find((c) => c['resourceType'] === 'Medication' && c['id'] === reference.slice(1)) as FhirResource | undefined;
  }
  return lookup?.(reference);
}

/** Name, form, strength and ingredients of a Medication resource. */
export function medicineName(medication: FhirResource): MedicineName {
  const code = obj(medication, 'code');
  const ingredients = objs(medication, 'ingredient').map((ingredient) => {
    const reference = obj(ingredient, 'itemReference');
    // An ingredient may name a Substance contained in the Medication (`#sub04`).
    const contained = reference && objs(medication, 'contained').find((c) => `#${String(c['id'])}` === str(reference, 'reference'));
    const item = obj(ingredient, 'itemCodeableConcept') ?? (contained && obj(contained, 'code'));
    const name = item ? conceptText(item, '') : (reference && str(reference, 'display')) ?? '';
    const strength = strengthText(obj(ingredient, 'strength'));
    return [name, strength].filter(Boolean).join(' ');
  }).filter(Boolean);
  const form = conceptText(obj(medication, 'form'), '');
  const strengths = objs(medication, 'ingredient').map((i) => strengthText(obj(i, 'strength'))).filter(Boolean);
  const named = conceptText(code, '');
  return {
    text: named || (ingredients.length > 0 ? ingredients.join(' + ') : undefined),
    code,
    detail: [form, strengths.length === 1 ? strengths[0] : undefined].filter(Boolean).join(' · ') || undefined,
    ingredients: ingredients.map((i) => `Ingredient: ${i}`),
  };
}

/** A lookup over the Medication resources a source returned, by `Medication/<id>`. */
export function medicationLookup(resources: readonly FhirResource[]): MedicationLookup {
  const byRef = new Map<string, FhirResource>();
  for (const r of resources) if (r.resourceType === 'Medication' && typeof r.id === 'string') byRef.set(`Medication/${r.id}`, r);
  return (reference) => byRef.get(reference.replace(/^.*?(Medication\/[^/]+)(\/_history\/.*)?$/, '$1'));
}
