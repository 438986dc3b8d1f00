/**
 * The sandbox world on loopback: what `npm start`, the tests and the bench run against. Only a demo
 * build carries it (lib/config/built-in.ts); a production build starts empty and takes its sources
 * and rules from the trust's policy (docs/deploy.md).
 */
import type { ContextRule } from '../context/rules';
import type { SourceConfig } from '../sources/source-config';
import { NHS_NUMBER_SYSTEM } from '../context/nhs-number';

const SANDBOX = 'http://127.0.0.1';

/** SMART v1 user-level read: the panel follows whichever patient the clinician opens, so a
 *  patient-level token (bound to one patient picked at sign-in) would be the wrong grant. */
const DEFAULT_SCOPE = 'openid fhirUser offline_access user/*.read';

const sandboxSource = (id: string, name: string, port: number): SourceConfig => ({
  id,
  name,
  fhirBaseUrl: `${SANDBOX}:${port}/fhir`,
  auth: 'smart',
  clientId: 'fhirside',
  scope: DEFAULT_SCOPE,
  identifierSystems: [NHS_NUMBER_SYSTEM],
  pageSize: 100,
  timeoutMs: 15_000,
});

// Marked pure so that a production bundle, which never reads them, drops them (lib/config/built-in.ts).
export const DEFAULT_SOURCES: readonly SourceConfig[] = [
  /* @__PURE__ */ sandboxSource('gp', 'Riverside GP Practice', 8101),
  /* @__PURE__ */ sandboxSource('acute', 'St Elsewhere Acute Trust', 8102),
  /* @__PURE__ */ sandboxSource('mh', 'Northfield Mental Health Trust', 8103),
];

export const DEFAULT_CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'riverside-pas',
    urlPattern: '^http://(127\\.0\\.0\\.1|localhost):8110/',
    identifier: { from: 'selector', selector: '#patient-banner .nhs-number' },
    birthDate: { selector: '#patient-banner .dob', attribute: 'data-dob' },
  },
  {
    id: 'northfield-clinicalworks',
    urlPattern: '^http://(127\\.0\\.0\\.1|localhost):8111/',
    identifier: { from: 'url', pattern: '/app/patient/(\\d{10})(?:[/?#]|$)' },
    birthDate: { selector: '.pt-header[data-birth-date]', attribute: 'data-birth-date' },
    // It publishes the patient it shows to the sandbox FHIRcast hub (DEFAULT_FHIRCAST).
    fhircast: true,
  },
  // Any other page: an NHS number shown with its label.
  { id: 'nhs-number-on-page', urlPattern: '^https?://', identifier: { from: 'text' } },
];

/**
 * The sandbox FHIRcast hub and the demo clinician's session topic (sandbox/config.ts FHIRCAST_TOPIC);
 * the hub takes a token from the sandbox's authorization server, here the mental-health trust's,
 * whose EPR (Northfield ClinicalWorks) publishes to it.
 */
export const DEFAULT_FHIRCAST = { hubUrl: `${SANDBOX}:8120/api/hub`, topic: 'demo-clinician-session', sourceId: 'mh' } as const;

/**
 * The sandbox EPR 2's launch URL (sandbox/config.ts LAUNCH_PATH): the demo EPR opens it in every
 * browser and fhirside redirects it to its own launch page (lib/context/launch-redirect.ts).
 */
export const DEFAULT_LAUNCH_URL = `${SANDBOX}:8111/fhirside/launch`;

/** How long a cached summary may be shown: one working shift. */
export const DEFAULT_CACHE_MAX_AGE_MS = 12 * 60 * 60 * 1000;
