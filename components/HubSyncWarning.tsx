/** What the panel knows of its FHIRcast subscription (the background keeps it in session storage). */
export interface HubSync {
  readonly status: 'connecting' | 'subscribed' | 'retrying' | 'stopped';
  readonly detail?: string;
}

interface Props {
  readonly sync: HubSync | undefined;
}

/**
 * FHIRcast asks a subscriber that falls out of the session to tell its user (SyncError): while the
 * hub is unreachable the EPR may have moved to another patient without fhirside hearing of it.
 */
export function HubSyncWarning({ sync }: Props) {
  if (sync?.status !== 'retrying') return null;
  return (
    <div class="warning hub-sync" role="alert">
      <p>
        <strong>Not in sync with the EPR.</strong> fhirside cannot follow the EPR session{sync.detail ? ` (${sync.detail})` : ''}; it keeps trying. Check
        the patient against the EPR.
      </p>
    </div>
  );
}
