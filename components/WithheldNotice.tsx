interface Props {
  /** Names of the sources the saved copy's user must sign in to again. */
  readonly sourceNames: readonly string[];
}

/**
 * A saved copy that is not drawn: whoever fetched it is not signed in to every source it came from.
 * Nothing of it is shown (not its age, not its rows): only which sign-ins would bring it back.
 */
export function WithheldNotice({ sourceNames }: Props) {
  if (sourceNames.length === 0) return null;
  return (
    <p class="cached-notice" role="status" data-withheld={sourceNames.join(', ')}>
      <strong>Saved copy withheld</strong> until you sign in to {sourceNames.join(', ')}.
    </p>
  );
}
