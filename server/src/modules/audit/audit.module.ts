import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.js';
import { AuditLogRepository } from './audit-log.repository.js';

/** The append-only audit log of personal data leaving the system: a leaf every exporting feature may use. */
@Module({
  providers: [AuditLogRepository, AuditLog],
  exports: [AuditLogRepository, AuditLog],
})
export class AuditModule {}
