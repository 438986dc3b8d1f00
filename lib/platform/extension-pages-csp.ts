/**
 * The content security policy of fhirside's own pages (panel, options, launch) and its service
 * worker: `content_security_policy.extension_pages` in the manifest.
 *
 * - script-src 'self', object-src 'none': no remote, inline or eval'd code (MV3's floor, tightened).
 * - img-src 'self' data:, media-src 'none', font-src 'self': nothing a narrative or display string
 *   from another organisation could smuggle in loads from the network, so no tracker can learn who
 *   looked at which patient, even if it got past the sanitiser.
 * - connect-src: where fhirside's own requests go. The FHIR sources, their authorization servers,
 *   the audit endpoint and the FHIRcast hub are configured at run time by policy or on the options
 *   page and must be https (wss for the hub), so `https:` and `wss:` are the honest limit: a list of
 *   hosts fixed at build time would break every trust's configuration. The demo build adds the
 *   sandbox on loopback (http and ws to 127.0.0.1 and localhost, any port).
 * - frame-src 'none', base-uri 'none': no page of fhirside frames anything or rebases its links.
 * - No `upgrade-insecure-requests`: Firefox's default extension CSP carries it, and it would turn
 *   the loopback ws:// hub of the demo build into wss://, which the sandbox does not serve.
 */

const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*'];

/**
 * The `extension_pages` policy.
 * @param loopback - true for the demo build, which talks to the sandbox on loopback
 */
export function extensionPagesCsp(loopback: boolean): string {
  const connect = ["'self'", 'https:', 'wss:', ...(loopback ? LOOPBACK : [])];
  return [
    "script-src 'self'",
    "object-src 'none'",
    "img-src 'self' data:",
    "media-src 'none'",
    "font-src 'self'",
    "frame-src 'none'",
    "base-uri 'none'",
    `connect-src ${connect.join(' ')}`,
  ].join('; ');
}
