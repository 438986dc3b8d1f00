/**
 * Host access for one site, asked of the clinician from the panel. Chrome only grants optional
 * host permissions after a click; a force-installed extension gets its manifest's sites, and
 * policy can allow more (ExtensionSettings `runtime_allowed_hosts`).
 */
import { browser } from 'wxt/browser';

/** True when fhirside may read pages on `site` (a match pattern). */
export function hasSiteAccess(site: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [site] });
}

/** Asks for access to `site`; must run in a click handler. Resolves true when granted. */
export function requestSiteAccess(site: string): Promise<boolean> {
  return browser.permissions.request({ origins: [site] });
}
