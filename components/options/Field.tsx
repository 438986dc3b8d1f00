interface Props {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string;
  readonly disabled?: boolean;
  readonly type?: 'text' | 'url' | 'number';
}

/** A labelled text input. */
export function Field({ label, name, value, onInput, hint, disabled, type = 'text' }: Props) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      {hint && <span class="hint">{hint}</span>}
      <input name={name} type={type} value={value} disabled={disabled} readOnly={disabled} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}
