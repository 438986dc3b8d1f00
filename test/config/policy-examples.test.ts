import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { POLICY_SCHEMA } from '@/lib/config/policy-schema';
import { resolveConfig } from '@/lib/config/resolve';
import { CHROME_ID, FIREFOX_ID, fromRegistry, parsePlist, parseReg, readPolicyFile } from './policy-files';
import { strict } from './strict-schema';

type Dict = Record<string, unknown>;
const validate = new Ajv({ allErrors: true }).compile(strict(POLICY_SCHEMA));

/** The fhirside policy each example file carries, read as that browser reads it. */
const examples: Record<string, () => { policy: unknown; install: unknown }> = {
  'chrome-edge-linux.json': () => {
    const file = JSON.parse(readPolicyFile('chrome-edge-linux.json')) as Dict & { '3rdparty': { extensions: Dict } };
    return { policy: file['3rdparty'].extensions[CHROME_ID], install: (file['ExtensionSettings'] as Dict)[CHROME_ID] };
  },
  'firefox-policies.json': () => {
    const { policies } = JSON.parse(readPolicyFile('firefox-policies.json')) as { policies: Dict & { '3rdparty': { Extensions: Dict } } };
    return { policy: policies['3rdparty'].Extensions[FIREFOX_ID], install: (policies['ExtensionSettings'] as Dict)[FIREFOX_ID] };
  },
  ...Object.fromEntries(
    [
      ['chrome-windows.reg', 'Google\\Chrome'],
      ['edge-windows.reg', 'Microsoft\\Edge'],
    ].map(([name, root]) => [
      name,
      () => {
        const keys = parseReg(readPolicyFile(name!));
        const browserKey = keys[`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}`]!;
        const policyKey = keys[`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}\\3rdparty\\extensions\\${CHROME_ID}\\policy`]!;
        const settings = JSON.parse(browserKey['ExtensionSettings'] as string) as Dict;
        return { policy: fromRegistry(policyKey, POLICY_SCHEMA), install: settings[CHROME_ID] };
      },
    ]),
  ),
  ...Object.fromEntries(
    ['com.google.Chrome', 'com.microsoft.Edge'].map((domain) => [
      `macos-chrome-edge.mobileconfig (${domain})`,
      () => {
        const profile = parsePlist(readPolicyFile('macos-chrome-edge.mobileconfig')) as { PayloadContent: Dict[] };
        const payload = (type: string) => profile.PayloadContent.find((p) => p['PayloadType'] === type)!;
        const policy = Object.fromEntries(Object.entries(payload(`${domain}.extensions.${CHROME_ID}`)).filter(([k]) => !k.startsWith('Payload')));
        return { policy, install: (payload(domain)['ExtensionSettings'] as Dict)[CHROME_ID] };
      },
    ]),
  ),
};

describe('example policies in docs/policies/', () => {
  it.each(Object.keys(examples))('%s: installs fhirside and configures it with a policy the schema and fhirside accept', (name) => {
    const { policy, install } = examples[name]!();
    expect(install).toMatchObject({ installation_mode: 'force_installed' });
    expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    const resolved = resolveConfig(policy, undefined);
    expect(resolved.problems).toEqual([]);
    expect(resolved.config.sources.map((s) => s.id)).toEqual(['gp', 'acute', 'mh']);
    // The rule pack's rules follow the policy's own contextRules.
    expect(resolved.config.contextRules.map((r) => r.id)).toEqual(['trust-pas', 'trust-clinical-portal', 'harbour-care-record']);
    expect(resolved.userMay).toEqual({ addSources: false, addContextRules: false });
    expect(resolved.config.audit?.endpoint).toMatch(/^https:\/\//);
  });

  it('carries the same policy in every format, so the examples cannot drift apart', () => {
    const policies = Object.values(examples).map((read) => read().policy);
    for (const policy of policies) expect(policy).toEqual(policies[0]);
  });
});
