import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RESOURCES, ErrorCode, shanghaiDate, userActor, type DisputedClausesReport, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { AuditLog } from '../../audit/index.js';
import { agencyScope, assertSameAgency } from '../../auth/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { writeDisputedClausesWorkbook } from './disputed-clauses-excel.js';
import { DisputedClausesReporter } from './disputed-clauses-reporter.js';
import { reportPeriod } from './report-period.js';

export interface DisputedClausesQuery {
  from?: string;
  to?: string;
  agencyId?: string;
}

/** Reports on penalty cases for the desks: supervisors and discipline over every agency (or one), an agency admin its own. */
@Injectable()
export class PenaltyReports {
  constructor(
    @Inject(DisputedClausesReporter) private readonly reporter: DisputedClausesReporter,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async disputedClauses(user: SessionUser, query: DisputedClausesQuery, now = new Date()): Promise<DisputedClausesReport> {
    const { period, problems } = reportPeriod(query.from, query.to, shanghaiDate(now));
    if (!period) throw new DomainError(ErrorCode.ValidationFailed, `统计期间有误：${problems.map((p) => `${p.field} ${p.reason}`).join('；')}`, problems);
    if (query.agencyId) assertSameAgency(user, query.agencyId);
    const agencyId = query.agencyId ?? agencyScope(user);
    let agency: { id: string; name: string } | null = null;
    if (agencyId !== null) {
      const name = (await this.agencies.namesOf([agencyId])).get(agencyId);
      if (!name) throw new DomainError(ErrorCode.NotFound, `执法部门 ${agencyId} 不存在`, [{ field: 'agencyId', reason: '执法部门不存在' }]);
      agency = { id: agencyId, name };
    }
    return this.reporter.report(period, agency, this.config.reports.disputedClauses, now);
  }

  /** Checks the request (answering its errors before anything is streamed) and returns the workbook's writer, recorded in the audit log. */
  async disputedClausesWorkbook(user: SessionUser, query: DisputedClausesQuery, address: string | null): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
    const report = await this.disputedClauses(user, query);
    const filter = { from: report.from, to: report.to, ...(report.agencyId ? { agencyId: report.agencyId } : {}) };
    return {
      fileName: `争议条款-${report.from}-${report.to}.xlsx`,
      write: this.audit.audited(
        { actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.disputedClauses(report.from, report.to), filter, purpose: null, address },
        (out) => writeDisputedClausesWorkbook(report, out),
      ),
    };
  }
}
