import type { Changes } from '../lib/summary/diff';
import type { Summary } from '../lib/summary/model';
import { SECTION_ORDER } from '../lib/summary/model';
import { CHANGE_WORDS } from './row-marks';

interface Props {
  readonly summary: Summary;
  readonly changes: Changes;
  /** When the previous look was saved. */
  readonly since?: string;
}

/** "Since you last looked": what is new, in one list, each entry also marked on its row. */
export function ChangesNotice({ summary, changes, since }: Props) {
  const entries = SECTION_ORDER.flatMap((id) => summary.sections[id].filter((r) => changes.marks[r.id]).map((r) => `${CHANGE_WORDS[changes.marks[r.id]!]}: ${r.text}`));
  const gone = changes.gone.map((text) => `No longer listed: ${text}`);
  if (entries.length + gone.length === 0) return null;
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">Changed since you last looked{since ? ` (${since})` : ''}</h2>
      <ul>
        {[...entries, ...gone].map((text, i) => <li key={i}>{text}</li>)}
      </ul>
    </section>
  );
}
