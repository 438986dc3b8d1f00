import { LENSES, type LensId } from '../lib/summary/lens';

interface Props {
  readonly lens: LensId;
  readonly onLens: (lens: LensId) => void;
}

/** General / Cancer / Mental health, as radio buttons: arrow keys move between them. */
export function LensSwitcher({ lens, onLens }: Props) {
  return (
    <fieldset class="lens-switcher">
      <legend>View</legend>
      {LENSES.map((l) => (
        <label key={l.id} class={l.id === lens ? 'selected' : ''}>
          <input type="radio" name="lens" value={l.id} checked={l.id === lens} onChange={() => onLens(l.id)} />
          {l.label}
        </label>
      ))}
    </fieldset>
  );
}
