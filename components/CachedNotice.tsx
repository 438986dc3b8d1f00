import { formatAge, formatTimestamp } from './format';

interface Props {
  readonly savedAt: number;
  readonly now: number;
  /** True once the live look-up has finished without replacing the saved copy. */
  readonly refreshFailed: boolean;
}

/** Says plainly that what is shown is a saved copy, and how old it is. Never shown for live data. */
export function CachedNotice({ savedAt, now, refreshFailed }: Props) {
  return (
    <p class="cached-notice" role="status" data-cached-at={savedAt}>
      <strong>Saved copy</strong> from {formatTimestamp(savedAt, new Date(now))} ({formatAge(now - savedAt)} ago).{' '}
      {refreshFailed ? 'It could not be refreshed from every source: check the sources below.' : 'Checking the sources for anything newer…'}
    </p>
  );
}
