import type { SourceStatus } from '../lib/lookup';

export interface SourceInfo {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly sources: readonly SourceInfo[];
  readonly statuses: Readonly<Record<string, SourceStatus>>;
  readonly onSignIn: (sourceIds: readonly string[]) => void;
  readonly signingIn: boolean;
}

function describe(status: SourceStatus): string {
  switch (status.state) {
    case 'loading':
      return 'Loading…';
    case 'needs-sign-in':
      return 'Sign-in needed';
    case 'done':
      return `Up to date (${status.resourceCount} records)`;
    case 'not-known':
      return 'No record of this patient here';
    case 'ambiguous':
      return `Not shown: ${status.count} different records carry this NHS number here. Check with the source.`;
    case 'mismatch':
      return `Not shown: ${status.reason}.`;
    case 'error':
      return `Could not load: ${status.message}.`;
  }
}

const tone = (status: SourceStatus) =>
  status.state === 'error' || status.state === 'ambiguous' || status.state === 'mismatch' ? 'bad' : status.state === 'done' ? 'good' : 'neutral';

/** Each configured source and how its part of this look-up went, with sign-in where it is needed. */
export function SourceStatusList({ sources, statuses, onSignIn, signingIn }: Props) {
  const needing = sources.filter((s) => statuses[s.id]?.state === 'needs-sign-in');
  return (
    <section class="sources" aria-label="Sources">
      {needing.length > 0 && (
        <button type="button" class="primary" disabled={signingIn} onClick={() => onSignIn(needing.map((s) => s.id))}>
          {signingIn ? 'Signing in…' : needing.length === 1 ? `Sign in to ${needing[0]!.name}` : `Sign in to ${needing.length} sources`}
        </button>
      )}
      <ul>
        {sources.map((source) => {
          const status = statuses[source.id] ?? { state: 'loading' };
          return (
            <li key={source.id} class={`source source-${tone(status)}`} data-source={source.id} data-state={status.state}>
              <span class="source-name">{source.name}</span> <span class="source-state">{describe(status)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
