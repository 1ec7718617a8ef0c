/**
 * audit/ — the append-only, hash-chained audit log (审计日志) of exports and of phones read in clear.
 * Owns: audit_log. Imports no feature module.
 */
export { AuditModule } from './audit.module.js';
export { AuditLog } from './audit-log.js';
export { AuditLogRepository, type AuditRecord } from './audit-log.repository.js';
export { UNMASKED_EXPORT_ROLES, unmaskedExportPurpose } from './unmasked-access.js';
