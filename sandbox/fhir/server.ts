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
import { closeServer, listen } from '../listen';

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
}

export interface FhirServer {
  /** `http://host:port/fhir` */
  readonly baseUrl: string;
  readonly port: number;
  /** The store behind the server; writes here show up in later responses. */
  readonly repo: SandboxRepository;
  /** Injects a fault (sandbox/fhir/faults.ts) until set back to `none`. */
  setFault(fault: Fault): void;
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
      sendResource(res, 200, capabilityStatement(options.source, baseUrl, options.authIssuer, repo.resourceTypes(), Boolean(options.validateToken)));
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
    const guard = await authorise(req.headers, options.validateToken, baseUrl);
    if (!guard.ok) {
      sendOutcome(res, 401, guard.outcome, { 'WWW-Authenticate': guard.challenge });
      return;
    }
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    relativiseBatch(body, baseUrl);
    const fhirRequest: FhirRequest = { method, url: `${path}${url.search}`, pathname: '', params: {}, query: {}, body, headers: req.headers, config: {} };
    const [outcome, resource] = await router.handleRequest(fhirRequest, repo.forRequest(restrictAccess(fault, guard.access)));
    const status = getStatus(outcome);
    if (resource && isOk(outcome)) {
      const location: Record<string, string> = status === 201 && resource.id ? { Location: `${baseUrl}/${resource.resourceType}/${resource.id}` } : {};
      if (rewritesReply(fault)) sendRewritten(fault, res, status, resource, url.href);
      else sendResource(res, status, resource, location);
    } else {
      sendOutcome(res, status, outcome);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const outcome = normalizeOperationOutcome(err);
      if (!res.headersSent) sendOutcome(res, getStatus(outcome), outcome);
      else res.end();
    });
  });
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
    close: () => closeServer(server),
  };
}
