import type { Lens } from '../../lib/config/effective-config';
import type { Origin } from '../../lib/config/model';
import type { GeneralSettings } from '../../lib/config/user-settings-edit';
import { OriginNote } from './OriginNote';

export interface GeneralValues {
  readonly defaultLens: Lens;
  readonly maxAgeMinutes: number;
  readonly maxPatients: number;
}

interface Props {
  readonly values: GeneralValues;
  readonly origins: { readonly defaultLens: Origin; readonly cacheMaxAge: Origin; readonly cacheMaxPatients: Origin };
  /** Called with the full set of the user's own values after any change. */
  readonly onChange: (general: GeneralSettings) => void;
}

const LENSES: Record<Lens, string> = { general: 'General', cancer: 'Cancer', 'mental-health': 'Mental health' };

/** Default view and the local copy's limits; values set by policy are shown but cannot be edited. */
export function GeneralSettingsForm({ values, origins, onChange }: Props) {
  const own = (origin: Origin) => origin === 'user';
  const current: GeneralSettings = {
    ...(own(origins.defaultLens) && { defaultLens: values.defaultLens }),
    cache: {
      ...(own(origins.cacheMaxAge) && { maxAgeMinutes: values.maxAgeMinutes }),
      ...(own(origins.cacheMaxPatients) && { maxPatients: values.maxPatients }),
    },
  };
  const number = (key: 'maxAgeMinutes' | 'maxPatients') => (e: Event) => {
    const value = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isInteger(value) && value > 0) onChange({ ...current, cache: { ...current.cache, [key]: value } });
  };
  return (
    <div class="general">
      <label class="field">
        <span class="field-label">Open the panel with this view</span>
        <select name="defaultLens" value={values.defaultLens} disabled={origins.defaultLens === 'managed'} onChange={(e) => onChange({ ...current, defaultLens: e.currentTarget.value as Lens })}>
          {Object.entries(LENSES).map(([lens, label]) => (
            <option key={lens} value={lens}>
              {label}
            </option>
          ))}
        </select>
        <OriginNote origin={origins.defaultLens} />
      </label>
      <label class="field">
        <span class="field-label">Show a saved summary for up to (minutes)</span>
        <input name="maxAgeMinutes" type="number" min={1} value={values.maxAgeMinutes} disabled={origins.cacheMaxAge === 'managed'} onChange={number('maxAgeMinutes')} />
        <OriginNote origin={origins.cacheMaxAge} />
      </label>
      <label class="field">
        <span class="field-label">Keep saved summaries for at most (patients)</span>
        <input name="maxPatients" type="number" min={1} value={values.maxPatients} disabled={origins.cacheMaxPatients === 'managed'} onChange={number('maxPatients')} />
        <OriginNote origin={origins.cacheMaxPatients} />
      </label>
    </div>
  );
}
