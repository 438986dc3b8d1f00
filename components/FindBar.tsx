import type { ExpandSignal } from './useFind';
import { KeyboardHelp } from './KeyboardHelp';

interface Props {
  readonly patientKey: string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** Rows matching the query across sections; undefined when nothing is typed. */
  readonly matches?: number;
  /** Allergies the query hides: always said, never hidden silently. */
  readonly allergiesHidden: number;
  readonly expand?: ExpandSignal;
  readonly onExpand: (signal: ExpandSignal) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Find in record, expand or collapse every section, and the keyboard help. */
export function FindBar({ patientKey, query, onQuery, matches, allergiesHidden, expand, onExpand }: Props) {
  const seq = (expand?.seq ?? 0) + 1;
  return (
    <div class="find-bar" data-patient={patientKey} role="search">
      <label class="find-label" for="find-input">Find in record</label>
      <div class="find-row">
        <input
          id="find-input"
          class="find-input"
          type="search"
          value={query}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="find-status"
          onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Escape' && query && (e.preventDefault(), onQuery(''))}
        />
        <button type="button" class="tool" onClick={() => onExpand({ open: true, seq })}>Expand all</button>
        <button type="button" class="tool" onClick={() => onExpand({ open: false, seq })}>Collapse all</button>
        <KeyboardHelp />
      </div>
      <p id="find-status" class="find-status" role="status">
        {matches !== undefined && `${plural(matches, 'match', 'matches')} for "${query.trim()}".`}
        {matches !== undefined && allergiesHidden > 0 && (
          <strong class="find-allergies-hidden"> {plural(allergiesHidden, 'allergy', 'allergies')} hidden by find.</strong>
        )}
      </p>
    </div>
  );
}
