import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RESOURCES, ErrorCode, userActor, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';
import { AuditLog, unmaskedExportPurpose } from '../audit/index.js';
import type { ExchangeExportQueryDto } from './dto/export-query.dto.js';
import { ExchangeService } from './exchange.service.js';
import { EXCHANGE_KINDS, type ExchangeKind } from './records/index.js';

/**
 * One file of the exchange format over HTTP: phones masked unless a supervisor asks for them in clear
 * with a stated purpose; every file that leaves is recorded in the audit log with its rows.
 */
@Injectable()
export class ExchangeFileExport {
  constructor(
    @Inject(ExchangeService) private readonly exchange: ExchangeService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Checks the request (before anything is sent) and answers the file's writer. */
  open(user: SessionUser, kind: string, query: ExchangeExportQueryDto, address: string | null): (out: Writable) => Promise<number> {
    if (!EXCHANGE_KINDS.includes(kind as ExchangeKind)) {
      throw new DomainError(ErrorCode.NotFound, `未知的文件：${kind}`, [{ field: 'kind', reason: `must be one of ${EXCHANGE_KINDS.join(', ')}` }]);
    }
    const unmasked = query.unmasked === true;
    const purpose = unmasked ? unmaskedExportPurpose(user, query.purpose) : query.purpose?.trim() || null;
    const exporter = this.exchange.exporter({ unmasked });
    return this.audit.audited(
      { actor: userActor(user), action: unmasked ? 'export-unmasked' : 'export', resource: AUDIT_RESOURCES.exchange(kind), filter: {}, purpose, address },
      (out) => exporter.writeKind(kind as ExchangeKind, out),
    );
  }
}
