/** node:http plumbing: CORS, bodies and FHIR JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError, badRequest } from '@medplum/core';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Browser apps (the extension's pages, demo EPR sites) call these servers cross-origin with a Bearer token. */
export function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Exist, If-None-Match, If-Modified-Since');
  res.setHeader('Access-Control-Expose-Headers', 'Location, Content-Location, ETag, Last-Modified, WWW-Authenticate');
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access preflight for requests to loopback.
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = FHIR_JSON, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendResource(res: ServerResponse, status: number, resource: Resource, headers: Record<string, string> = {}): void {
  const meta = resource.meta;
  sendJson(res, status, resource, FHIR_JSON, {
    ...(meta?.versionId ? { ETag: `W/"${meta.versionId}"` } : {}),
    ...(meta?.lastUpdated ? { 'Last-Modified': new Date(meta.lastUpdated).toUTCString() } : {}),
    ...headers,
  });
}

export function sendOutcome(res: ServerResponse, status: number, outcome: OperationOutcome, headers: Record<string, string> = {}): void {
  sendJson(res, status, outcome, FHIR_JSON, headers);
}

/** Reads a JSON (or form-encoded, for `_search`) body; throws a 400 OperationOutcome when unreadable. */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new OperationOutcomeError(badRequest('Request body too large'));
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const form: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(text)) (form[k] ??= []).push(v);
    return form;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OperationOutcomeError(badRequest('Request body is not valid JSON'));
  }
}
