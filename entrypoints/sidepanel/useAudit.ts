import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AuditStatus } from '@/lib/audit/audit-queue';
import type { AuditSettings } from '@/lib/config/model';
import type { LookupView } from '@/lib/lookup';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { restoreSession, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';
import type { PanelServices } from './services';

/** Unsent records are retried this often while a panel is open. */
const RETRY_MS = 60_000;

/** The audit code, fetched only once policy is known to set an audit endpoint (most installs set none). */
const loadAudit = () => import('@/lib/audit/panel-audit');

/**
 * When policy configures an audit endpoint: queues one AuditEvent per finished look-up, posts the
 * queue (now and every minute), and returns its state for the panel to show. Never blocks care.
 */
export function useAudit(view: LookupView | undefined, services: Pick<PanelServices, 'config' | 'store' | 'sources'>): AuditStatus | undefined {
  const { audit } = services.config;
  const [status, setStatus] = useState<AuditStatus>();
  const started = useRef<{ view?: LookupView; at: number }>({ at: Date.now() });
  const auth: SmartAuthDeps = { store: services.store, launchWebAuthFlow, redirectUri: redirectUri() };

  const session = (source: SourceConfig | undefined) => (source?.auth === 'smart' ? restoreSession(auth, source).catch(() => undefined) : Promise.resolve(undefined));
  /** The first fhirUser any source's sign-in names. */
  const signedInUser = async () => {
    for (const source of services.sources) {
      const user = (await session(source))?.getFhirUser();
      if (user) return user;
    }
    return undefined;
  };
  const flush = async (settings: AuditSettings) => {
    const { flushAuditQueue, auditPoster } = await loadAudit();
    const source = services.sources.find((s) => s.id === settings.sourceId);
    const accessToken = async () => (await session(source))?.state.tokenResponse?.access_token;
    setStatus(await flushAuditQueue({ store: services.store, post: auditPoster({ fetch: (i, init) => fetch(i, init), endpoint: settings.endpoint, sourceBaseUrl: source?.fhirBaseUrl, accessToken, authorization: settings.authorization }) }));
  };

  useEffect(() => {
    if (!audit) return;
    void flush(audit);
    const timer = setInterval(() => void flush(audit), RETRY_MS);
    return () => clearInterval(timer);
  }, [audit]);

  useEffect(() => {
    const previous = started.current.view;
    // A saved copy drawn is an access too: audited once per look-up that draws one.
    if (view?.cached && audit && !(previous?.cached && previous.context.key === view.context.key)) {
      const shown = view;
      void (async () => {
        const { savedCopyAuditRecord, queueAuditEvent, buildAuditEvent } = await loadAudit();
        const record = savedCopyAuditRecord(shown, services.sources, await signedInUser(), Date.now(), `fhirside ${browser.runtime.getManifest().version}`);
        if (!record) return;
        await queueAuditEvent(services.store, buildAuditEvent(record));
        await flush(audit);
      })();
    }
    if (view && !view.complete && (previous?.complete !== false || previous.context.key !== view.context.key)) started.current = { view, at: Date.now() };
    if (view?.complete && previous && !previous.complete && audit) {
      const at = started.current.at;
      void (async () => {
        const { lookupAuditRecord, queueAuditEvent, buildAuditEvent } = await loadAudit();
        const record = lookupAuditRecord(view, services.sources, await signedInUser(), at, `fhirside ${browser.runtime.getManifest().version}`);
        if (!record) return;
        await queueAuditEvent(services.store, buildAuditEvent(record));
        await flush(audit);
      })();
    }
    if (view) started.current = { ...started.current, view };
  }, [view, audit]);

  return status;
}
