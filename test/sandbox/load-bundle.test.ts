import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlesFromEnv, readBundleArg } from '../../sandbox/bundle-files';
import { resourcesFromBundle } from '../../sandbox/fhir/load-bundle';

const transaction = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:7f1c', resource: { resourceType: 'Patient', name: [{ family: 'Doe' }] }, request: { method: 'POST', url: 'Patient' } },
    { fullUrl: 'urn:uuid:0b2d', resource: { resourceType: 'Medication', code: { text: 'Anastrozole 1 mg tablets' } }, request: { method: 'POST', url: 'Medication' } },
    {
      fullUrl: 'urn:uuid:9a3e',
      resource: { resourceType: 'MedicationStatement', status: 'active', subject: { reference: 'urn:uuid:7f1c' }, medicationReference: { reference: 'urn:uuid:0b2d' } },
      request: { method: 'POST', url: 'MedicationStatement' },
    },
  ],
};

describe('loading a Bundle into a sandbox source', () => {
  it('gives each entry an id and rewrites references to entries as Type/id, as a transaction would', () => {
    const [patient, medication, statement] = resourcesFromBundle(transaction, '2026-12-01T09:00:00Z');
    expect(statement).toMatchObject({
      subject: { reference: `Patient/${patient?.id}` },
      medicationReference: { reference: `Medication/${medication?.id}` },
      meta: { lastUpdated: '2026-12-01T09:00:00Z' },
    });
  });

  it('keeps the id an absolute fullUrl names', () => {
    const [patient] = resourcesFromBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'https://fhir.example.com/Patient/abc-1', resource: { resourceType: 'Patient' } }] });
    expect(patient?.id).toBe('abc-1');
  });

  it('refuses what is not a Bundle it can load, saying why', () => {
    expect(() => resourcesFromBundle({ resourceType: 'Patient' })).toThrow('not a FHIR Bundle');
    expect(() => resourcesFromBundle({ resourceType: 'Bundle', type: 'history' })).toThrow('a Bundle of type "history" cannot be loaded');
  });
});

describe('--load <source>=<file> and FHIRSIDE_LOAD', () => {
  const known = new Set(['gp', 'acute']);
  const file = resolve(mkdtempSync(resolve(tmpdir(), 'fhirside-load-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(transaction));

  it('reads each source=file pair, and names what is wrong with a bad one', () => {
    expect(bundlesFromEnv(known, `gp=${file},acute=${file}`).map((b) => [b.source, (b.bundle as { type: string }).type])).toEqual([['gp', 'transaction'], ['acute', 'transaction']]);
    expect(() => readBundleArg(`mh=${file}`, known)).toThrow('a source among gp, acute');
    expect(() => readBundleArg('gp=/nonexistent/bundle.json', known)).toThrow('Cannot read /nonexistent/bundle.json');
  });
});
