/**
 * What the panel needs to audit look-ups, as one module so that it can be fetched on its own:
 * only installs whose policy sets an audit endpoint ever load it (entrypoints/sidepanel/useAudit.ts).
 */
export { buildAuditEvent } from './audit-event';
export { flushAuditQueue, queueAuditEvent } from './audit-queue';
export { lookupAuditRecord, savedCopyAuditRecord } from './lookup-audit';
export { auditPoster } from './post-audit-event';
export { buildPrintAuditEvent } from './print-audit';
