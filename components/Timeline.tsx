import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Summary } from '../lib/summary/model';
import { filterTimeline, TIMELINE_KINDS, timelineEvents, withGaps, type TimelineKind } from '../lib/summary/timeline';
import { formatDate } from './format';
import { orderedSources } from './row-marks';
import { SourceChip } from './SourceChip';
import { TimelineFilters } from './TimelineFilters';
import type { ExpandSignal } from './useFind';

interface Props {
  readonly summary: Summary;
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly sourceOrder: readonly string[];
  readonly expand?: ExpandSignal;
}

const PAGE = 40;
const KIND_WORDS: Record<TimelineKind, string> = {
  admission: 'Admission',
  encounter: 'Encounter',
  procedure: 'Procedure',
  result: 'Result',
  imaging: 'Imaging',
  document: 'Document',
  'medicine-started': 'Medicine started',
  'medicine-stopped': 'Medicine stopped',
};
const span = (days: number) => (days >= 730 ? `${Math.floor(days / 365)} years` : `${Math.round(days / 30.4)} months`);

/** Everything that happened on one list, newest first, filterable by source and type, with gaps said. */
export function Timeline({ summary, sourceNames, sourceOrder, expand }: Props) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [hiddenSources, setHiddenSources] = useState<ReadonlySet<string>>(new Set());
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<TimelineKind>>(new Set());
  useEffect(() => {
    if (expand) setOpen(expand.open);
  }, [expand?.seq]);
  const events = useMemo(() => timelineEvents(summary), [summary]);
  const sourceIds = orderedSources([...new Set(events.flatMap((e) => e.sourceIds))], sourceOrder);
  const kept = filterTimeline(events, {
    sources: new Set(sourceIds.filter((s) => !hiddenSources.has(s))),
    kinds: new Set(TIMELINE_KINDS.map((k) => k.id).filter((k) => !hiddenKinds.has(k))),
  });
  const items = withGaps(kept.slice(0, shown));
  const patientKey = summary.patientKey;
  return (
    <section class="section section-timeline" aria-labelledby="title-timeline" data-section="timeline" data-patient={patientKey}>
      <h2 id="title-timeline">
        <button type="button" class="section-toggle" aria-expanded={open} aria-controls="body-timeline" onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span> Timeline <span class="count">({kept.length === events.length ? events.length : `${kept.length} of ${events.length}`})</span>
        </button>
      </h2>
      {open && (
        <div id="body-timeline">
          <TimelineFilters
            patientKey={patientKey}
            sourceIds={sourceIds}
            sourceNames={sourceNames}
            hiddenSources={hiddenSources}
            hiddenKinds={hiddenKinds}
            onSources={setHiddenSources}
            onKinds={setHiddenKinds}
          />
          {items.length === 0 ? (
            <p class="empty">{events.length === 0 ? 'No dated events in the sources that answered' : 'No events of the chosen types and sources'}</p>
          ) : (
            <ol class="timeline">
              {items.map((item) =>
                item.type === 'gap' ? (
                  <li key={`gap-${item.from}-${item.to}`} class="timeline-gap" data-patient={patientKey}>
                    Nothing recorded for {span(item.days)} ({formatDate(item.from)} to {formatDate(item.to)})
                  </li>
                ) : (
                  <li key={item.id} class={`timeline-event timeline-${item.kind}`} data-patient={item.patientKey} data-source={orderedSources(item.sourceIds, sourceOrder)[0]} data-sources={orderedSources(item.sourceIds, sourceOrder).join(' ')} data-kind={item.kind}>
                    <span class="timeline-date">{formatDate(item.date)}</span>
                    <span class="timeline-kind">{KIND_WORDS[item.kind]}</span>
                    <span class="timeline-text">{item.text}</span>
                    {item.detail && <span class="timeline-detail">{item.detail}</span>}
                    <span class="timeline-sources">
                      {orderedSources(item.sourceIds, sourceOrder).map((id) => <SourceChip key={id} sourceId={id} name={sourceNames[id] ?? id} />)}
                    </span>
                  </li>
                ),
              )}
            </ol>
          )}
          {kept.length > shown && (
            <button type="button" class="more" onClick={() => setShown(shown + PAGE * 5)}>
              Show {Math.min(kept.length - shown, PAGE * 5)} more of {kept.length - shown} older
            </button>
          )}
        </div>
      )}
    </section>
  );
}
