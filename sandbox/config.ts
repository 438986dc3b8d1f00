/**
 * The sandbox world's fixed facts: ports, source ids, the OAuth client the extension uses and its
 * redirect URIs. Ports follow the contract in DESIGN.md and can be overridden by environment
 * variables so two worlds (a dev sandbox and a test run) never fight over one port.
 */

export const HOST = '127.0.0.1';

function port(envName: string, fallback: number): number {
  const raw = process.env[envName];
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

export const PORTS = {
  auth: port('FHIRSIDE_AUTH_PORT', 8100),
  gp: port('FHIRSIDE_GP_PORT', 8101),
  acute: port('FHIRSIDE_ACUTE_PORT', 8102),
  mh: port('FHIRSIDE_MH_PORT', 8103),
  epr1: port('FHIRSIDE_EPR1_PORT', 8110),
  epr2: port('FHIRSIDE_EPR2_PORT', 8111),
  /** Harbour Care Record: the patient in an iframe, other people's NHS numbers around it. */
  epr3: port('FHIRSIDE_EPR3_PORT', 8112),
  /** Test controls: stop/start a source, revoke tokens (sandbox/admin.ts). */
  admin: port('FHIRSIDE_ADMIN_PORT', 8199),
  /** FHIRcast hub (sandbox/fhircast/): EPR 2 publishes to it, fhirside subscribes. */
  fhircast: port('FHIRSIDE_FHIRCAST_PORT', 8120),
} as const;

/**
 * The demo clinician's FHIRcast session: EPR 2 publishes to it and fhirside's built-in
 * configuration subscribes to it (lib/config/defaults.ts). A real hub gives each session its own
 * unguessable topic; a fixed one keeps the demo simple.
 */
export const FHIRCAST_TOPIC = 'demo-clinician-session';

export type SourceId = 'gp' | 'acute' | 'mh';

export interface SandboxSource {
  readonly id: SourceId;
  readonly name: string;
  /** Organisation ODS-style code used on the source's resources (fictional). */
  readonly odsCode: string;
  /** The source's local record-number system, used for MRN identifiers. */
  readonly mrnSystem: string;
}

export const SOURCES: readonly SandboxSource[] = [
  { id: 'gp', name: 'Riverside GP Practice', odsCode: 'Y90001', mrnSystem: 'https://riverside-gp.example.nhs.uk/Id/patient' },
  { id: 'acute', name: 'St Elsewhere Acute Trust', odsCode: 'RX901', mrnSystem: 'https://st-elsewhere.example.nhs.uk/Id/mrn' },
  { id: 'mh', name: 'Northfield Mental Health Trust', odsCode: 'RX902', mrnSystem: 'https://northfield-mh.example.nhs.uk/Id/rio' },
];

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/** The extension's public OAuth client (SMART public client: PKCE, no secret). */
export const EXTENSION_CLIENT_ID = 'fhirside';

/**
 * Chrome derives the extension id from the manifest `key` (wxt.config.ts), so the id and hence
 * `identity.getRedirectURL()` are stable in development builds.
 */
export const CHROME_EXTENSION_ID = 'dcmajbkhnbfbcghanpbaljfdcoiclegh';
/** Firefox's redirect host is the SHA-1 of the add-on id (browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'fhirside@fhirside.nhs.example';
export const FIREFOX_REDIRECT_HOST = '49af81551874ec062d9367df2a2a655c7832a828.extensions.allizom.org';

export const EXTENSION_REDIRECT_URIS = [
  `https://${CHROME_EXTENSION_ID}.chromiumapp.org/`,
  `https://${FIREFOX_REDIRECT_HOST}/`,
];

export function fhirBaseUrl(sourceId: SourceId, ports = PORTS): string {
  return `http://${HOST}:${ports[sourceId]}/fhir`;
}

/**
 * fhirside's launch URL in the sandbox, on EPR 2's own host (lib/config/defaults.ts
 * DEFAULT_LAUNCH_URL): EPR 2 opens it in every browser and fhirside redirects it to its launch
 * page; where nothing redirects it, EPR 2 answers it with a page that says so.
 */
export const LAUNCH_PATH = '/fhirside/launch';

export function authIssuer(ports = PORTS): string {
  return `http://${HOST}:${ports.auth}`;
}
