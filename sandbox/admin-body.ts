/** A JSON request body for the admin server, with a size limit (a FHIR Bundle of test data). */
import type { IncomingMessage } from 'node:http';

const MAX_BYTES = 20 * 1024 * 1024;

/** The parsed JSON body; rejects with a message for a body too large or not JSON. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new Error(`body larger than ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new Error('body is not JSON');
  }
}
