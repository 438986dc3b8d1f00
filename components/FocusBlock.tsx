import type { Changes } from '../lib/summary/diff';
import type { FocusGroup } from '../lib/summary/lens';
import { SummaryItem } from './SummaryItem';

interface Props {
  readonly title: string;
  readonly groups: readonly FocusGroup[];
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly sourceOrder: readonly string[];
  readonly changes?: Changes;
}

/** What a lens looks for first (e.g. stage, MDT outcomes, tumour markers), each group saying so when empty. */
export function FocusBlock({ title, groups, sourceNames, sourceOrder, changes }: Props) {
  if (groups.length === 0) return null;
  return (
    <section class="focus" aria-labelledby="focus-title">
      <h2 id="focus-title">{title}</h2>
      {groups.map((group) => (
        <div class="focus-group" key={group.id} data-focus={group.id}>
          <h3>{group.title}</h3>
          {group.rows.length === 0 ? (
            <p class="empty">{group.emptyText}</p>
          ) : (
            <ul>
              {group.rows.map((row) => (
                <SummaryItem key={row.id} row={row} sourceNames={sourceNames} sourceOrder={sourceOrder} mark={changes?.marks[row.id]} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
