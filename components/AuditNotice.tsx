import type { AuditStatus } from '../lib/audit/audit-queue';

interface Props {
  readonly status: AuditStatus | undefined;
}

/**
 * Says when access records have not reached the organisation's audit service. Care goes on:
 * this is information for the clinician (and IT), not a block.
 */
export function AuditNotice({ status }: Props) {
  if (!status || (status.pending === 0 && status.dropped === 0)) return null;
  return (
    <p class="audit-notice" role="status" data-audit-pending={status.pending}>
      {status.pending > 0 && (
        <>
          {status.pending === 1 ? '1 access record has' : `${status.pending} access records have`} not yet reached your organisation’s audit service
          {status.lastError ? ` (${status.lastError})` : ''}; fhirside will keep trying.{' '}
        </>
      )}
      {status.dropped > 0 && `${status.dropped} older access records could not be kept while the audit service was unreachable.`}
    </p>
  );
}
