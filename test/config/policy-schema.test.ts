import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { managedSchemaJson } from '@/lib/config/managed-schema-json';
import { POLICY_SCHEMA, type Schema } from '@/lib/config/policy-schema';
import { LOCATOR_FIELDS, RULE_FIELDS } from '@/lib/config/validate-rule';
import { POLICY_FIELDS } from '@/lib/config/validate-settings';
import { SOURCE_FIELDS } from '@/lib/config/validate-source';
import { resolveConfig } from '@/lib/config/resolve';
import { strict } from './strict-schema';

/** What Chrome's managed_schema accepts (developer.chrome.com, Manifest for storage areas). */
const CHROME_KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern', '$ref', 'id', 'required']);

function keywords(schema: Schema, seen = new Set<string>()): Set<string> {
  for (const key of Object.keys(schema)) seen.add(key);
  if (schema.type === 'array') keywords(schema.items, seen);
  if (schema.type === 'object') Object.values(schema.properties).forEach((s) => keywords(s, seen));
  return seen;
}

const itemProperties = (schema: Schema) => (schema.type === 'array' && schema.items.type === 'object' ? schema.items.properties : {});

describe('public/managed_schema.json and the TypeScript model', () => {
  it('is exactly what lib/config/policy-schema.ts generates (run `npm run schema` after changing the model)', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8');
    expect(file).toBe(managedSchemaJson());
  });

  it('uses only what Chrome accepts: an object at the top, no additionalProperties there, known keywords', () => {
    expect(POLICY_SCHEMA.type).toBe('object');
    expect(POLICY_SCHEMA).not.toHaveProperty('additionalProperties');
    expect([...keywords(POLICY_SCHEMA)].filter((k) => !CHROME_KEYWORDS.has(k))).toEqual([]);
  });

  it('declares exactly the fields the validators know, at every level', () => {
    const p = POLICY_SCHEMA.properties;
    expect(Object.keys(p).sort()).toEqual([...POLICY_FIELDS].sort());
    expect(Object.keys(itemProperties(p.sources)).sort()).toEqual([...SOURCE_FIELDS].sort());
    const rule = itemProperties(p.contextRules);
    expect(Object.keys(rule).sort()).toEqual([...RULE_FIELDS].sort());
    expect(rule['identifier']?.type === 'object' && Object.keys(rule['identifier'].properties).sort()).toEqual([...LOCATOR_FIELDS].sort());
  });

  it('accepts a policy that sets every field, which the validator accepts unchanged', () => {
    const everything = {
      sources: [{ id: 'gp', name: 'GP', fhirBaseUrl: 'https://fhir.trust.example/r4', auth: 'smart', clientId: 'c', scope: 'openid', identifierSystems: ['https://fhir.nhs.uk/Id/nhs-number'], pageSize: 10, timeoutMs: 5000, maxConcurrency: 2, observationHorizonDays: 365 }],
      contextRules: [{ id: 'pas', urlPattern: '^https://pas/', identifier: { from: 'selector', selector: '.nhs', attribute: 'data-nhs' }, system: 'https://fhir.nhs.uk/Id/nhs-number', birthDate: { selector: '.dob', attribute: 'data-dob' }, name: { selector: '.name' }, fhircast: true }],
      fhircast: { hubUrl: 'https://hub.trust.example/', topic: 't' },
      cache: { maxAgeMinutes: 60, maxPatients: 10 },
      defaultLens: 'cancer',
      userMayAddSources: true,
      userMayAddContextRules: true,
      audit: { endpoint: 'https://fhir.trust.example/r4/AuditEvent', sourceId: 'gp', authorization: 'Bearer audit' },
      idleLockMinutes: 10,
      launchOrigins: ['https://launcher.trust.example'],
      launchUrl: 'https://launcher.trust.example/fhirside/launch',
      rulePacks: [{ name: 'Harbour', version: '1', testedOn: { product: 'Harbour Care Record', version: '4.2.1' }, rules: [{ id: 'harbour', urlPattern: '^https://shcr/', identifier: { from: 'url', pattern: '/(\\d{10})' } }] }],
    };
    const validate = new Ajv({ allErrors: true }).compile(strict(POLICY_SCHEMA));
    expect(validate(everything), JSON.stringify(validate.errors)).toBe(true);
    const resolved = resolveConfig(everything, undefined);
    expect(resolved.problems).toEqual([]);
    expect(resolved.config.sources[0]).toEqual(everything.sources[0]);
    expect(resolved.config.contextRules[0]).toEqual(everything.contextRules[0]);
    expect(resolved.config.contextRules[1]).toEqual(everything.rulePacks[0]!.rules[0]);
  });

  it('rejects, like Chrome would, a value of the wrong type', () => {
    const validate = new Ajv().compile(strict(POLICY_SCHEMA));
    expect(validate({ sources: [{ id: 'gp', pageSize: '100' }] })).toBe(false);
    expect(validate({ defaultLens: 'oncology' })).toBe(false);
  });
});
