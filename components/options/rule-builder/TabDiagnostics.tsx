import type { TabDiagnosis } from '../../../lib/context/rule-builder/diagnose';

interface Props {
  readonly tabs: readonly TabDiagnosis[];
  /** Reads the tab's frames by its rule, to find a number in a hidden element. */
  readonly onLookCloser: (tabId: number) => void;
}

/** Per open tab: the rule that matched, what each frame read, and why there is no patient. */
export function TabDiagnostics({ tabs, onLookCloser }: Props) {
  return (
    <section aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">What each open tab shows</h2>
      <p class="secondary">The patient the panel shows for each open page, the rule that matched, what each part of the page read, and why a tab shows nobody.</p>
      {tabs.length === 0 ? (
        <p class="empty">No web pages are open.</p>
      ) : (
        <table class="config-table diagnostics">
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Rule</th>
              <th scope="col">What it read</th>
              <th scope="col">Panel shows</th>
            </tr>
          </thead>
          <tbody>
            {tabs.map((d) => (
              <tr key={d.tabId} data-diagnosis={d.tabId} data-url={d.url} data-reason={d.reason?.kind ?? 'patient'}>
                <td>
                  {d.title}
                  <br />
                  <code>{d.url}</code>
                </td>
                <td>{d.rule ? <code>{d.rule}</code> : 'None'}</td>
                <td>
                  <ul class="frames">
                    {d.frames.map((f) => (
                      <li key={f.frameId}>
                        {f.frameId === '0' ? 'Page' : `Frame ${f.url}`}: {f.reading}
                        {f.rule && f.rule !== d.rule ? ` (rule ${f.rule})` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <strong>{d.shows}</strong>
                  {d.reason && <p class="reason">{d.reason.detail}</p>}
                  {d.reason?.kind === 'read-nothing' && (
                    <button type="button" onClick={() => onLookCloser(d.tabId)}>
                      Look for hidden elements
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
