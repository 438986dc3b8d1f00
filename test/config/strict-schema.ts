import type { Schema } from '@/lib/config/policy-schema';

/**
 * The schema with unknown fields forbidden at every level, for checking examples: a typo that
 * Chrome would silently drop must fail here. (Chrome forbids additionalProperties in its own
 * top-level schema, so this stricter copy lives in the tests only.)
 */
export function strict(schema: Schema): object {
  if (schema.type === 'array') return { ...schema, items: strict(schema.items) };
  if (schema.type !== 'object') return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, strict(s)]));
  return { ...schema, properties, additionalProperties: false };
}
