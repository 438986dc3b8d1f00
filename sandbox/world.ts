/**
 * The whole sandbox world in one process: the SMART authorization server, the three FHIR sources
 * and the three demo EPR sites, on loopback. `npm run sandbox` (main.ts), `npm start` and the
 * end-to-end tests all start it through here.
 */
import type { Resource } from '@medplum/fhirtypes';
import { startAuthServer } from './auth/server';
import { pickerPatientsFrom } from './auth/picker';
import type { PickerPatient } from './auth/login-page';
import { EXTENSION_REDIRECT_URIS, FHIRCAST_TOPIC, HOST, LAUNCH_PATH, PORTS, SOURCES, type SourceId } from './config';
import { generateSourceResources } from './data/generate';
import { ROSTER } from './data/roster';
import { startEprSite } from './epr/server';
import { startFhircastHub } from './fhircast/server';
import { startFhirServer, type FhirServer } from './fhir/server';
import { startAdminServer } from './admin';
import { revocable } from './auth/revocation';
import type { Fault } from './fhir/faults';
import { resourcesFromBundle } from './fhir/load-bundle';
import { DEFAULT_PROFILES, rulesOf } from './fhir/profiles/named';
import type { ProfileOptions } from './fhir/profiles/exchange';
import { createLinkShaper, type LinkShape, type LinkShaper, type ServedRequest } from './link-shaper';

/** The links the sandbox can shape: each FHIR source, and the authorization server. */
export type ShapedLink = SourceId | 'auth';

export type SandboxPorts = { readonly [K in keyof typeof PORTS]: number };

export interface SandboxOptions {
  /** Defaults to PORTS (fixed, env-overridable); 0 for any server picks a free port. */
  readonly ports?: SandboxPorts;
  /** These sources serve without a token. */
  readonly openSources?: readonly SourceId[];
  /**
   * How each source behaves (sandbox/fhir/profiles/named.ts), switchable later through the admin
   * server; a source left out gets its DEFAULT_PROFILES entry (a realistic mix for `npm start`).
   */
  readonly profiles?: Partial<Record<SourceId, string>>;
  /** Faults to start with, per source (also switchable later through the admin server). */
  readonly faults?: Partial<Record<SourceId, Fault>>;
  readonly log?: (line: string) => void;
  /** Data seed; the default gives the documented demo records. */
  readonly seed?: number;
  /** Milliseconds every FHIR answer is held, standing in for a WAN on loopback (default FHIRSIDE_LATENCY_MS or 0). */
  readonly latencyMs?: number;
  /** Extra FHIR Bundles (transaction, batch, document or collection) each source holds beside its own records. */
  readonly bundles?: readonly { readonly source: SourceId; readonly bundle: unknown }[];
}

export interface SandboxUrls {
  /** Authorization server issuer. */
  readonly auth: string;
  /** FHIR bases, `http://127.0.0.1:<port>/fhir`. */
  readonly gp: string;
  readonly acute: string;
  readonly mh: string;
  /** Demo EPR sites. */
  readonly epr1: string;
  readonly epr2: string;
  readonly epr3: string;
  /** Test controls (sandbox/admin.ts). */
  readonly admin: string;
  /** FHIRcast hub URL (`hub.url`). */
  readonly fhircast: string;
}

export interface Sandbox {
  readonly urls: SandboxUrls;
  /** Changes the FHIR sources' latency from the next request on (the bench's latency scenario). */
  setLatency(ms: number): void;
  /**
   * Puts a wide-area link in front of each named server from the next request on (the bench's
   * WAN scenarios, sandbox/link-shaper.ts); a link left out, or `{}`, is loopback as it is.
   */
  setShaping(links: Partial<Record<ShapedLink, LinkShape>>): void;
  /** Requests served through a shaped link since the last call, each with its server time; forgets them. */
  takeServed(): ServedRequest[];
  close(): Promise<void>;
}

/** The variables config.ts reads, to name in a port clash. */
export const PORT_ENV: Record<keyof typeof PORTS, string> = {
  auth: 'FHIRSIDE_AUTH_PORT',
  gp: 'FHIRSIDE_GP_PORT',
  acute: 'FHIRSIDE_ACUTE_PORT',
  mh: 'FHIRSIDE_MH_PORT',
  epr1: 'FHIRSIDE_EPR1_PORT',
  epr2: 'FHIRSIDE_EPR2_PORT',
  epr3: 'FHIRSIDE_EPR3_PORT',
  admin: 'FHIRSIDE_ADMIN_PORT',
  fhircast: 'FHIRSIDE_FHIRCAST_PORT',
};

/** Runs one server's start, turning a port clash into a message that says what to do. */
async function starting<T>(key: keyof typeof PORTS, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} (${key}) is already in use. Stop what holds it, or set ${PORT_ENV[key]}=<free port>.`);
    }
    throw error;
  }
}

/** Waits until every URL answers an HTTP request (any status): listening is not yet answering. */
async function probe(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        await response.body?.cancel();
        break;
      } catch (error) {
        if (attempt >= 20) throw new Error(`${url} does not answer: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

/** @param options - ports, open sources, a log line sink and a data seed */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ports = options.ports ?? PORTS;
  const log = options.log ?? (() => {});
  const open = new Set(options.openSources ?? []);
  let latencyMs = options.latencyMs ?? (Number(process.env['FHIRSIDE_LATENCY_MS']) || 0);
  // A range set through the admin server: each answer drawn anew, so answers overtake one another.
  let latencyJitterMs = 0;
  const nextLatency = () => latencyMs + (latencyJitterMs > 0 ? Math.floor(Math.random() * (latencyJitterMs + 1)) : 0);
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    // Newest first, each awaited, so nothing outlives the world.
    for (const closeOne of closers.splice(0).reverse()) await closeOne().catch(() => undefined);
  };

  try {
    // Filled in as the FHIR servers come up: their bases and patients are only known then.
    const fhirBaseUrls: string[] = [];
    const picker: PickerPatient[] = [];
    // Each source can be stopped and started again (admin), so the world holds its current server.
    type SourceHandle = { server?: FhirServer; open: boolean; fault?: Fault; resources: Resource[]; profile: string; profileOptions?: Partial<ProfileOptions>; start: () => Promise<FhirServer> };
    const running = new Map<SourceId, SourceHandle>();
    const shapers = new Map<ShapedLink, LinkShaper>((['auth', ...SOURCES.map((s) => s.id)] as const).map((id) => [id, createLinkShaper(id)]));
    const auth = await starting('auth', ports.auth, () => startAuthServer({
      host: HOST, port: ports.auth, fhirBaseUrls, redirectUris: [...EXTENSION_REDIRECT_URIS], patientsForPicker: picker, shaper: shapers.get('auth')!,
      // One authorization server for every source: it cannot tell which one a request without aud
      // is for, so it refuses it if any source's profile requires aud.
      audienceRequired: () => [...running.values()].some((handle) => rulesOf(handle.profile).includes('aud-required')),
    }));
    closers.push(auth.close);
    log(`auth   ${auth.issuer}  SMART authorization server (demo sign-in: demo.clinician / demo)`);

    const tokens = revocable(auth.validateToken);
    const bases: Partial<Record<SourceId, string>> = {};
    for (const source of SOURCES) {
      const resources: Resource[] = generateSourceResources(source.id, options.seed === undefined ? {} : { seed: options.seed });
      for (const extra of options.bundles ?? []) if (extra.source === source.id) resources.push(...resourcesFromBundle(extra.bundle));
      const isOpen = open.has(source.id);
      const handle: SourceHandle = {
        open: isOpen,
        resources,
        fault: options.faults?.[source.id],
        profile: options.profiles?.[source.id] ?? DEFAULT_PROFILES[source.id],
        // A restarted source keeps its fault: a test that stops and starts it still sees it misbehave.
        start: async () => {
          const server = await startFhirServer({
            source, host: HOST, port: ports[source.id], resources, authIssuer: auth.issuer, latencyMs: nextLatency, shaper: shapers.get(source.id)!,
            profile: handle.profile, ...(handle.profileOptions ? { profileOptions: handle.profileOptions } : {}),
            ...(handle.open ? {} : { validateToken: tokens.validateToken }),
          });
          if (handle.fault) server.setFault(handle.fault);
          return server;
        },
      };
      const fhir = await starting(source.id, ports[source.id], handle.start);
      handle.server = fhir;
      running.set(source.id, handle);
      closers.push(async () => handle.server?.close());
      fhirBaseUrls.push(fhir.baseUrl);
      picker.push(...pickerPatientsFrom(resources, fhir.baseUrl));
      bases[source.id] = fhir.baseUrl;
      log(`${source.id.padEnd(6)} ${fhir.baseUrl}  ${source.name}, profile ${handle.profile}${isOpen ? ' (open: no token needed)' : ''}`);
    }

    const hub = await starting('fhircast', ports.fhircast, () => startFhircastHub({ host: HOST, port: ports.fhircast, validateToken: tokens.validateToken }));
    closers.push(hub.close);
    log(`hub    ${hub.url}  FHIRcast hub (topic ${FHIRCAST_TOPIC})`);

    const epr1 = await starting('epr1', ports.epr1, () => startEprSite({ variant: 1, host: HOST, port: ports.epr1, patients: ROSTER }));
    closers.push(epr1.close);
    log(`epr1   ${epr1.url}  Riverside PAS (demo EPR)`);
    // EPR 2 publishes patient-open/close to the hub and offers a SMART EHR launch of fhirside.
    const integration = {
      fhircast: { hubUrl: hub.url, topic: FHIRCAST_TOPIC },
      launch: { authUrl: auth.issuer, appLaunchUrl: LAUNCH_PATH, fhirBaseUrls: bases },
    };
    const epr2 = await starting('epr2', ports.epr2, () => startEprSite({ variant: 2, host: HOST, port: ports.epr2, patients: ROSTER, integration }));
    closers.push(epr2.close);
    log(`epr2   ${epr2.url}/app  Northfield ClinicalWorks (demo EPR)`);
    const epr3 = await starting('epr3', ports.epr3, () => startEprSite({ variant: 3, host: HOST, port: ports.epr3, patients: ROSTER }));
    closers.push(epr3.close);
    log(`epr3   ${epr3.url}  Harbour Care Record (demo EPR for the rule builder: no built-in rule)`);

    const admin = await starting('admin', ports.admin, () => startAdminServer({
      host: HOST,
      port: ports.admin,
      controls: {
        stopSource: async (id) => {
          const handle = running.get(id as SourceId);
          if (!handle) return false;
          await handle.server?.close();
          handle.server = undefined;
          return true;
        },
        startSource: async (id) => {
          const handle = running.get(id as SourceId);
          if (!handle) return false;
          handle.server ??= await handle.start();
          return true;
        },
        setSourceOpen: async (id, isOpen) => {
          const handle = running.get(id as SourceId);
          if (!handle) return false;
          await handle.server?.close();
          handle.open = isOpen;
          handle.server = await handle.start();
          return true;
        },
        setFault: (id, fault) => {
          const handle = running.get(id as SourceId);
          if (!handle) return false;
          handle.fault = fault;
          handle.server?.setFault(fault);
          if (fault.mode === 'token-expired') tokens.revokeAll();
          return true;
        },
        setProfile: (id, spec, profileOptions) => {
          const handle = running.get(id as SourceId);
          if (!handle) return false;
          handle.server?.setProfile(spec, profileOptions);
          // Kept for a restart, like a fault.
          handle.profile = spec;
          handle.profileOptions = profileOptions;
          return true;
        },
        revokeAccessTokens: () => tokens.revokeAll(),
        loadBundle: async (id, bundle) => {
          const handle = running.get(id as SourceId);
          if (!handle) return undefined;
          const loaded = resourcesFromBundle(bundle);
          // Kept with the source's records, so a stopped and restarted source still holds them.
          handle.resources.push(...loaded);
          await handle.server?.repo.load(loaded);
          picker.push(...pickerPatientsFrom(loaded, bases[id as SourceId] ?? ''));
          return loaded.length;
        },
        setLatency: (minMs, maxMs) => {
          latencyMs = minMs;
          latencyJitterMs = maxMs - minMs;
        },
      },
    }));
    closers.push(admin.close);
    log(`admin  ${admin.url}  sandbox controls (stop/start a source, revoke tokens)`);

    const urls: SandboxUrls = {
      auth: auth.issuer,
      gp: bases.gp ?? '',
      acute: bases.acute ?? '',
      mh: bases.mh ?? '',
      epr1: epr1.url,
      epr2: epr2.url,
      epr3: epr3.url,
      admin: admin.url,
      fhircast: hub.url,
    };
    await probe([
      `${urls.auth}/.well-known/openid-configuration`,
      ...SOURCES.map((s) => `${urls[s.id]}/metadata`),
      `${urls.epr1}/`,
      `${urls.epr2}/app`,
      `${urls.epr3}/`,
      `${urls.fhircast}/${FHIRCAST_TOPIC}`,
    ]);
    return {
      urls,
      close,
      setLatency: (ms) => void ((latencyMs = ms), (latencyJitterMs = 0)),
      setShaping: (links) => {
        for (const [id, shaper] of shapers) shaper.set(links[id]);
      },
      takeServed: () => [...shapers.values()].flatMap((s) => s.served.splice(0)).sort((a, b) => a.arrivedAt - b.arrivedAt),
    };
  } catch (error) {
    await close();
    throw error;
  }
}
