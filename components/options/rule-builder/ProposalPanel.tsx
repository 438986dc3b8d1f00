import { describeVerdict, mayBeSaved, PAGES_TO_TEST } from '../../../lib/context/rule-builder/live-test';
import type { TeachingSession } from '../../../lib/context/rule-builder/session';

interface Props {
  readonly session: TeachingSession;
  readonly onPick: (index: number) => void;
  readonly onTestPage: () => void;
  readonly onSave: () => void;
}

const ROBUSTNESS: Record<string, string> = {
  url: 'From the address',
  'stable-attribute': 'By a stable attribute',
  'labelled-container': 'By its labelled section',
  class: 'By its class',
  positional: 'By its position',
};

/** The proposed rule as JSON, the alternatives, what it read on each page tested, and Save once it may be saved. */
export function ProposalPanel({ session, onPick, onTestPage, onSave }: Props) {
  const proposal = session.proposals[session.picked];
  if (!proposal) return null;
  const tests = session.tests[session.picked] ?? [];
  const verdict = mayBeSaved(tests);
  return (
    <div class="proposal" data-robustness={proposal.robustness}>
      <h3>Proposed rule</h3>
      {session.proposals.length > 1 && (
        <fieldset class="alternatives">
          <legend>How to find the number (most robust first)</legend>
          {session.proposals.map((p, i) => (
            <label key={i} class="choice">
              <input type="radio" name="proposal" checked={i === session.picked} onChange={() => onPick(i)} /> {ROBUSTNESS[p.robustness]}: <code>{p.rule.identifier.from === 'url' ? p.rule.identifier.pattern : p.rule.identifier.from === 'selector' ? p.rule.identifier.selector : 'text'}</code>
            </label>
          ))}
        </fieldset>
      )}
      <p class="secondary">{proposal.why}</p>
      <pre class="rule-json" data-rule-json aria-label="The proposed rule as JSON" tabIndex={0}>
        {JSON.stringify(proposal.rule, null, 2)}
      </pre>
      <h3>Live test</h3>
      <p class="secondary">Open {PAGES_TO_TEST - 1} more patients in the EPR tab and choose “Test this page” on each: the rule must read exactly one NHS number, shown on the page, for every patient.</p>
      <table class="config-table tests">
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">What the rule reads</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t) => (
            <tr key={t.url} data-test-url={t.url} data-verdict={t.verdict.kind} class={t.verdict.kind === 'one' ? 'ok' : 'failed'}>
              <td>
                <code>{t.url}</code>
              </td>
              <td>{describeVerdict(t.verdict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={onTestPage}>
          Test this page
        </button>{' '}
        <button type="button" class="primary" disabled={!verdict.ok || session.saved} onClick={onSave}>
          Save rule
        </button>
      </p>
      {!verdict.ok && <p class="secondary" data-save-blocked>{verdict.reason}</p>}
      {session.saved && <p role="status" data-saved>Saved: fhirside now reads this site by this rule in this browser.</p>}
    </div>
  );
}
