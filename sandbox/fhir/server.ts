/**
 * One sandbox FHIR R4 source over node:http: discovery documents, then every FHIR interaction
 * through medplum's FhirRouter against this source's repository.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { getStatus, isOk, normalizeOperationOutcome } from '@medplum/core';
import type { FhirRequest, HttpMethod } from '@medplum/fhir-router';
import { FhirRouter } from '@medplum/fhir-router';
import type { SandboxSource } from '../config';
import { authorise } from './auth-guard';
import { readBody, sendJson, sendOutcome, sendResource, setCors } from './http';
import type { SandboxRepository } from './repository';
import { createRepository } from './repository';
import { capabilityStatement, smartConfiguration } from './smart';
import { interceptRequest, restrictAccess, rewritesReply, sendRewritten, type Fault } from './faults';
import type { ValidateToken } from './types';
import { createProfileLayer, type ProfileLayer } from './profiles/layer';
import type { Answer, ProfileOptions } from './profiles/exchange';
import { closeServer, listen } from '../listen';
import type { LinkShaper } from '../link-shaper';

export type { TokenInfo } from './types';

export interface FhirServerOptions {
  readonly source: SandboxSource;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly resources: readonly Resource[];
  /** Base URL of the authorisation server, e.g. http://127.0.0.1:8100. */
  readonly authIssuer: string;
  /** Without it the source is open (no token needed). */
  readonly validateToken?: ValidateToken;
  /** Milliseconds to hold every answer, read per request: a WAN round trip on loopback (bench). */
  readonly latencyMs?: () => number;
  /** How this server behaves (sandbox/fhir/profiles/named.ts); default `strict-standard`. */
  readonly profile?: string;
  readonly profileOptions?: Partial<ProfileOptions>;
  /** A wide-area link in front of the server (bench WAN scenarios); loopback as it is while unshaped. */
  readonly shaper?: LinkShaper;
}

export interface FhirServer {
  /** `http://host:port/fhir` */
  readonly baseUrl: string;
  readonly port: number;
  /** The store behind the server; writes here show up in later responses. */
  readonly repo: SandboxRepository;
  /** Injects a fault (sandbox/fhir/faults.ts) until set back to `none`. */
  setFault(fault: Fault): void;
  /** Switches the profile (a new one starts with no stored searches). @throws Error for an unknown spec */
  setProfile(spec: string, options?: Partial<ProfileOptions>): void;
  readonly profile: () => ProfileLayer;
  close(): Promise<void>;
}

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Absolute entry URLs on this server become relative, as medplum's batch router expects. */
function relativiseBatch(body: unknown, baseUrl: string): void {
  const bundle = body as Bundle | undefined;
  if (bundle?.resourceType !== 'Bundle') return;
  for (const entry of bundle.entry ?? []) {
    const url = entry.request?.url;
    if (url?.startsWith(`${baseUrl}/`) && entry.request) entry.request.url = url.slice(baseUrl.length + 1);
  }
}

export async function startFhirServer(options: FhirServerOptions): Promise<FhirServer> {
  const repo = await createRepository(options.resources);
  const router = new FhirRouter();
  const wellKnown = smartConfiguration(options.authIssuer);
  let baseUrl = '';
  let fault: Fault = { mode: 'none' };
  let profile = createProfileLayer(options.profile ?? 'strict-standard', () => baseUrl, options.profileOptions);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const latency = options.latencyMs?.() ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET') as HttpMethod;
    if (url.pathname !== '/fhir' && !url.pathname.startsWith('/fhir/')) {
      sendOutcome(res, 404, normalizeOperationOutcome(new Error('Not found')), {});
      return;
    }
    const path = url.pathname.slice('/fhir'.length);
    if (method === 'GET' && path === '/metadata') {
      sendResource(res, 200, profile.capabilities(capabilityStatement(options.source, baseUrl, options.authIssuer, repo.resourceTypes(), Boolean(options.validateToken))));
      return;
    }
    if (method === 'GET' && path === '/.well-known/smart-configuration') {
      sendJson(res, 200, wellKnown, 'application/json; charset=utf-8');
      return;
    }
    if (!METHODS.has(method)) {
      sendOutcome(res, 405, normalizeOperationOutcome(new Error(`Method ${method} not allowed`)));
      return;
    }
    if (fault.mode !== 'none' && interceptRequest(fault, req, res)) return;
    const guard = await authorise(req.headers, options.validateToken, baseUrl, profile.rules.includes('aud-required'));
    if (!guard.ok) {
      sendOutcome(res, 401, guard.outcome, { 'WWW-Authenticate': guard.challenge });
      return;
    }
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    relativiseBatch(body, baseUrl);
    const access = repo.forRequest(restrictAccess(fault, guard.access));
    const engine = async (request: { method: string; path: string; params: URLSearchParams; body?: unknown }): Promise<Answer> => {
      const search = request.params.size > 0 ? `?${request.params.toString()}` : '';
      const fhirRequest: FhirRequest = { method: request.method as HttpMethod, url: `${request.path}${search}`, pathname: '', params: {}, query: {}, body: request.body, headers: req.headers, config: {} };
      const [outcome, resource] = await router.handleRequest(fhirRequest, access);
      return resource && isOk(outcome) ? { status: getStatus(outcome), body: resource } : { status: getStatus(outcome), body: outcome };
    };
    const answer = await profile.handle({ method, path, params: url.searchParams, body, headers: req.headers }, engine);
    const { status, body: resource } = answer;
    if (status < 300) {
      const location: Record<string, string> = status === 201 && resource.id ? { Location: `${baseUrl}/${resource.resourceType}/${resource.id}` } : {};
      if (rewritesReply(fault)) sendRewritten(fault, res, status, resource, url.href);
      else sendResource(res, status, resource, { ...location, ...answer.headers });
    } else {
      sendJson(res, status, resource, undefined, { ...answer.headers });
    }
  }

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      const outcome = normalizeOperationOutcome(err);
      if (!res.headersSent) sendOutcome(res, getStatus(outcome), outcome);
      else res.end();
    });
  };
  const server = createServer((req, res) => (options.shaper ? options.shaper.serve(req, res, () => answer(req, res)) : answer(req, res)));
  const port = await listen(server, options.host, options.port);
  baseUrl = `http://${options.host}:${port}/fhir`;
  repo.baseUrl = baseUrl;
  return {
    baseUrl,
    port,
    repo,
    setFault: (next) => {
      fault = next;
    },
    setProfile: (spec, profileOptions) => {
      profile = createProfileLayer(spec, () => baseUrl, profileOptions);
    },
    profile: () => profile,
    close: () => closeServer(server),
  };
}
