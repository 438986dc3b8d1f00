import type { PageContextReport } from '../lib/context/patient-context';
import { bannerFromContext, type LookupView } from '../lib/lookup';
import { SECTION_ORDER, type Summary } from '../lib/summary/model';
import { CachedNotice } from './CachedNotice';
import { NoPatient } from './NoPatient';
import { PatientBanner } from './PatientBanner';
import { SectionList } from './SectionList';
import { SourceStatusList, type SourceInfo } from './SourceStatusList';

interface Props {
  readonly report: PageContextReport | undefined;
  readonly view: LookupView | undefined;
  readonly sources: readonly SourceInfo[];
  readonly onSignIn: (sourceIds: readonly string[]) => void;
  readonly onSignOut?: (sourceId: string) => void;
  readonly signingIn: boolean;
  readonly now: number;
}

const answered = (view: LookupView) => Object.values(view.sources).every((s) => s.state === 'done' || s.state === 'not-known');

/**
 * Which summary to draw: the saved copy until every source has answered afresh (so facts from a
 * slow or failing source do not vanish), then the live one. Live data is drawn progressively
 * only when there is no saved copy.
 */
function chooseSummary(view: LookupView): { summary?: Summary; cachedAt?: number } {
  if (view.cached && !(view.complete && answered(view))) return { summary: view.cached.value, cachedAt: view.cached.savedAt };
  return { summary: view.live };
}

/** The whole panel for the followed tab. */
export function Panel({ report, view, sources, onSignIn, onSignOut, signingIn, now }: Props) {
  if (report?.kind !== 'patient') return <NoPatient report={report} />;
  const context = report.context;
  // Wrong-patient rule: a view made for any other context is never drawn, not even for a frame.
  const current = view?.context.key === context.key ? view : undefined;
  const { summary, cachedAt } = current ? chooseSummary(current) : {};
  const sourceNames = Object.fromEntries(sources.map((s) => [s.id, s.name]));
  const stillLoading = !current?.complete;
  return (
    <main class="panel" data-patient={context.key}>
      <PatientBanner banner={summary?.banner.family ? summary.banner : bannerFromContext(context)} />
      {cachedAt !== undefined && current && <CachedNotice savedAt={cachedAt} now={now} refreshFailed={current.complete} />}
      {current?.cacheProblem && <p class="warning">{current.cacheProblem}.</p>}
      {SECTION_ORDER.map((section) => (
        <SectionList
          key={section}
          section={section}
          rows={(summary?.sections[section] ?? []).filter((row) => row.patientKey === context.key)}
          sourceNames={sourceNames}
          incomplete={summary?.incomplete[section]}
          loading={stillLoading && cachedAt === undefined}
        />
      ))}
      <SourceStatusList sources={sources} statuses={current?.sources ?? {}} onSignIn={onSignIn} onSignOut={onSignOut} signingIn={signingIn} />
    </main>
  );
}
