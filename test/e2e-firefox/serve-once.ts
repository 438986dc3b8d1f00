/** A one-page web site on a loopback address of the test's choosing (e.g. a host no rule names). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `html` at every path of http://<host>:<free port>/ until closed. */
export async function serveOnce(host: string, html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((listening) => server.listen(0, host, listening));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}/`, close: () => new Promise((closed) => server.close(() => closed())) };
}
