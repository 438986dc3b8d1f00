import { TIMELINE_KINDS, type TimelineKind } from '../lib/summary/timeline';

interface Props {
  readonly patientKey: string;
  readonly sourceIds: readonly string[];
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly hiddenSources: ReadonlySet<string>;
  readonly hiddenKinds: ReadonlySet<TimelineKind>;
  readonly onSources: (hidden: ReadonlySet<string>) => void;
  readonly onKinds: (hidden: ReadonlySet<TimelineKind>) => void;
}

const toggled = <T,>(set: ReadonlySet<T>, value: T): ReadonlySet<T> => {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
};

/** Which sources and types of event the timeline shows: all ticked to begin with. */
export function TimelineFilters({ patientKey, sourceIds, sourceNames, hiddenSources, hiddenKinds, onSources, onKinds }: Props) {
  return (
    <div class="timeline-filters" data-patient={patientKey}>
      <fieldset>
        <legend>Sources</legend>
        {sourceIds.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={!hiddenSources.has(id)} onChange={() => onSources(toggled(hiddenSources, id))} /> {sourceNames[id] ?? id}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Types</legend>
        {TIMELINE_KINDS.map((k) => (
          <label key={k.id}>
            <input type="checkbox" checked={!hiddenKinds.has(k.id)} onChange={() => onKinds(toggled(hiddenKinds, k.id))} /> {k.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
