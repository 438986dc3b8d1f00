import type { Origin } from '../../lib/config/model';
import type { SourceConfig } from '../../lib/sources/source-config';
import { ConnectionResult, type ConnectionState } from './ConnectionResult';
import { OriginNote } from './OriginNote';

interface Props {
  readonly sources: readonly SourceConfig[];
  readonly origins: Readonly<Record<string, Origin>>;
  readonly checks: Readonly<Record<string, ConnectionState>>;
  readonly onTest: (sourceId: string) => void;
  readonly onRemove: (sourceId: string) => void;
}

/** Every effective source with where it came from; only the clinician's own can be removed. */
export function SourceTable({ sources, origins, checks, onTest, onRemove }: Props) {
  if (sources.length === 0) return <p class="empty">No sources are configured.</p>;
  return (
    <table class="config-table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">FHIR server</th>
          <th scope="col">Set by</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => {
          const origin = origins[source.id] ?? 'default';
          return (
            <tr key={source.id} data-source={source.id} data-origin={origin}>
              <td>
                <strong>{source.name}</strong> <code>{source.id}</code>
              </td>
              <td>
                <code>{source.fhirBaseUrl}</code>
                {source.clientId && <div class="secondary">client id {source.clientId}</div>}
                <ConnectionResult result={checks[source.id]} />
              </td>
              <td>
                <OriginNote origin={origin} />
              </td>
              <td class="actions">
                <button type="button" disabled={checks[source.id]?.state === 'running'} onClick={() => onTest(source.id)}>
                  Test connection
                </button>
                {origin === 'user' && (
                  <button type="button" class="link" onClick={() => onRemove(source.id)}>
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
