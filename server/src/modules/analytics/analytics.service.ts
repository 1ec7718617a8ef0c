import type { Writable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isCalendarDate,
  ANOMALY_RULE_TITLES,
  ANOMALY_RULES,
  ErrorCode,
  shanghaiDate,
  type AgencyActivity,
  type AnomalyFindingView,
  type AnomalyReportSummaryView,
  type AnomalyRuleId,
  type AnomalyRuleView,
  type AnomalyRunStatus,
  type AnomalyRunView,
  type Page,
  type SessionUser,
  type ViolationWarningReport,
} from '@mashang/shared';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, invalid, notFound } from '../../infra/errors/domain-error.js';
import { QueueName } from '../../infra/queues/queues.js';
import { agencyScope, assertSameAgency } from '../auth/scope.js';
import { AnomalyReporter, type ReportSummary } from './anomaly-reporter.js';
import { writeFindingsWorkbook } from './findings-excel.js';
import { toFinding, writeReport, type StoredFinding } from './report-file.js';
import { requestReport, scheduleNightly } from './report-jobs.js';
import { RULE_SET_V1_DEFAULTS } from './rule-config.js';
import { RULES } from './rules/index.js';
import { isoShanghai, previousShanghaiDay } from './shanghai-days.js';
import { violationWarningReport } from './warning-report.js';

interface RunRow {
  as_of: string;
  rule_set: string;
  status: AnomalyRunStatus;
  progress: number;
  current_rule: string | null;
  attempts: number;
  error: string | null;
  requested_by: string;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  generated_at: Date | null;
  summary: string | null;
  finding_count: number;
  raised_count: number;
}

export interface FindingFilter {
  rule?: AnomalyRuleId;
  agencyId?: string;
}

/** The nightly anomaly report for the console: runs, counts, findings, export, and the yearly warning report. */
@Injectable()
export class AnalyticsService implements OnApplicationBootstrap {
  readonly reporter: AnomalyReporter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Analytics) readonly queue: Queue,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {
    this.reporter = new AnomalyReporter(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleNightly(this.queue, this.config.anomalyReport);
  }

  rules(): AnomalyRuleView[] {
    return RULES.map((r) => ({ rule: r.id, title: ANOMALY_RULE_TITLES[r.id], severity: r.severity, subjectType: r.subjectType, description: r.describe(RULE_SET_V1_DEFAULTS) }));
  }

  async listRuns(user: SessionUser, page: number, pageSize: number): Promise<Page<AnomalyRunView>> {
    const scope = agencyScope(user);
    const [{ total }] = await this.dataSource.query('SELECT COUNT(*) AS total FROM anomaly_runs');
    const rows: RunRow[] = await this.dataSource.query('SELECT * FROM anomaly_runs ORDER BY as_of DESC LIMIT ? OFFSET ?', [pageSize, (page - 1) * pageSize]);
    return { items: rows.map((r) => this.runView(r, scope)), total: Number(total), page, pageSize };
  }

  async getRun(user: SessionUser, asOf: string): Promise<AnomalyRunView> {
    return this.runView(await this.run(asOf), agencyScope(user));
  }

  /** Queues the report as of a date (default yesterday); asking again for a date gives the same run. */
  async trigger(user: SessionUser, asOf?: string): Promise<AnomalyRunView> {
    const date = asOf ?? previousShanghaiDay(Date.now());
    checkDate(date);
    if (date >= shanghaiDate(Date.now())) throw invalid('asOf', '只能对已经结束的日期（昨天及以前）生成研判报告');
    await requestReport(this.queue, this.reporter, date, `user:${user.id}:${user.username}`, this.config.anomalyReport);
    return this.getRun(user, date);
  }

  async summary(user: SessionUser, asOf: string): Promise<AnomalyReportSummaryView> {
    const scope = agencyScope(user);
    const run = await this.completedRun(asOf);
    const summary = JSON.parse(run.summary!) as ReportSummary;
    const byRule = { ...summary.byRule };
    if (scope !== null) {
      for (const rule of ANOMALY_RULES) byRule[rule] = 0;
      for (const r of await this.dataSource.query('SELECT rule, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? AND agency_id = ? GROUP BY rule', [asOf, scope])) {
        byRule[r.rule as AnomalyRuleId] = Number(r.n);
      }
    }
    const names = await this.agencyNames();
    const agencies = Object.entries(summary.byAgency).filter(([id]) => scope === null || id === scope);
    return {
      asOf,
      ruleSet: run.rule_set,
      generatedAt: isoShanghai(run.generated_at)!,
      byRule: RULES.map((r) => ({ rule: r.id, title: ANOMALY_RULE_TITLES[r.id], severity: r.severity, count: byRule[r.id] ?? 0 })),
      byAgency: agencies.map(([agencyId, activity]: [string, AgencyActivity]) => ({ agencyId, agencyName: names.get(agencyId) ?? agencyId, ...activity })),
    };
  }

  async findings(user: SessionUser, asOf: string, filter: FindingFilter, page: number, pageSize: number): Promise<Page<AnomalyFindingView>> {
    await this.completedRun(asOf);
    const agencyId = this.findingAgency(user, filter.agencyId);
    const where = ['as_of = ?'];
    const params: unknown[] = [asOf];
    if (agencyId !== null) {
      where.push('agency_id = ?');
      params.push(agencyId);
    }
    if (filter.rule) {
      where.push('rule_order = ?');
      params.push(ANOMALY_RULES.indexOf(filter.rule));
    }
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM anomaly_findings WHERE ${where.join(' AND ')}`, params);
    const rows: StoredFinding[] = await this.dataSource.query(
      `SELECT id, rule, rule_order, subject_type, subject_id, agency_id, severity, evidence, explanation, flagged_case_id
       FROM anomaly_findings WHERE ${where.join(' AND ')} ORDER BY rule_order, subject_id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const names = await this.agencyNames();
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        ...toFinding(r),
        ruleTitle: ANOMALY_RULE_TITLES[r.rule as AnomalyRuleId],
        agencyName: r.agency_id === null ? null : (names.get(r.agency_id) ?? r.agency_id),
        flaggedCaseId: r.flagged_case_id,
      })),
      total: Number(total),
      page,
      pageSize,
    };
  }

  /** Checks the request (answering its errors before anything is streamed) and returns the writer. */
  async findingsWorkbook(user: SessionUser, asOf: string, filter: FindingFilter): Promise<(out: Writable) => Promise<number>> {
    await this.completedRun(asOf);
    const agencyId = this.findingAgency(user, filter.agencyId);
    const ruleOrder = filter.rule ? ANOMALY_RULES.indexOf(filter.rule) : null;
    return (out) => writeFindingsWorkbook(this.dataSource, asOf, { agencyId, ruleOrder }, out);
  }

  async reportFile(asOf: string): Promise<(out: Writable) => Promise<number>> {
    await this.completedRun(asOf);
    return (out) => writeReport(this.dataSource, asOf, out);
  }

  warning(year: number): Promise<ViolationWarningReport> {
    return violationWarningReport(this.dataSource, year);
  }

  private findingAgency(user: SessionUser, requested?: string): string | null {
    const scope = agencyScope(user);
    if (requested) assertSameAgency(user, requested);
    return requested ?? scope;
  }

  private async run(asOf: string): Promise<RunRow> {
    checkDate(asOf);
    const [row]: RunRow[] = await this.dataSource.query('SELECT * FROM anomaly_runs WHERE as_of = ?', [asOf]);
    if (!row) throw notFound(`${asOf} 的研判报告`);
    return row;
  }

  private async completedRun(asOf: string): Promise<RunRow> {
    const row = await this.run(asOf);
    if (row.status !== 'completed') throw new DomainError(ErrorCode.Conflict, `${asOf} 的研判报告尚未生成完成（${row.status === 'failed' ? '上次计算失败' : '计算中'}）`);
    return row;
  }

  private runView(r: RunRow, scope: string | null): AnomalyRunView {
    let findingCount = Number(r.finding_count);
    if (scope !== null) findingCount = r.summary ? ((JSON.parse(r.summary) as ReportSummary).byAgency[scope]?.findings ?? 0) : 0;
    return {
      asOf: r.as_of,
      ruleSet: r.rule_set,
      status: r.status,
      progress: Number(r.progress),
      currentRule: r.current_rule,
      attempts: Number(r.attempts),
      error: r.error,
      requestedBy: r.requested_by,
      queuedAt: isoShanghai(r.queued_at)!,
      startedAt: isoShanghai(r.started_at),
      finishedAt: isoShanghai(r.finished_at),
      generatedAt: isoShanghai(r.generated_at),
      findingCount,
      raisedCount: scope === null ? Number(r.raised_count) : 0,
    };
  }

  private async agencyNames(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM agencies');
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function checkDate(asOf: string): void {
  if (!isCalendarDate(asOf)) throw invalid('asOf', '须为有效日期 YYYY-MM-DD');
}
