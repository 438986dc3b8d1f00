/**
 * Reads a small request body for the server's own endpoints (sign-in form, EHR launch). The
 * provider parses bodies for its endpoints itself, so this is never used on those.
 */
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 16 * 1024;

export class BodyTooLargeError extends Error {}

/** @param req - the incoming request; rejects bodies over 16 KiB */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** @param req - a form post (application/x-www-form-urlencoded) */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}
