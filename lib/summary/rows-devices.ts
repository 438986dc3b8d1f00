/**
 * Devices and implants: a DeviceUseStatement with the Device it names (FHIR R4
 * https://hl7.org/fhir/R4/deviceusestatement.html). An implant changes what is safe to do (MRI,
 * diathermy), so a device the source names only by reference is still drawn, by its display.
 */
import type { FhirResource } from '../fhir/resource';
import { conceptText } from './codeable-text';
import { datePart, join, notes, obj, objs, period, statusCode, str } from './fields';
import type { SummaryRow } from './model';
import { makeRow, refOf, type RowContext } from './row-base';
import type { Resolve } from './referenced';

/** What the Device is called: its own name, else its type, else the referring display. */
function deviceName(device: FhirResource | undefined, display: string | undefined): string {
  const named = device ? objs(device, 'deviceName').map((n) => str(n, 'name')).find(Boolean) : undefined;
  const typed = device ? conceptText(obj(device, 'type'), '') : '';
  return named ?? (typed || display || 'Device (not named)');
}

/** Identifying details of the Device a clinician or radiographer may need: UDI, model, serial, lot. */
function deviceItems(device: FhirResource | undefined): string[] {
  if (!device) return [];
  const udi = objs(device, 'udiCarrier').map((u) => str(u, 'carrierHRF') ?? str(u, 'deviceIdentifier')).find(Boolean);
  return [
    udi && `UDI: ${udi}`,
    str(device, 'manufacturer') && `Manufacturer: ${str(device, 'manufacturer')}`,
    str(device, 'modelNumber') && `Model: ${str(device, 'modelNumber')}`,
    str(device, 'serialNumber') && `Serial number: ${str(device, 'serialNumber')}`,
    str(device, 'lotNumber') && `Lot: ${str(device, 'lotNumber')}`,
  ].filter((i): i is string => Boolean(i));
}

/** A DeviceUseStatement row: the device by name, where it is, since when, its status. */
export function deviceUseRow(resource: FhirResource, ctx: RowContext, index: number, resolve: Resolve): SummaryRow {
  const reference = obj(resource, 'device');
  const device = resolve(resource, reference);
  const status = statusCode(resource, 'status');
  const timing = period(resource, 'timingPeriod');
  const site = conceptText(obj(resource, 'bodySite'), '');
  return makeRow(resource, index, ctx, 'device', device ? obj(device, 'type') : undefined, {
    // Two implants of one type are two devices: never merged.
    key: `device:${ctx.sourceId}/${refOf(resource, index)}`,
    text: deviceName(device, reference ? str(reference, 'display') : undefined),
    detail: join([site, objs(resource, 'reasonCode').map((c) => conceptText(c, '')).find(Boolean)]),
    status,
    active: status === 'active',
    date: datePart(str(resource, 'timingDateTime') ?? timing.start ?? str(resource, 'recordedOn')),
    end: datePart(timing.end),
    items: [...deviceItems(device), ...notes(resource)],
  });
}
