import { useState } from 'preact/hooks';
import { checkSource } from '../../lib/config/check-item';
import type { SourceSettings } from '../../lib/config/model';
import { Field } from './Field';
import { FormProblems } from './FormProblems';

interface Props {
  readonly onAdd: (source: SourceSettings) => void;
}

const EMPTY = { id: '', name: '', fhirBaseUrl: '', clientId: '', scope: '' };

/** Adds one of the clinician's own sources, checked before it is saved. */
export function SourceForm({ onAdd }: Props) {
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    const typed: SourceSettings = {
      id: form.id.trim(),
      name: form.name.trim(),
      fhirBaseUrl: form.fhirBaseUrl.trim(),
      clientId: form.clientId.trim(),
      ...(form.scope.trim() && { scope: form.scope.trim() }),
    };
    const checked = checkSource(typed);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setForm(EMPTY);
    onAdd(typed);
  };
  return (
    <form class="add-form" aria-label="Add a source" onSubmit={submit}>
      <h3>Add a source</h3>
      <Field label="Id" name="id" hint="short, lower-case, e.g. research" value={form.id} onInput={set('id')} />
      <Field label="Name" name="name" value={form.name} onInput={set('name')} />
      <Field label="FHIR base URL" name="fhirBaseUrl" type="url" hint="https://…" value={form.fhirBaseUrl} onInput={set('fhirBaseUrl')} />
      <Field label="Client id" name="clientId" hint="registered for fhirside with the server" value={form.clientId} onInput={set('clientId')} />
      <Field label="Scopes (optional)" name="scope" value={form.scope} onInput={set('scope')} />
      <FormProblems problems={problems} />
      <button type="submit" class="primary">
        Add source
      </button>
    </form>
  );
}
