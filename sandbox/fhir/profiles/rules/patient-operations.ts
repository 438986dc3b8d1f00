/** What a Patient-level operation rule says of itself in the CapabilityStatement. */
import type { CapabilityStatement } from '@medplum/fhirtypes';

/**
 * The statement with `name` offered on Patient (`rest.resource[Patient].operation`, FHIR R4
 * CapabilityStatement), the only place a client is told a server has it.
 * @param definition - the canonical URL of the operation's OperationDefinition
 */
export function withPatientOperation(statement: CapabilityStatement, name: string, definition: string): CapabilityStatement {
  const rest = (statement.rest ?? []).map((r) => ({
    ...r,
    resource: (r.resource ?? []).map((resource) =>
      resource.type === 'Patient' ? { ...resource, operation: [...(resource.operation ?? []), { name, definition }] } : resource),
  }));
  return { ...statement, rest };
}
