import type { Writable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isCalendarDate,
  ANOMALY_RULE_TITLES,
  AUDIT_RESOURCES,
  ANOMALY_RULES,
  ErrorCode,
  evidenceForAgency,
  shanghaiDate,
  type AgencyActivity,
  type AnomalyFinding,
  type AnomalyFindingView,
  type AnomalyReportSummaryView,
  type AnomalyRuleId,
  type AnomalyRuleView,
  type AnomalyRunView,
  type Page,
  type SessionUser,
  userActor,
} from '@mashang/shared';
import type { Queue } from 'bull';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, invalid, notFound } from '../../infra/errors/domain-error.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { QueueName } from '../../infra/queues/queues.js';
import { AuditLog } from '../audit/index.js';
import { agencyScope, assertSameAgency } from '../auth/index.js';
import { AgencyRepository } from '../registry/index.js';
import { AnomalyFindingRepository } from './anomaly-finding.repository.js';
import { AnomalyRunRepository, type RunRow } from './anomaly-run.repository.js';
import { AnomalyReporter, type ReportSummary } from './anomaly-reporter.js';
import { writeFindingsWorkbook } from './findings-excel.js';
import { toFinding, writeReport } from './report-file.js';
import { requestReport, scheduleNightly } from './report-jobs.js';
import { RULE_SET_DEFAULTS } from './rule-config.js';
import { RULES } from './rules/index.js';
import { isoShanghai, previousShanghaiDay } from './shanghai-days.js';

export interface FindingFilter {
  rule?: AnomalyRuleId;
  agencyId?: string;
}

/** How long start-up waits for Redis to set the nightly schedule. */
const STARTUP_WAIT_MS = 5000;

/** The nightly anomaly report for the console: runs, counts, findings, export, and the yearly warning report. */
@Injectable()
export class AnalyticsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsService.name);
  private stopScheduling = () => {};

  constructor(
    @Inject(AnomalyReporter) private readonly reporter: AnomalyReporter,
    @Inject(AnomalyRunRepository) private readonly runs: AnomalyRunRepository,
    @Inject(AnomalyFindingRepository) private readonly findingRows: AnomalyFindingRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @InjectQueue(QueueName.Analytics) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  /**
   * The nightly schedule lives in Redis: it is set whenever a connection to Redis is made, and start-up
   * waits for it only a few seconds, so a process starting while Redis is away still serves.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.stopScheduling = this.jobs.onConnected(() => void this.scheduleNightly());
    if (await this.jobs.whenConnected(STARTUP_WAIT_MS)) await this.scheduleNightly();
  }

  onModuleDestroy(): void {
    this.stopScheduling();
  }

  private scheduleNightly(): Promise<void> {
    return scheduleNightly(this.queue, this.config.anomalyReport).catch((error: Error) => this.logger.warn(`nightly report not scheduled yet: ${error.message}`));
  }

  rules(): AnomalyRuleView[] {
    return RULES.map((r) => ({ rule: r.id, title: ANOMALY_RULE_TITLES[r.id], severity: r.severity, subjectType: r.subjectType, description: r.describe(RULE_SET_DEFAULTS) }));
  }

  async listRuns(user: SessionUser, page: number, pageSize: number): Promise<Page<AnomalyRunView>> {
    const scope = agencyScope(user);
    const { rows, total } = await this.runs.page(pageSize, (page - 1) * pageSize);
    return { items: rows.map((r) => this.runView(r, scope)), total, page, pageSize };
  }

  async getRun(user: SessionUser, asOf: string): Promise<AnomalyRunView> {
    return this.runView(await this.run(asOf), agencyScope(user));
  }

  /**
   * Queues the report as of a date (default yesterday); asking again for a date gives the same run. Its
   * job says whether the date is queued, running or failed: while Redis is away this answers 503 at once.
   */
  async trigger(user: SessionUser, asOf?: string): Promise<AnomalyRunView> {
    const date = asOf ?? previousShanghaiDay(Date.now());
    checkDate(date);
    if (date >= shanghaiDate(Date.now())) throw invalid('asOf', '只能对已经结束的日期（昨天及以前）生成研判报告');
    await this.jobs.promptly(QueueName.Analytics, (queue) => requestReport(queue, this.reporter, date, userActor(user), this.config.anomalyReport));
    return this.getRun(user, date);
  }

  async summary(user: SessionUser, asOf: string): Promise<AnomalyReportSummaryView> {
    const scope = agencyScope(user);
    const run = await this.completedRun(asOf);
    const summary = JSON.parse(run.summary!) as ReportSummary;
    const byRule = { ...summary.byRule };
    if (scope !== null) {
      for (const rule of ANOMALY_RULES) byRule[rule] = 0;
      for (const [rule, n] of await this.findingRows.countByRule(asOf, scope)) byRule[rule as AnomalyRuleId] = n;
    }
    const agencies = Object.entries(summary.byAgency).filter(([id]) => scope === null || id === scope);
    const names = await this.agencies.namesOf(agencies.map(([id]) => id));
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
    const scope = { agencyId, ruleOrder: filter.rule ? ANOMALY_RULES.indexOf(filter.rule) : null };
    const { rows, total } = await this.findingRows.page(asOf, scope, pageSize, (page - 1) * pageSize);
    const names = await this.agencies.namesOf(rows.flatMap((r) => (r.agency_id === null ? [] : [r.agency_id])));
    const forAgency = agencyScope(user) !== null;
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        ...readableFinding(toFinding(r), forAgency),
        ruleTitle: ANOMALY_RULE_TITLES[r.rule as AnomalyRuleId],
        agencyName: r.agency_id === null ? null : (names.get(r.agency_id) ?? r.agency_id),
        flaggedCaseId: r.flagged_case_id,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Checks the request (answering its errors before anything is streamed) and returns the writer, recorded in the audit log. */
  async findingsWorkbook(user: SessionUser, asOf: string, filter: FindingFilter, address: string | null): Promise<(out: Writable) => Promise<number>> {
    await this.completedRun(asOf);
    const agencyId = this.findingAgency(user, filter.agencyId);
    const ruleOrder = filter.rule ? ANOMALY_RULES.indexOf(filter.rule) : null;
    const forAgency = agencyScope(user) !== null;
    const chosen = Object.fromEntries(Object.entries({ rule: filter.rule, agencyId }).filter(([, value]) => value));
    return this.audit.audited(
      { actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.anomalyFindings(asOf), filter: chosen, purpose: null, address },
      (out) => writeFindingsWorkbook(this.findingRows, asOf, { agencyId, ruleOrder }, out, forAgency),
    );
  }

  async reportFile(user: SessionUser, asOf: string, address: string | null): Promise<(out: Writable) => Promise<number>> {
    await this.completedRun(asOf);
    return this.audit.audited(
      { actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.anomalyReport(asOf), filter: {}, purpose: null, address },
      (out) => writeReport({ runs: this.runs, findings: this.findingRows }, asOf, out),
    );
  }

  private findingAgency(user: SessionUser, requested?: string): string | null {
    const scope = agencyScope(user);
    if (requested) assertSameAgency(user, requested);
    return requested ?? scope;
  }

  private async run(asOf: string): Promise<RunRow> {
    checkDate(asOf);
    const row = await this.runs.get(asOf);
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
}

function checkDate(asOf: string): void {
  if (!isCalendarDate(asOf)) throw invalid('asOf', '须为有效日期 YYYY-MM-DD');
}

/** A finding as its reader may see it: an agency admin without what would name an enterprise's rating. */
function readableFinding(finding: AnomalyFinding, forAgency: boolean): AnomalyFinding {
  return forAgency ? { ...finding, evidence: evidenceForAgency(finding.rule, finding.evidence) } : finding;
}
