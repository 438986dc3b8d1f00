interface Props {
  readonly problems: readonly string[];
}

/** Why an entry in one of the add forms was not accepted, read out as soon as it appears. */
export function FormProblems({ problems }: Props) {
  if (problems.length === 0) return null;
  return (
    <ul class="warning" role="alert">
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
