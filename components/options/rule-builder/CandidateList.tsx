import { formatNhsNumber } from '../../../lib/context/nhs-number';
import type { CandidateView } from '../../../lib/context/rule-builder/messages';
import type { FoundFrame, Pick } from '../../../lib/context/rule-builder/session';
import { formatDate } from '../../../lib/summary/display-date';

interface Props {
  readonly frames: readonly FoundFrame[];
  readonly chosen?: Pick;
  readonly birthDate?: Pick;
  readonly onChoose: (pick: Pick) => void;
  readonly onBirthDate: (pick: Pick) => void;
}

/** Where a candidate was read, in words: the address, an element's text or attribute, its label and section. */
function whereFrom(c: CandidateView, frame: FoundFrame, top: boolean): string {
  const place = top ? 'the page' : `a frame (${frame.frameUrl})`;
  if (c.origin.from === 'url') return `In the address of ${place}`;
  const what = c.origin.attribute ? `attribute ${c.origin.attribute} of a <${c.origin.tag}>` : `text of a <${c.origin.tag}>`;
  const label = c.origin.label ? `, labelled “${c.origin.label}”` : '';
  const section = c.section ? `, under “${c.section}”` : '';
  return `${what} in ${place}${label}${section}`;
}

const same = (a: Pick | undefined, b: Pick) => a?.frameId === b.frameId && a.index === b.index;

/** Every NHS number and date the page shows, numbered as marked on the page, for the analyst to choose from. */
export function CandidateList({ frames, chosen, birthDate, onChoose, onBirthDate }: Props) {
  const rows = frames.flatMap((frame) => frame.candidates.map((c) => ({ frame, c, pick: { frameId: frame.frameId, index: c.index } })));
  if (rows.length === 0) return null;
  return (
    <table class="config-table candidates">
      <caption class="secondary">Numbered as marked on the page: red for NHS numbers, blue for dates.</caption>
      <thead>
        <tr>
          <th scope="col">Mark</th>
          <th scope="col">Shown as</th>
          <th scope="col">Where it comes from</th>
          <th scope="col">
            <span class="visually-hidden">Choose</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ frame, c, pick }) => (
          <tr key={`${pick.frameId}:${pick.index}`} data-candidate={`${pick.frameId}:${pick.index}`} data-kind={c.kind} data-value={c.value} data-chosen={same(chosen, pick) || same(birthDate, pick) || undefined}>
            <td>{c.badge}</td>
            <td>{c.kind === 'nhs-number' ? `NHS number ${formatNhsNumber(c.value)}` : `Date ${formatDate(c.value)}`}</td>
            <td>{whereFrom(c, frame, frame.frameId === 0)}</td>
            <td class="actions">
              {c.kind === 'nhs-number' ? (
                <button type="button" aria-pressed={same(chosen, pick)} onClick={() => onChoose(pick)}>
                  This is the patient’s NHS number
                </button>
              ) : (
                <button type="button" aria-pressed={same(birthDate, pick)} onClick={() => onBirthDate(pick)}>
                  This is the patient’s date of birth
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
