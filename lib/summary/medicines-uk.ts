/**
 * UK prescribing facts of a MedicationRequest or MedicationStatement: repeat or acute, when last
 * issued, when the repeat must be reviewed, quantity per issue. Read leniently from every place a
 * UK source may send them; anything not sent stays absent (never guessed).
 */
import type { FhirResource } from '../fhir/resource';
import { datePart, obj, objs, str } from './fields';
import type { Prescription } from './model';

type Course = NonNullable<Prescription['course']>;

/**
 * courseOfTherapyType codes. HL7 medicationrequest-course-of-therapy: continuous, acute, seasonal
 * (http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy); NHS England adds
 * continuous-repeat-dispensing (https://fhir.nhs.uk/CodeSystem/medicationrequest-course-of-therapy).
 */
const COURSE_OF_THERAPY: Readonly<Record<string, Course>> = {
  continuous: 'repeat',
  'continuous-repeat-dispensing': 'repeat-dispensing',
  seasonal: 'seasonal',
  acute: 'acute',
};

/**
 * The older prescription-type extensions (UK Core R4, retired; Care Connect and GP Connect STU3),
 * codes from UKCore-PrescriptionType / CareConnect-PrescriptionType-1, mapped as NHS England's
 * ConceptMap maps them to courseOfTherapyType (repeat → continuous, repeat-dispensing →
 * continuous-repeat-dispensing, acute → acute). Delayed prescribing is a one-off: acute.
 */
const PRESCRIPTION_TYPE_URLS = [
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PrescriptionType',
  'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-PrescriptionType-1',
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1',
];
const PRESCRIPTION_TYPE: Readonly<Record<string, Course>> = {
  repeat: 'repeat',
  'repeat-dispensing': 'repeat-dispensing',
  acute: 'acute',
  'acute-handwritten': 'acute',
  'delayed-prescribing': 'acute',
};

/** UK Core (and GP Connect STU3) date a medicine was last issued. */
const LAST_ISSUE_URLS = [
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate',
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1',
];

/** UK Core repeat information: issues so far and the authorisation's expiry, when it must be reviewed. */
const REPEAT_INFO_URLS = [
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation',
  'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationRepeatInformation-1',
];

const extensionsOf = (element: Record<string, unknown>, urls: readonly string[]) =>
  objs(element, 'extension').filter((e) => urls.includes(str(e, 'url') ?? ''));

const codesOf = (concept: Record<string, unknown> | undefined) => (concept ? objs(concept, 'coding').map((c) => str(c, 'code')).filter((c): c is string => !!c) : []);

function courseOf(resource: FhirResource): Course | undefined {
  const fromCourse = codesOf(obj(resource, 'courseOfTherapyType')).map((c) => COURSE_OF_THERAPY[c]).find(Boolean);
  if (fromCourse) return fromCourse;
  return extensionsOf(resource, PRESCRIPTION_TYPE_URLS)
    .flatMap((e) => [...codesOf(obj(e, 'valueCodeableConcept')), ...codesOf({ coding: [obj(e, 'valueCoding') ?? {}] })])
    .map((c) => PRESCRIPTION_TYPE[c])
    .find(Boolean);
}

function quantityOf(resource: FhirResource): string | undefined {
  const quantity = obj(obj(resource, 'dispenseRequest') ?? {}, 'quantity');
  const value = quantity?.['value'];
  if (!quantity || typeof value !== 'number') return undefined;
  const unit = str(quantity, 'unit') ?? str(quantity, 'code');
  return unit ? `${value} ${unit}` : String(value);
}

/**
 * The prescribing facts a source sent for one medicine, or undefined when it sent none.
 * @param resource - a MedicationRequest or MedicationStatement as sent
 */
export function prescriptionOf(resource: FhirResource): Prescription | undefined {
  const repeat = extensionsOf(resource, REPEAT_INFO_URLS)[0];
  const inner = (name: string) => (repeat ? objs(repeat, 'extension').find((e) => str(e, 'url') === name) : undefined);
  const expiry = inner('authorisationExpiryDate');
  const issued = inner('numberOfPrescriptionsIssued') ?? inner('numberOfRepeatPrescriptionsIssued');
  const issues = issued?.['valueUnsignedInt'] ?? issued?.['valuePositiveInt'];
  const lastIssue = extensionsOf(resource, LAST_ISSUE_URLS)[0];
  const facts: Prescription = {
    course: courseOf(resource),
    lastIssued: datePart(lastIssue && (str(lastIssue, 'valueDateTime') ?? str(lastIssue, 'valueDate'))),
    reviewDate: datePart(expiry && (str(expiry, 'valueDateTime') ?? str(expiry, 'valueDate'))),
    quantity: quantityOf(resource),
    issues: typeof issues === 'number' ? issues : undefined,
  };
  const sent = Object.entries(facts).filter(([, v]) => v !== undefined);
  return sent.length > 0 ? (Object.fromEntries(sent) as Prescription) : undefined;
}
