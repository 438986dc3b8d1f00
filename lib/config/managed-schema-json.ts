/** The text of public/managed_schema.json: the policy schema, as the script writes and the test compares. */
import { POLICY_SCHEMA } from './policy-schema';

/** The managed schema as pretty-printed JSON with a final newline. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`;
}
