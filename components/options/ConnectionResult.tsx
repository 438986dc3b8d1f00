export interface ConnectionStep {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export type ConnectionState = { readonly state: 'running' } | { readonly state: 'done'; readonly steps: readonly ConnectionStep[] };

interface Props {
  readonly result: ConnectionState | undefined;
}

const LABEL: Record<string, string> = { discovery: 'SMART discovery', metadata: 'FHIR metadata', 'sign-in': 'Sign-in' };

/** The outcome of "Test connection", one line per step. */
export function ConnectionResult({ result }: Props) {
  if (!result) return null;
  if (result.state === 'running') return <p class="connection" role="status">Testing…</p>;
  return (
    <ul class="connection" role="status">
      {result.steps.map((step) => (
        <li key={step.name} class={step.ok ? 'ok' : 'failed'} data-step={step.name} data-ok={String(step.ok)}>
          {step.ok ? '✓' : '✗'} {LABEL[step.name] ?? step.name}: {step.detail}
        </li>
      ))}
    </ul>
  );
}
