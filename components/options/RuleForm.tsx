import { useState } from 'preact/hooks';
import { checkRule } from '../../lib/config/check-item';
import type { ContextRule, IdentifierLocator } from '../../lib/context/rules';
import { Field } from './Field';
import { FormProblems } from './FormProblems';

interface Props {
  readonly onAdd: (rule: ContextRule) => void;
}

const EMPTY = { id: '', urlPattern: '', from: 'selector' as IdentifierLocator['from'], selector: '', attribute: '', pattern: '' };

function locator(form: typeof EMPTY): IdentifierLocator {
  switch (form.from) {
    case 'url':
      return { from: 'url', pattern: form.pattern };
    case 'selector':
      return { from: 'selector', selector: form.selector, ...(form.attribute && { attribute: form.attribute }) };
    case 'text':
      return { from: 'text' };
  }
}

/** Adds one of the clinician's own EPR rules, checked before it is saved. */
export function RuleForm({ onAdd }: Props) {
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    const rule: ContextRule = { id: form.id.trim(), urlPattern: form.urlPattern.trim(), identifier: locator(form) };
    const checked = checkRule(rule);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setForm(EMPTY);
    onAdd(checked.value);
  };
  return (
    <form class="add-form" aria-label="Add an EPR site" onSubmit={submit}>
      <h3>Add an EPR site</h3>
      <Field label="Id" name="id" value={form.id} onInput={set('id')} />
      <Field label="Address pattern (regular expression)" name="urlPattern" hint="e.g. ^https://epr\.example\.nhs\.uk/" value={form.urlPattern} onInput={set('urlPattern')} />
      <label class="field">
        <span class="field-label">Where the NHS number is</span>
        <select name="from" value={form.from} onChange={(e) => set('from')(e.currentTarget.value)}>
          <option value="selector">An element on the page</option>
          <option value="url">In the address</option>
          <option value="text">Anywhere, next to its label</option>
        </select>
      </label>
      {form.from === 'selector' && <Field label="CSS selector" name="selector" value={form.selector} onInput={set('selector')} />}
      {form.from === 'selector' && <Field label="Attribute (optional)" name="attribute" value={form.attribute} onInput={set('attribute')} />}
      {form.from === 'url' && <Field label="Pattern with a capture group" name="pattern" hint="e.g. /patient/(\d{10})" value={form.pattern} onInput={set('pattern')} />}
      <FormProblems problems={problems} />
      <button type="submit" class="primary">
        Add EPR site
      </button>
    </form>
  );
}
