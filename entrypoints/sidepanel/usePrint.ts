/**
 * Print / save as PDF, offered in the pop-out window (pinned to one EPR tab, a full-size page).
 * When policy sets an audit endpoint the printout is queued as its own AuditEvent first: the
 * browser's print dialog holds the page until it closes.
 */
import { browser } from 'wxt/browser';
import type { LookupView } from '@/lib/lookup';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { restoreSession } from '@/lib/sources/smart-auth';
import type { PanelServices } from './services';

async function fhirUserOf(services: Pick<PanelServices, 'store' | 'sources'>): Promise<string | undefined> {
  const auth = { store: services.store, launchWebAuthFlow, redirectUri: redirectUri() };
  for (const source of services.sources) {
    if (source.auth !== 'smart') continue;
    const user = (await restoreSession(auth, source).catch(() => undefined))?.getFhirUser();
    if (user) return user;
  }
  return undefined;
}

/** The print action for this panel, or undefined when it is the docked side panel. */
export function usePrint(view: LookupView | undefined, lensLabel: string, services: Pick<PanelServices, 'config' | 'store' | 'sources'>): (() => void) | undefined {
  if (!new URLSearchParams(location.search).has('tab')) return undefined;
  return () => {
    const { audit } = services.config;
    if (!audit || !view) {
      print();
      return;
    }
    const held = new Set(view.live?.sourceIds ?? view.cached?.value.sourceIds ?? []);
    void (async () => {
      try {
        const { buildPrintAuditEvent, queueAuditEvent } = await import('@/lib/audit/panel-audit');
        const event = buildPrintAuditEvent({
          fhirUser: await fhirUserOf(services),
          patient: view.context.identifier,
          sources: services.sources.filter((s) => held.has(s.id)).map(({ id, name, fhirBaseUrl }) => ({ id, name, fhirBaseUrl })),
          lens: lensLabel,
          at: Date.now(),
          observer: `fhirside ${browser.runtime.getManifest().version}`,
        });
        await queueAuditEvent(services.store, event);
      } finally {
        // Auditing never blocks care: the printout goes ahead even if the event could not be queued.
        print();
      }
    })();
  };
}
