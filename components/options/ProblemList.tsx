import type { ConfigProblem } from '../../lib/config/model';

interface Props {
  readonly problems: readonly ConfigProblem[];
}

/** What is wrong in the policy or the saved settings, and what was left out because of it. */
export function ProblemList({ problems }: Props) {
  if (problems.length === 0) return null;
  return (
    <section class="warning problems" role="alert" aria-label="Configuration problems">
      <h2>Configuration problems</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-origin={p.origin}>
            {p.origin === 'managed' ? 'Organisation policy' : 'Your settings'}: <code>{p.path}</code> {p.message}
            {p.skipped && <> — left out: {p.skipped}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
