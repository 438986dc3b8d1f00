/** `npm run schema`: writes public/managed_schema.json from lib/config/policy-schema.ts. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { managedSchemaJson } from '../lib/config/managed-schema-json';

const target = resolve(import.meta.dirname, '../public/managed_schema.json');
writeFileSync(target, managedSchemaJson());
console.log(`wrote ${target}`);
