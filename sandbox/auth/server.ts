/**
 * The sandbox's SMART on FHIR authorization server: oidc-provider on node:http, with the
 * sign-in page, SMART launch context and EHR launch endpoint around it. The FHIR servers check
 * bearer tokens in-process through `validateToken`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { EXTENSION_CLIENT_ID } from '../config';
import type { TokenInfo } from '../fhir/types';
import { interactionRoutes } from './interactions';
import { EhrLaunches, launchEndpoint } from './launch';
import type { PickerPatient } from './login-page';
import { createMemoryStore } from './memory-adapter';
import { Provider } from './oidc';
import { providerConfiguration, ROUTES } from './provider-config';
import { isKnownAudience } from './request-params';
import { signingKeys } from './signing-keys';
import { validateAccessToken } from './validate-token';
import { LaunchContexts, smartTokenResponse } from './smart-context';
import { offlineAccessMeansConsent, shortScopesSupported } from './provider-middleware';
import { closeServer, listen } from '../listen';
import type { LinkShaper } from '../link-shaper';

export type { PickerPatient } from './login-page';

export interface AuthServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Valid `aud` values. Read on each request, so bases of servers started later can be pushed in. */
  readonly fhirBaseUrls: string[];
  readonly redirectUris: string[];
  /** Offered on the sign-in page for `launch/patient`; read on each request like fhirBaseUrls. */
  readonly patientsForPicker: PickerPatient[];
  /**
   * Whether an authorization request without `aud` is refused, read at each request; default yes.
   * The world says yes when any source's profile has `aud-required` (sandbox/fhir/profiles/rules/audience.ts).
   */
  readonly audienceRequired?: () => boolean;
  /** A wide-area link in front of the server (bench WAN scenarios); loopback as it is while unshaped. */
  readonly shaper?: LinkShaper;
}

export interface AuthServer {
  readonly issuer: string;
  readonly port: number;
  /** @returns what the token grants, or null for an unknown, expired or revoked token */
  validateToken(accessToken: string): Promise<TokenInfo | null>;
  close(): Promise<void>;
}

const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;

/** FHIRSIDE_TOKEN_TTL (seconds) shortens access tokens so tests can watch one expire. */
function accessTokenTtl(): number {
  const parsed = Number(process.env['FHIRSIDE_TOKEN_TTL']);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_TOKEN_TTL_SECONDS;
}

/** @param options - where to listen and what the server protects */
export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const jwks = await signingKeys();
  const server = createServer();
  const port = await listen(server, options.host, options.port);
  const issuer = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const store = createMemoryStore();
  const contexts = new LaunchContexts();
  const launches = new EhrLaunches();
  const provider = new Provider(issuer, providerConfiguration({
    clientId: EXTENSION_CLIENT_ID,
    redirectUris: options.redirectUris,
    audiences: options.fhirBaseUrls,
    jwks,
    adapter: (model) => store.adapterFor(model),
    contexts,
    launches,
    accessTokenTtlSeconds: accessTokenTtl(),
    ...(options.audienceRequired ? { audienceRequired: options.audienceRequired } : {}),
  }));
  provider.use(offlineAccessMeansConsent(ROUTES.authorization));
  provider.use(shortScopesSupported());
  provider.use(smartTokenResponse());
  provider.use(launchEndpoint(launches));
  provider.use(interactionRoutes({
    provider,
    contexts,
    launches,
    pickerFor: (audience) => options.patientsForPicker.filter(
      // A request that named no server (let through where aud is not required) may pick from all.
      (p) => p.fhirBaseUrl === undefined || audience === '' || isKnownAudience([p.fhirBaseUrl], audience),
    ),
  }));
  // One line per failure: expected client errors (bad verifier, expired code) are answered to the
  // client and not logged; a server error is a bug worth a line, not a stack-trace flood.
  provider.on('server_error', (_ctx, error) => console.error(`auth server: ${(error as Error).message}`));
  provider.on('error', (error) => console.error(`auth server: ${(error as Error).message}`));
  const callback = provider.callback();
  const shaper = options.shaper;
  server.on('request', shaper ? (req: IncomingMessage, res: ServerResponse) => shaper.serve(req, res, () => void callback(req, res)) : callback);

  return {
    issuer,
    port,
    validateToken: (accessToken) => validateAccessToken(provider, accessToken),
    async close() {
      await closeServer(server);
      store.clear();
    },
  };
}
