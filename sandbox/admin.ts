/**
 * The sandbox's control room, for tests and demos: stop and restart a FHIR source, and revoke
 * every access token issued so far. Loopback only, like the rest of the world.
 *   POST /sources/<id>/stop    POST /sources/<id>/start     POST /tokens/revoke
 *   POST /sources/<id>/open    (serve without tokens)   POST /sources/<id>/secure (require them again)
 *   POST /sources/<id>/fault   {"mode": "http-503", "resourceType"?: "Observation"}  (mode "none" clears it)
 *   POST /sources/<id>/profile {"profile": "hapi-like", "tokenSeconds"?: 3, "linkSeconds"?: 1}  (how the source behaves; "strict-standard" is the plain engine)
 *   POST /latency              {"minMs": 0, "maxMs": 300}  (each FHIR answer held a random time in the range)
 *   POST /sources/<id>/bundle  a FHIR Bundle (transaction, batch, document, collection): its resources join the source
 */
import { createServer } from 'node:http';
import { FAULT_MODES, type Fault } from './fhir/faults';
import { readJsonBody } from './admin-body';
import { rulesOf } from './fhir/profiles/named';
import type { ProfileOptions } from './fhir/profiles/exchange';
import { closeServer, listen } from './listen';

export interface AdminControls {
  stopSource(id: string): Promise<boolean>;
  startSource(id: string): Promise<boolean>;
  setSourceOpen(id: string, open: boolean): Promise<boolean>;
  setFault(id: string, fault: Fault): boolean;
  /** @throws Error for an unknown profile spec */
  setProfile(id: string, spec: string, options?: Partial<ProfileOptions>): boolean;
  revokeAccessTokens(): void;
  /** Holds every FHIR answer a random time in [minMs, maxMs], drawn per request. */
  setLatency(minMs: number, maxMs: number): void;
  /** Adds a Bundle's resources to a source (sandbox/fhir/load-bundle.ts); how many, or undefined for an unknown source. */
  loadBundle(id: string, bundle: unknown): Promise<number | undefined>;
}

export interface AdminServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the admin server. */
export async function startAdminServer(options: { host: string; port: number; controls: AdminControls }): Promise<AdminServer> {
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://admin').pathname;
    if (request.method !== 'POST') return reply(405, { error: 'POST only' });
    const source = /^\/sources\/([\w-]+)\/(stop|start|open|secure)$/.exec(path);
    if (source) {
      const [, id, action] = source;
      const { controls } = options;
      const run =
        action === 'stop' ? controls.stopSource(id!) : action === 'start' ? controls.startSource(id!) : controls.setSourceOpen(id!, action === 'open');
      void run.then((known) => reply(known ? 200 : 404, { source: id, action, known }), (error: Error) => reply(500, { error: error.message }));
      return;
    }
    const faultPath = /^\/sources\/([\w-]+)\/fault$/.exec(path);
    if (faultPath) {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        let fault: Fault | undefined;
        try {
          fault = JSON.parse(raw || '{}') as Fault;
        } catch {
          return reply(400, { error: 'body is not JSON' });
        }
        if (!FAULT_MODES.includes(fault.mode)) return reply(400, { error: `mode must be one of ${FAULT_MODES.join(', ')}` });
        const known = options.controls.setFault(faultPath[1]!, fault);
        reply(known ? 200 : 404, { source: faultPath[1], fault });
      });
      return;
    }
    const bundlePath = /^\/sources\/([\w-]+)\/bundle$/.exec(path);
    if (bundlePath) {
      void readJsonBody(request)
        .then((bundle) => options.controls.loadBundle(bundlePath[1]!, bundle))
        .then((loaded) => reply(loaded === undefined ? 404 : 200, { source: bundlePath[1], loaded }), (error: Error) => reply(400, { error: error.message }));
      return;
    }
    const profilePath = /^\/sources\/([\w-]+)\/profile$/.exec(path);
    if (profilePath) {
      void readJsonBody(request).then(
        (raw) => {
          const body = (typeof raw === 'object' && raw !== null ? raw : {}) as { profile?: unknown; tokenSeconds?: unknown; linkSeconds?: unknown };
          const spec = typeof body.profile === 'string' ? body.profile : '';
          try {
            rulesOf(spec || '?');
          } catch (error) {
            return reply(400, { error: (error as Error).message });
          }
          const settings: Partial<ProfileOptions> = {
            ...(typeof body.tokenSeconds === 'number' ? { tokenSeconds: body.tokenSeconds } : {}),
            ...(typeof body.linkSeconds === 'number' ? { linkSeconds: body.linkSeconds } : {}),
          };
          const known = options.controls.setProfile(profilePath[1]!, spec, settings);
          reply(known ? 200 : 404, { source: profilePath[1], profile: spec, ...settings });
        },
        (error: Error) => reply(400, { error: error.message }),
      );
      return;
    }
    if (path === '/latency') {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        const body = (() => { try { return JSON.parse(raw || '{}') as { minMs?: unknown; maxMs?: unknown }; } catch { return undefined; } })();
        const [min, max] = [Number(body?.minMs ?? 0), Number(body?.maxMs ?? body?.minMs ?? 0)];
        if (!(min >= 0 && max >= min && max <= 60_000)) return reply(400, { error: 'need 0 <= minMs <= maxMs <= 60000' });
        options.controls.setLatency(min, max);
        reply(200, { minMs: min, maxMs: max });
      });
      return;
    }
    if (path === '/tokens/revoke') {
      options.controls.revokeAccessTokens();
      return reply(200, { revoked: true });
    }
    reply(404, { error: 'unknown admin action' });
  });
  const port = await listen(server, options.host, options.port);
  return {
    url: `http://${options.host}:${port}`,
    close: () => closeServer(server),
  };
}
