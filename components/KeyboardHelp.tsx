/** The panel's keyboard shortcuts (useKeyboardNav.ts), listed where the clinician can find them. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['/', 'Find in record'],
  ['Esc', 'Clear find'],
  ['j / k', 'Next / previous row'],
  ['n / p', 'Next / previous section'],
  ['e / c', 'Expand / collapse all sections'],
  ['t', 'Go to the timeline'],
  ['?', 'Show or hide these shortcuts'],
];

/** A "Keys" disclosure listing the shortcuts; `?` opens and closes it too. */
export function KeyboardHelp() {
  return (
    <details class="keyboard-help" id="keyboard-help">
      <summary class="tool">Keys</summary>
      <div class="keyboard-help-body">
        <p class="keyboard-help-title">Keyboard shortcuts</p>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt><kbd>{keys}</kbd></dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
