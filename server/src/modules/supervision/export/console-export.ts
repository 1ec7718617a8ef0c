import { Inject, Injectable } from '@nestjs/common';
import { DASHBOARD_TABLES, dashboardTable, ErrorCode, TABLE_TITLES, type CaseListQuery, type DashboardTable, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { CaseQueue } from '../queue/case-queue.js';
import { caseRows, workbook } from './excel-export.js';

/** Rows a case-list export holds at most. */
const EXPORT_LIMIT = 20_000;

/** Any table of the console as an Excel workbook: the case list with its filters, or a table of the dashboard. */
@Injectable()
export class ConsoleExport {
  constructor(
    @Inject(CaseQueue) private readonly queue: CaseQueue,
    @Inject(DashboardService) private readonly dashboards: DashboardService,
  ) {}

  async workbook(user: SessionUser, table: string, query: CaseListQuery & { months: number }): Promise<{ title: string; file: Buffer }> {
    if (!DASHBOARD_TABLES.includes(table as DashboardTable)) {
      throw new DomainError(ErrorCode.NotFound, `没有可导出的表：${table}`, [{ field: 'table', reason: `must be one of ${DASHBOARD_TABLES.join(', ')}` }]);
    }
    const title = TABLE_TITLES[table as DashboardTable];
    if (table === 'cases') {
      const items = await this.queue.rows(user, query, EXPORT_LIMIT + 1);
      const cut = items.length > EXPORT_LIMIT;
      return { title, file: await workbook(title, caseRows(items.slice(0, EXPORT_LIMIT)), cut ? `仅导出前 ${EXPORT_LIMIT} 条，请缩小筛选范围` : undefined) };
    }
    const view = await this.dashboards.dashboard(user, query.months);
    return { title, file: await workbook(title, dashboardTable(table as Exclude<DashboardTable, 'cases'>, view)) };
  }
}
