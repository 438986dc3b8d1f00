/**
 * The demo EPR sites the extension reads patient context from (node:http, server-rendered,
 * no frameworks, nothing loaded from elsewhere). Variant 1 is a classic multi-page PAS; variant 2
 * a single-page app that switches patient without a page load; variant 3 a shared care record
 * that frames the patient among other people's NHS numbers (the rule builder's demo).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RosterPatient } from '../data/roster';
import { send } from './html';
import { LAUNCH_PATH } from '../config';
import { renderLaunchNotRedirected, renderShell, type EprIntegration } from './northfield';
import { renderList, renderNotFound, renderPatient } from './riverside';
import { renderHarbourFrame, renderHarbourList, renderHarbourNotFound, renderHarbourRecord } from './harbour';
import { closeServer, listen } from '../listen';

export interface EprSiteOptions {
  readonly variant: 1 | 2 | 3;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly patients: readonly RosterPatient[];
  /** EPR 2 only: publish to a FHIRcast hub and offer a SMART EHR launch of fhirside. */
  readonly integration?: EprIntegration;
}

export interface EprSite {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

const HTML = 'text/html; charset=utf-8';

function riverside(patients: readonly RosterPatient[]): Handler {
  return (_req, res, url) => {
    if (url.pathname === '/') {
      send(res, 200, HTML, renderList(patients, url.searchParams.get('q') ?? '', new Date()));
      return;
    }
    const key = /^\/patient\/([\w-]+)$/.exec(url.pathname)?.[1];
    const patient = patients.find((p) => p.key === key);
    if (patient === undefined) send(res, 404, HTML, renderNotFound());
    else send(res, 200, HTML, renderPatient(patient, new Date()));
  };
}

function harbour(patients: readonly RosterPatient[]): Handler {
  return (_req, res, url) => {
    if (url.pathname === '/') return send(res, 200, HTML, renderHarbourList(patients), [], true);
    const [, kind, key] = /^\/(record|frame)\/([\w-]+)$/.exec(url.pathname) ?? [];
    const patient = patients.find((p) => p.key === key);
    if (patient === undefined) send(res, 404, HTML, renderHarbourNotFound());
    else send(res, 200, HTML, kind === 'frame' ? renderHarbourFrame(patients, patient) : renderHarbourRecord(patients, patient), [], true);
  };
}

function northfield(patients: readonly RosterPatient[], [script, integrationScript]: readonly [string, string], integration: EprIntegration | undefined): Handler {
  const connectTo = [integration?.fhircast?.hubUrl, integration?.launch?.authUrl].filter((u) => u !== undefined).map((u) => new URL(u).origin);
  return (_req, res, url) => {
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/app' }).end();
    } else if (url.pathname === '/app.js') {
      send(res, 200, 'text/javascript; charset=utf-8', script);
    } else if (url.pathname === '/integration.js') {
      send(res, 200, 'text/javascript; charset=utf-8', integrationScript);
    } else if (url.pathname === LAUNCH_PATH) {
      // Reached only where no fhirside redirected it: not installed, or this page may not launch it.
      send(res, 200, HTML, renderLaunchNotRedirected());
    } else if (url.pathname === '/app' || url.pathname.startsWith('/app/')) {
      // Any route gets the shell; the app decides what the path means (deep links and reloads).
      send(res, 200, HTML, renderShell(patients, new Date(), integration), connectTo);
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  };
}

const readScript = (name: string) => readFile(new URL(name, import.meta.url), 'utf8');

/** @param options - which site, where, and the patients it lists */
export async function startEprSite(options: EprSiteOptions): Promise<EprSite> {
  const handler = options.variant === 1
    ? riverside(options.patients)
    : options.variant === 3
    ? harbour(options.patients)
    : northfield(options.patients, [await readScript('./northfield-app.js'), await readScript('./northfield-integration.js')], options.integration);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://epr.invalid');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    try {
      handler(req, res, url);
    } catch (error) {
      console.error(`EPR ${options.variant}: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  const port = await listen(server, options.host, options.port);
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    async close() {
      await closeServer(server);
    },
  };
}
