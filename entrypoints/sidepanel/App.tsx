import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AuditNotice } from '@/components/AuditNotice';
import { IdleLock } from '@/components/IdleLock';
import { ContextConflictWarning } from '@/components/ContextConflictWarning';
import { HubSyncWarning } from '@/components/HubSyncWarning';
import { SiteAccessRequest } from '@/components/SiteAccessRequest';
import { Panel } from '@/components/Panel';
import { DEFAULT_IDLE_LOCK_MS } from '@/lib/config/built-in';
import type { LookupView } from '@/lib/lookup';
import { LENSES, type LensId } from '@/lib/summary/lens';
import type { SectionId, Summary } from '@/lib/summary/model';
import type { PanelServices } from './services';
import { useAudit } from './useAudit';
import { usePrint } from './usePrint';
import { useFollowedTab } from './useFollowedTab';
import { useIdleLock } from './useIdleLock';
import { useHubSync } from './useHubSync';
import { useLookup } from './useLookup';
import { useSiteAccess } from './useSiteAccess';
import { useTabReport } from './useTabReport';
import { popOut, useAsOf, useLens, useOnline, usePrevious } from './useSummaryControls';

interface Props {
  readonly services: PanelServices;
}

const FIRST_SCREEN: readonly SectionId[] = ['allergies', 'problems', 'medications'];

/** Marks the moments the bench measures, once per look-up. */
function usePerformanceMarks(view: LookupView | undefined) {
  const marked = useRef(new Set<string>());
  // Layout effect: runs as soon as the DOM holds the view, which is the moment being measured.
  useLayoutEffect(() => {
    if (!view) {
      marked.current = new Set();
      return;
    }
    const mark = (name: string) => {
      if (marked.current.has(name)) return;
      marked.current.add(name);
      performance.mark(`fhirside:${name}`);
    };
    if (view.cached) mark('cache-rendered');
    // First screen: banner, allergies, problems and medicines live from every source (the long
    // tail may still be loading), or every source has stopped (done, failed, or needs sign-in).
    const firstScreen = FIRST_SCREEN.every((s) => view.liveSections?.includes(s)) || Object.values(view.sources).every((s) => s.state !== 'loading');
    if (firstScreen) mark('first-screen');
    if (view.complete) mark('complete');
  }, [view]);
}

export function App({ services }: Props) {
  const tabId = useFollowedTab();
  const report = useTabReport(services.store, tabId);
  const hubSync = useHubSync(services.store);
  const context = report?.kind === 'patient' ? report.context : undefined;
  const siteAccess = useSiteAccess(tabId, services.config.contextRules);
  const [generation, setGeneration] = useState(0);
  const [signingIn, setSigningIn] = useState(false);
  const [signInProblems, setSignInProblems] = useState<string[]>([]);
  // "Show older" results, for the patient it was asked for only: the next patient starts at the horizon again.
  const [allResultsFor, setAllResultsFor] = useState<string | undefined>(undefined);
  const view = useLookup(context, services.lookupDeps, generation, { allResults: context !== undefined && allResultsFor === context.key });
  usePerformanceMarks(view);
  const auditStatus = useAudit(view, services);
  const [lens, setLens] = useLens();
  const previous = usePrevious(view);
  const asOf = useAsOf(view);
  const online = useOnline();
  const onPrint = usePrint(view, LENSES.find((l) => l.id === lens)?.label ?? lens, services);
  const sourceInfo = useMemo(() => services.sources.map(({ id, name, auth }) => ({ id, name, signsIn: auth === 'smart' })), [services]);
  const sourceNames = useMemo(() => Object.fromEntries(sourceInfo.map((s) => [s.id, s.name])), [sourceInfo]);
  const onCopy = (summary: Summary, chosen: LensId) => import('./copy-summary').then((m) => m.copySummary(sourceNames, summary, chosen));
  const afterSignOut = () => setGeneration((g) => g + 1);
  const onSignOut = (sourceId: string) => void services.signOut(sourceId).then(afterSignOut);
  // Everything is gone, keys included: a fresh panel starts from a clean slate.
  const onSignOutAll = () => void services.signOutAll().then(() => location.reload());

  const idle = useIdleLock(services.config.idleLockMs ?? DEFAULT_IDLE_LOCK_MS, context?.key);

  const onSignIn = (sourceIds: readonly string[]) => {
    setSigningIn(true);
    void services.signIn(sourceIds).then((problems) => {
      setSignInProblems(problems);
      setSigningIn(false);
      setGeneration((g) => g + 1);
    });
  };

  if (idle.locked) return <IdleLock onContinue={idle.unlock} />;
  return (
    <>
      {signInProblems.length > 0 && (
        <div class="warning" role="alert">
          {signInProblems.map((p) => (
            <p key={p}>Sign-in failed for {p}</p>
          ))}
        </div>
      )}
      <HubSyncWarning sync={hubSync} />
      <ContextConflictWarning conflict={report?.kind === 'patient' ? report.conflict : undefined} />
      <SiteAccessRequest site={siteAccess.site} onAllow={siteAccess.allow} />
      <Panel
        report={report}
        view={view}
        sources={sourceInfo}
        onSignIn={onSignIn}
        onSignOut={onSignOut}
        signingIn={signingIn}
        now={Date.now()}
        lens={lens}
        onLens={setLens}
        previous={previous}
        onRefresh={() => setGeneration((g) => g + 1)}
        onShowOlder={context ? () => setAllResultsFor(context.key) : undefined}
        onCopy={onCopy}
        onPopOut={popOut(tabId)}
        onPrint={onPrint}
        asOf={asOf}
        offline={!online}
      />
      <AuditNotice status={auditStatus} />
      <footer class="panel-footer">
        <button type="button" class="link" onClick={onSignOutAll}>
          Clear all data and sign out
        </button>
      </footer>
    </>
  );
}
