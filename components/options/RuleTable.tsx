import type { ContextRule, IdentifierLocator } from '../../lib/context/rules';
import type { Origin } from '../../lib/config/model';
import { OriginNote } from './OriginNote';

interface Props {
  readonly rules: readonly ContextRule[];
  readonly origins: Readonly<Record<string, Origin>>;
  readonly onRemove: (ruleId: string) => void;
}

function where(identifier: IdentifierLocator): string {
  switch (identifier.from) {
    case 'url':
      return `in the address: ${identifier.pattern}`;
    case 'selector':
      return `on the page: ${identifier.selector}${identifier.attribute ? ` [${identifier.attribute}]` : ''}`;
    case 'text':
      return 'a labelled NHS number anywhere on the page';
  }
}

/** Every effective context rule, in the order they are tried, with where each came from. */
export function RuleTable({ rules, origins, onRemove }: Props) {
  if (rules.length === 0) return <p class="empty">No EPR sites are configured.</p>;
  return (
    <table class="config-table">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Pages (address pattern)</th>
          <th scope="col">Patient identifier</th>
          <th scope="col">Set by</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => {
          const origin = origins[rule.id] ?? 'default';
          return (
            <tr key={rule.id} data-rule={rule.id} data-origin={origin}>
              <td>
                <code>{rule.id}</code>
              </td>
              <td>
                <code>{rule.urlPattern}</code>
              </td>
              <td>{where(rule.identifier)}</td>
              <td>
                <OriginNote origin={origin} />
              </td>
              <td class="actions">
                {origin === 'user' && (
                  <button type="button" class="link" onClick={() => onRemove(rule.id)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
