import type { Origin } from '../../lib/config/model';

interface Props {
  readonly origin: Origin;
}

const WORDS: Record<Origin, string> = {
  managed: 'Set by your organisation',
  user: 'Your setting',
  default: 'Built-in',
};

/** Where a value came from; managed values say so, because the clinician cannot change them. */
export function OriginNote({ origin }: Props) {
  return (
    <span class={`origin origin-${origin}`} data-origin={origin}>
      {WORDS[origin]}
    </span>
  );
}
