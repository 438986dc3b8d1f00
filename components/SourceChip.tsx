interface Props {
  readonly name: string;
}

/** Where a fact came from: the source's display name, short enough for a 360 px panel. */
export function SourceChip({ name }: Props) {
  return <span class="chip">{name}</span>;
}
