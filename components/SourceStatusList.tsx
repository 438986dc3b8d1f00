import type { SourceStatus } from '../lib/lookup';

export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  /** False for a source configured without sign-in. */
  readonly signsIn?: boolean;
}

interface Props {
  readonly sources: readonly SourceInfo[];
  readonly statuses: Readonly<Record<string, SourceStatus>>;
  readonly onSignIn: (sourceIds: readonly string[]) => void;
  readonly onSignOut?: (sourceId: string) => void;
  readonly signingIn: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(status: SourceStatus): string {
  switch (status.state) {
    case 'loading':
      return status.received ? `Fetching… (${plural(status.received, 'record')} so far)` : 'Fetching…';
    case 'needs-sign-in':
      return 'Sign-in needed';
    case 'done': {
      const gaps = Object.entries(status.problems ?? {});
      const limits = Object.entries(status.notes ?? {});
      const base = `Up to date (${plural(status.resourceCount, 'record')})`;
      const withGaps = gaps.length === 0 ? base : `${base}. Not loaded: ${gaps.map(([type, why]) => `${type} (${why})`).join('; ')}`;
      // Limits the source imposes: what fhirside could not ask it for, and why.
      const withLimits = limits.length === 0 ? withGaps : `${withGaps}. Limited: ${limits.map(([type, why]) => `${type} (${why})`).join('; ')}`;
      return withLimits === base ? base : `${withLimits}.`;
    }
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

function tone(status: SourceStatus): 'bad' | 'good' | 'neutral' {
  if (status.state === 'error' || status.state === 'ambiguous' || status.state === 'mismatch') return 'bad';
  if (status.state === 'done') return status.problems ? 'bad' : 'good';
  return 'neutral';
}

const signedIn = (status: SourceStatus | undefined) => status !== undefined && status.state !== 'needs-sign-in' && status.state !== 'loading';

/** Each configured source and how its part of this look-up went, with sign-in where it is needed. */
export function SourceStatusList({ sources, statuses, onSignIn, onSignOut, signingIn }: Props) {
  const needing = sources.filter((s) => statuses[s.id]?.state === 'needs-sign-in');
  return (
    <section class="sources" aria-label="Sources">
      <h2 class="sources-title">Sources</h2>
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
              {onSignOut && source.signsIn !== false && signedIn(status) && (
                <button type="button" class="link" onClick={() => onSignOut(source.id)} aria-label={`Sign out of ${source.name}`}>
                  Sign out
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
