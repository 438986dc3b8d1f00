/** Policies reused across the configuration tests: what a trust's IT team would write. */
export const gpSource = {
  id: 'gp',
  name: 'Trust GP Connect',
  fhirBaseUrl: 'https://fhir.gp.example.nhs.uk/r4',
  clientId: 'fhirside-trust',
};

export const acuteSource = {
  id: 'acute',
  name: 'Trust Acute EPR',
  fhirBaseUrl: 'https://fhir.acute.example.nhs.uk/r4/',
  clientId: 'fhirside-trust',
  scope: 'openid fhirUser user/*.read',
  pageSize: 50,
  timeoutMs: 20_000,
  maxConcurrency: 2,
};

export const eprRule = {
  id: 'trust-pas',
  urlPattern: '^https://pas\\.example\\.nhs\\.uk/',
  identifier: { from: 'selector', selector: '#banner .nhs', attribute: 'data-nhs' },
  birthDate: { selector: '#banner .dob' },
} as const;

export const userSource = {
  id: 'research',
  name: 'My research server',
  fhirBaseUrl: 'https://research.example.org/fhir',
  clientId: 'me',
};
