import type { PageContextReport } from '../lib/context/patient-context';
import { bannerFromContext, type LookupView } from '../lib/lookup';
import { changesSince, type Snapshot } from '../lib/summary/diff';
import { LENSES, applyLens, type LensId } from '../lib/summary/lens';
import { sectionAnswered } from '../lib/summary/answered';
import { SECTION_ORDER, SUMMARY_VERSION, emptySections, type SectionId, type Summary, type SummaryRow } from '../lib/summary/model';
import { useState } from 'preact/hooks';
import { CachedNotice } from './CachedNotice';
import { ChangesNotice } from './ChangesNotice';
import { CoverageTable } from './CoverageTable';
import { FindBar } from './FindBar';
import { narrowByFind } from './find-view';
import { FocusBlock } from './FocusBlock';
import { NoPatient } from './NoPatient';
import { PanelPages } from './PanelPages';
import { PatientBanner } from './PatientBanner';
import { ResultsHorizon } from './ResultsHorizon';
import { PrintFooter, PrintHeader } from './PrintFrame';
import { SectionJumps } from './SectionJumps';
import { SectionList } from './SectionList';
import { SourceStatusList, type SourceInfo } from './SourceStatusList';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { WithheldNotice } from './WithheldNotice';
import { useFind, type ExpandSignal } from './useFind';
import { useKeyboardNav } from './useKeyboardNav';

interface Props {
  readonly report: PageContextReport | undefined;
  readonly view: LookupView | undefined;
  readonly sources: readonly SourceInfo[];
  readonly onSignIn: (sourceIds: readonly string[]) => void;
  readonly onSignOut?: (sourceId: string) => void;
  readonly signingIn: boolean;
  readonly now: number;
  readonly lens?: LensId;
  readonly onLens?: (lens: LensId) => void;
  /** What this browser showed for the patient last time; rows newer than it are marked. */
  readonly previous?: Snapshot;
  readonly onRefresh?: () => void;
  readonly onCopy?: (summary: Summary, lens: LensId) => Promise<void>;
  readonly onPopOut?: () => void;
  /** Fetches the results older than the sources' horizon. */
  readonly onShowOlder?: () => void;
  /** When the live summary was completed. */
  readonly asOf?: number;
  readonly offline?: boolean;
  /** Prints the panel (offered in the pop-out window). */
  readonly onPrint?: () => void;
}

const answered = (view: LookupView) => Object.values(view.sources).every((s) => s.state === 'done' || s.state === 'not-known');

/**
 * Which summary to draw. With a saved copy, stale-while-revalidate section by section: a section
 * every source has delivered afresh replaces the saved one, the rest stay saved (so facts from a
 * slow or failing source never vanish) until every source has answered. Without a saved copy,
 * live data is drawn as it arrives. A saved copy of an older model version is not drawn.
 */
function chooseSummary(view: LookupView): { summary?: Summary; cachedAt?: number } {
  const cached = view.cached?.value.version === SUMMARY_VERSION ? view.cached : undefined;
  if (!cached || (view.complete && answered(view))) return { summary: view.live };
  const fresh = view.live && !view.complete ? (view.liveSections ?? []) : [];
  if (!view.live || fresh.length === 0) return { summary: cached.value, cachedAt: cached.savedAt };
  const sections = { ...cached.value.sections };
  const incomplete = { ...cached.value.incomplete };
  for (const id of fresh) {
    sections[id] = view.live.sections[id];
    incomplete[id] = view.live.incomplete[id];
  }
  return { summary: { ...cached.value, sections, incomplete }, cachedAt: cached.savedAt };
}

/** Wrong-patient rule at the last step: only rows whose patient is the page's patient are drawn. */
function onlyFor(summary: Summary, patientKey: string): Summary {
  const sections = Object.fromEntries(SECTION_ORDER.map((id) => [id, (summary.sections[id] ?? []).filter((r: SummaryRow) => r.patientKey === patientKey)]));
  return { ...summary, sections: sections as Record<SectionId, SummaryRow[]> };
}

/** The whole panel for the followed tab. */
export function Panel(props: Props) {
  const { report, view, sources, onSignIn, onSignOut, signingIn, now, lens = 'general' } = props;
  // Find and expand belong to the patient on screen: a switch of patient clears them (useFind).
  const [query, setQuery] = useFind(report?.kind === 'patient' ? report.context.key : '');
  const [expand, setExpand] = useState<ExpandSignal>();
  // From the previous signal, not this render's: the key handler may hold an older render's closure.
  useKeyboardNav({ onExpand: (open) => setExpand((previous) => ({ open, seq: (previous?.seq ?? 0) + 1 })), onClearFind: () => setQuery('') });
  if (report?.kind !== 'patient') return <NoPatient report={report} />;
  const context = report.context;
  // Wrong-patient rule: a view made for any other context is never drawn, not even for a frame.
  const current = view?.context.key === context.key ? view : undefined;
  const chosen = current ? chooseSummary(current) : {};
  const { cachedAt } = chosen;
  const summary = chosen.summary && onlyFor(chosen.summary, context.key);
  const nothingYet: Summary = { patientKey: context.key, banner: bannerFromContext(context), sections: emptySections(() => []), incomplete: {}, sourceIds: [] };
  const lensView = applyLens(summary ?? nothingYet, lens);
  const sourceNames = Object.fromEntries(sources.map((s) => [s.id, s.name]));
  const sourceOrder = sources.map((s) => s.id);
  const stillLoading = !current?.complete;
  // Marks only on live data: a saved copy is what was seen last time.
  const changes = summary && cachedAt === undefined ? changesSince(props.previous, summary) : undefined;
  const lensLabel = LENSES.find((l) => l.id === lens)?.label ?? '';
  const found = narrowByFind(lensView, query, sourceNames);
  const today = new Date(now).toISOString().slice(0, 10);
  const banner = summary?.banner.family ? summary.banner : bannerFromContext(context);
  const shownAsOf = cachedAt ?? (current?.complete ? props.asOf : undefined);
  return (
    <PanelPages patientKey={context.key} head={<PatientBanner banner={banner} />} foot={<PrintFooter banner={banner} />}>
      <PrintHeader patientKey={context.key} sources={sources} sourceIds={summary?.sourceIds ?? []} asOf={shownAsOf} cached={cachedAt !== undefined} lens={lensLabel} now={now} />
      <Toolbar
        lens={lens}
        onLens={props.onLens ?? (() => {})}
        onRefresh={props.onRefresh}
        onCopy={summary && props.onCopy ? () => props.onCopy!(summary, lens) : undefined}
        onPopOut={props.onPopOut}
        onPrint={props.onPrint}
        asOf={shownAsOf}
        offline={props.offline}
        now={now}
      />
      {cachedAt !== undefined && current && <CachedNotice savedAt={cachedAt} now={now} refreshFailed={current.complete} />}
      {current?.withheld && <WithheldNotice sourceNames={current.withheld.map((id) => sourceNames[id] ?? id)} />}
      {current?.cacheProblem && <p class="warning">{current.cacheProblem}.</p>}
      {summary && changes && <ChangesNotice summary={summary} changes={changes} />}
      <FindBar patientKey={context.key} query={query} onQuery={setQuery} matches={found.matches} allergiesHidden={found.allergiesHidden} expand={expand} onExpand={setExpand} />
      <SectionJumps patientKey={context.key} sections={found.sections} timeline={summary !== undefined} />
      {found.sections.slice(0, 1).map((s) => (
        <SectionList key={s.id} section={s.id} rows={s.rows} total={s.total} sourceNames={sourceNames} sourceOrder={sourceOrder} incomplete={summary?.incomplete[s.id]} loading={stillLoading && cachedAt === undefined} answered={sectionAnswered(summary ?? nothingYet, s.id)} changes={changes} removed={summary?.removed?.[s.id]} />
      ))}
      <FocusBlock title={`${lensLabel} view`} groups={found.focus} sourceNames={sourceNames} sourceOrder={sourceOrder} changes={changes} />
      {found.sections.slice(1).map((s) => (
        <SectionList
          key={`${lens}-${s.id}`}
          section={s.id}
          rows={s.rows}
          sourceNames={sourceNames}
          sourceOrder={sourceOrder}
          incomplete={summary?.incomplete[s.id]}
          loading={stillLoading && cachedAt === undefined}
          answered={sectionAnswered(summary ?? nothingYet, s.id)}
          collapsed={s.collapsed}
          changes={changes}
          removed={summary?.removed?.[s.id]}
          notice={s.id === 'results' || s.id === 'vitals' ? <ResultsHorizon since={summary?.resultsSince} patientKey={context.key} onShowOlder={props.onShowOlder} /> : undefined}
          total={s.total}
          expand={expand}
          today={today}
        />
      ))}
      {summary && <Timeline key={context.key} summary={summary} sourceNames={sourceNames} sourceOrder={sourceOrder} expand={expand} />}
      {summary && <CoverageTable summary={summary} sources={sources} />}
      <SourceStatusList sources={sources} statuses={current?.sources ?? {}} onSignIn={onSignIn} onSignOut={onSignOut} signingIn={signingIn} />
    </PanelPages>
  );
}
