interface Props {
  readonly onImport: (text: string) => void;
  /** What the last import did, or why it was refused. */
  readonly result?: { readonly ok: boolean; readonly lines: readonly string[] };
}

/** Imports a rule pack exported on another computer: its rules become this browser's own. */
export function RulePackImport({ onImport, result }: Props) {
  return (
    <div class="rule-import">
      <label class="field">
        <span class="field-label">Import a rule pack</span>
        <input
          type="file"
          name="rulePackFile"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void file.text().then(onImport);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {result && (
        <ul class={result.ok ? 'imported' : 'warning'} role={result.ok ? 'status' : 'alert'}>
          {result.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
