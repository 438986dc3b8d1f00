/**
 * The rows that need more than their own resource — a device use with the Device it names — or
 * that only some resources of a type earn (a Consent that limits treatment), and the count, by
 * type, of everything else the source returned for the patient that no section draws: nothing a
 * source sent is dropped without the panel saying so.
 */
import type { FhirResource } from '../fhir/resource';
import type { SectionId, SummaryRow } from './model';
import type { RowContext } from './row-base';
import { indexByReference, resolverOver } from './referenced';
import { decisionRow } from './rows-decisions';
import { deviceUseRow } from './rows-devices';
import { isTreatmentLimiting } from './treatment-limiting';

export interface Extras {
  readonly rows: readonly (readonly [SectionId, SummaryRow])[];
  /** Records of the patient drawn nowhere, by resource type. */
  readonly undrawn: Readonly<Record<string, number>>;
}

/**
 * @param own - the patient's resources with their positions (already checked to be this patient's)
 * @param all - everything the source sent, referenced resources (Device, Medication) included
 * @param drawnTypes - the types the ordinary builders draw
 */
export function buildExtras(own: readonly (readonly [FhirResource, number])[], all: readonly FhirResource[], ctx: RowContext, drawnTypes: ReadonlySet<string>): Extras {
  const resolve = resolverOver(indexByReference(all));
  const rows: [SectionId, SummaryRow][] = [];
  const undrawn: Record<string, number> = {};
  for (const [resource, index] of own) {
    const type = resource.resourceType;
    if (type === 'DeviceUseStatement') rows.push(['devices', deviceUseRow(resource, ctx, index, resolve)]);
    else if (type === 'Consent' && isTreatmentLimiting(resource)) rows.push(['decisions', decisionRow(resource, ctx, index)]);
    else if (!drawnTypes.has(type)) undrawn[type] = (undrawn[type] ?? 0) + 1;
  }
  return { rows, undrawn };
}
