interface Props {
  readonly name: string;
  readonly sourceId: string;
  /** What this source itself said, when it differs from the row's own words. */
  readonly said?: string;
}

/** Where a fact came from: the source's display name, short enough for a 360 px panel. */
export function SourceChip({ name, sourceId, said }: Props) {
  return (
    <span class="chip" data-source={sourceId} title={said ? `${name}: ${said}` : name}>
      {name}
    </span>
  );
}
