import { useState } from 'preact/hooks';
import { checkSource } from '../../lib/config/check-item';
import type { SourceSettings } from '../../lib/config/model';
import { Field } from './Field';
import { FormProblems } from './FormProblems';

interface Props {
  readonly onAdd: (source: SourceSettings) => void;
}

const EMPTY = { id: '', name: '', fhirBaseUrl: '', clientId: '', scope: '' };

/**
 * Adds one of the clinician's own sources, checked before it is saved and confirmed by name of its
 * host: a source receives the NHS number of every patient looked up, so it is never added unseen.
 */
export function SourceForm({ onAdd }: Props) {
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<readonly string[]>([]);
  // A checked source waits here until the clinician confirms the server it names.
  const [pending, setPending] = useState<SourceSettings>();
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
    setPending(typed);
  };
  const confirm = () => {
    if (!pending) return;
    setPending(undefined);
    setForm(EMPTY);
    onAdd(pending);
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
      {pending ? (
        <div class="confirm" role="alertdialog" aria-label="Confirm the new source">
          <p>
            Every patient you look up will be searched for, by NHS number, at <strong>{new URL(pending.fhirBaseUrl).host}</strong>, and you will sign in
            there. Add {pending.name} only if your organisation trusts this server.
          </p>
          <button type="button" class="primary" onClick={confirm}>
            Add {new URL(pending.fhirBaseUrl).host}
          </button>{' '}
          <button type="button" class="link" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="submit" class="primary">
          Add source
        </button>
      )}
    </form>
  );
}
