/**
 * The sandbox FHIRcast hub on node:http and `ws`: the hub URL (`/api/hub`) takes subscription
 * requests (form posts) and context changes (JSON posts from the demo EPR), `GET /api/hub/<topic>`
 * returns the current context, and subscribers connect to `ws://…/ws/<id>`. The demo EPR posts
 * from its page, so loopback origins get CORS. A subscription needs a bearer token the sandbox's
 * authorization server issued (FHIRcast: the hub's authorization server), when `validateToken` is
 * given; the demo EPR's context changes are not authenticated (loopback demo only).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebSocketServer } from 'ws';
import { BodyTooLargeError, readBody } from '../auth/http-body';
import { FhircastHub, type Acknowledgement } from './hub';
import { closeServer, listen } from '../listen';

export interface FhircastHubOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly heartbeatSeconds?: number;
  readonly maxLeaseSeconds?: number;
  /** Checks a subscriber's bearer token (null: unknown, expired or revoked); without it, anyone may subscribe. */
  readonly validateToken?: (accessToken: string) => Promise<unknown>;
  readonly sendContextOnSubscribe?: boolean;
}

export interface FhircastHubServer {
  /** The hub URL (`hub.url`), e.g. `http://127.0.0.1:8120/api/hub`. */
  readonly url: string;
  readonly port: number;
  /** Every subscriber acknowledgement received, oldest first. */
  readonly acknowledgements: readonly Acknowledgement[];
  close(): Promise<void>;
}

const HUB_PATH = '/api/hub';
const LOOPBACK_OR_EXTENSION = /^(http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+|chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[\w-]+)$/;

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** True when the request carries a bearer token the authorization server stands behind. */
async function authorized(req: IncomingMessage, validateToken: FhircastHubOptions['validateToken']): Promise<boolean> {
  if (!validateToken) return true;
  const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return token !== undefined && (await validateToken(token)) !== null;
}

async function route(hub: FhircastHub, req: IncomingMessage, res: ServerResponse, options: FhircastHubOptions): Promise<void> {
  const origin = req.headers.origin ?? '';
  if (LOOPBACK_OR_EXTENSION.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin).setHeader('Vary', 'Origin');
  const path = new URL(req.url ?? '/', 'http://hub.invalid').pathname;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type, Authorization' }).end();
    return;
  }
  if (req.method === 'GET' && path.startsWith(`${HUB_PATH}/`)) {
    // The current context names a patient: only a subscriber's token may read it.
    if (!(await authorized(req, options.validateToken))) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return answer(res, 401, 'reading the current context needs a bearer token from the sandbox authorization server');
    }
    const current = hub.currentContext(decodeURIComponent(path.slice(HUB_PATH.length + 1)));
    return answer(res, current.status, current.body);
  }
  if (path !== HUB_PATH) return answer(res, 404, 'not found');
  if (req.method !== 'POST') return answer(res, 405, 'POST a subscription or a context change');
  const body = await readBody(req);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (type === 'application/x-www-form-urlencoded') {
    if (!(await authorized(req, options.validateToken))) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return answer(res, 401, 'a subscription needs a bearer token from the sandbox authorization server');
    }
    const result = hub.subscribe(new URLSearchParams(body));
    return answer(res, result.status, result.body);
  }
  // text/plain: a closing EPR page's last word (a simple request, which needs no CORS preflight).
  if (type !== 'application/json' && type !== 'text/plain') return answer(res, 415, 'form posts subscribe, JSON posts change context');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return answer(res, 400, 'body is not JSON');
  }
  const result = hub.publish(json);
  answer(res, result.status, result.body);
}

/** @param options - where to listen, heartbeat period and the longest lease */
export async function startFhircastHub(options: FhircastHubOptions): Promise<FhircastHubServer> {
  const server = createServer();
  const port = await listen(server, options.host, options.port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const hub = new FhircastHub({ wsBase: `ws://${host}:${port}/ws/`, heartbeatSeconds: options.heartbeatSeconds ?? 10, maxLeaseSeconds: options.maxLeaseSeconds ?? 3600, sendContextOnSubscribe: options.sendContextOnSubscribe });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('request', (req, res) => {
    route(hub, req, res, options).catch((error: unknown) => {
      if (!res.headersSent) answer(res, error instanceof BodyTooLargeError ? 413 : 500, error instanceof Error ? error.message : 'error');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    const id = /^\/ws\/([\w-]+)$/.exec(new URL(req.url ?? '/', 'http://hub.invalid').pathname)?.[1];
    sockets.handleUpgrade(req, socket, head, (ws) => {
      if (!id || !hub.attach(id, ws)) ws.close(1008, 'no such subscription');
    });
  });
  return {
    url: `http://${host}:${port}${HUB_PATH}`,
    port,
    acknowledgements: hub.acknowledgements,
    async close() {
      hub.close();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await closeServer(server);
    },
  };
}
