import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIT_RESOURCES, DASHBOARD_TABLES, dashboardTable, ErrorCode, TABLE_TITLES, userActor, type CaseListQuery, type DashboardTable, type SessionUser,
} from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { AuditLog } from '../../audit/index.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { CaseQueue } from '../queue/case-queue.js';
import { caseRows, workbook } from './excel-export.js';

/** Rows a case-list export holds at most. */
const EXPORT_LIMIT = 20_000;

/** The request's filters that chose the rows, for the audit log (those given only). */
const given = (query: object) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));

/**
 * Any table of the console as an Excel workbook: the case list with its filters, or a table of the
 * dashboard. Each one is recorded in the audit log with its rows before it is handed out.
 */
@Injectable()
export class ConsoleExport {
  constructor(
    @Inject(CaseQueue) private readonly queue: CaseQueue,
    @Inject(DashboardService) private readonly dashboards: DashboardService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async workbook(user: SessionUser, table: string, query: CaseListQuery & { months: number }, address: string | null): Promise<{ title: string; file: Buffer }> {
    const { title, rows, file } = await this.build(user, table, query);
    const filter = table === 'cases' ? given({ ...query, months: undefined, pageSize: undefined }) : { months: query.months };
    await this.audit.record({ actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.consoleTable(table), filter, purpose: null, rows, address });
    return { title, file };
  }

  private async build(user: SessionUser, table: string, query: CaseListQuery & { months: number }): Promise<{ title: string; rows: number; file: Buffer }> {
    if (!DASHBOARD_TABLES.includes(table as DashboardTable)) {
      throw new DomainError(ErrorCode.NotFound, `没有可导出的表：${table}`, [{ field: 'table', reason: `must be one of ${DASHBOARD_TABLES.join(', ')}` }]);
    }
    const title = TABLE_TITLES[table as DashboardTable];
    if (table === 'cases') {
      const items = await this.queue.rows(user, query, EXPORT_LIMIT + 1);
      const cut = items.length > EXPORT_LIMIT;
      const rows = caseRows(items.slice(0, EXPORT_LIMIT));
      return { title, rows: rows.rows.length, file: await workbook(title, rows, cut ? `仅导出前 ${EXPORT_LIMIT} 条，请缩小筛选范围` : undefined) };
    }
    const rows = dashboardTable(table as Exclude<DashboardTable, 'cases'>, await this.dashboards.dashboard(user, query.months));
    return { title, rows: rows.rows.length, file: await workbook(title, rows) };
  }
}
