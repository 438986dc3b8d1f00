import type { OpenTab } from '../../../lib/platform/rule-builder-tab';

interface Props {
  readonly tabs: readonly OpenTab[];
  /** The tab being taught now, if any. */
  readonly teaching?: number;
  readonly onTeach: (tab: OpenTab) => void;
}

/** The open EPR pages, each with the button that starts teaching fhirside that page. */
export function TabPicker({ tabs, teaching, onTeach }: Props) {
  if (tabs.length === 0) return <p class="empty">Open the EPR on a patient in another tab: it will be listed here.</p>;
  return (
    <table class="config-table">
      <thead>
        <tr>
          <th scope="col">Open page</th>
          <th scope="col">Address</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tabs.map((tab) => (
          <tr key={tab.id} data-tab={tab.id} data-url={tab.url}>
            <td>{tab.title}</td>
            <td>
              <code>{tab.url}</code>
            </td>
            <td class="actions">
              <button type="button" aria-pressed={teaching === tab.id} onClick={() => onTeach(tab)}>
                Teach fhirside this page
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
