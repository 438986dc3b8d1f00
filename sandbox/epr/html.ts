/** HTML helpers shared by the demo EPR sites. */
import type { ServerResponse } from 'node:http';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script type="application/json">` element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Everything loads from the site itself: no CDN, no third party. A browser extension's content
 * script is not bound by the page's policy, so this does not get in the extension's way.
 */
const csp = (connectTo: readonly string[], frames: boolean) =>
  `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src ${["'self'", ...connectTo].join(' ')}; base-uri 'none'; form-action 'self'; frame-src ${frames ? "'self'" : "'none'"}; frame-ancestors ${frames ? "'self'" : "'none'"}`;

/**
 * @param connectTo - origins the page's script may call besides its own (the FHIRcast hub, the EHR launch endpoint)
 * @param frames - the site frames its own pages (EPR 3); every other page may be framed by nobody
 */
export function send(res: ServerResponse, status: number, contentType: string, body: string, connectTo: readonly string[] = [], frames = false): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': csp(connectTo, frames),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export interface PageParts {
  readonly title: string;
  readonly style: string;
  readonly body: string;
  readonly head?: string;
}

export function page(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style>
${parts.head ?? ''}
</head>
<body>
${parts.body}
</body>
</html>`;
}
