import type { Writable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  actorUsername, AUDIT_RESOURCES, CLI_ACTOR, shanghaiDate, SYSTEM_ACTORS, userActor,
  type SessionUser, type WarningReportView, type WarningRequestAnswer, type WarningYearItem,
} from '@mashang/shared';
import type { Queue } from 'bull';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { invalid } from '../../infra/errors/domain-error.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { QueueName } from '../../infra/queues/queues.js';
import { AuditLog } from '../audit/index.js';
import { ROW_SOURCE } from './row-source.js';
import type { RowSource } from './rule.js';
import { writeWarningWorkbook } from './warning-excel.js';
import { requestWarning, scheduleWarningYearly, warningJobStates } from './warning-jobs.js';
import { violationWarningReport } from './warning-report.js';
import { WarningReportRepository } from './warning-report.repository.js';
import { isoShanghai } from './shanghai-days.js';

/** How long start-up waits for Redis to set the yearly schedule. */
const STARTUP_WAIT_MS = 5000;

/** Who had a year's report written, as the console shows it. */
export function requesterName(actor: string): string {
  if (actor === SYSTEM_ACTORS.warningReport) return '系统（每年1月自动生成）';
  if (actor === CLI_ACTOR) return '命令行';
  return actorUsername(actor) ?? actor;
}

/**
 * 高发违法行为预警报告: written for the year before each January (a repeatable job), or on request;
 * a year without a stored report is computed when asked for, and says so.
 */
@Injectable()
export class WarningReports implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WarningReports.name);
  private stopScheduling = () => {};

  constructor(
    @Inject(WarningReportRepository) private readonly reports: WarningReportRepository,
    @Inject(ROW_SOURCE) private readonly source: RowSource,
    @InjectQueue(QueueName.Analytics) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  /**
   * The yearly schedule lives in Redis, like the nightly one: set whenever a connection is made, and
   * start-up waits for it only a few seconds, so a process starting while Redis is away still serves.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.stopScheduling = this.jobs.onConnected(() => void this.scheduleYearly());
    if (await this.jobs.whenConnected(STARTUP_WAIT_MS)) await this.scheduleYearly();
  }

  onModuleDestroy(): void {
    this.stopScheduling();
  }

  private scheduleYearly(): Promise<void> {
    return scheduleWarningYearly(this.queue, this.config.reports.warningCron).catch((error: Error) => this.logger.warn(`yearly warning report not scheduled yet: ${error.message}`));
  }

  /** Stored years and years being written, newest first. */
  async years(): Promise<WarningYearItem[]> {
    const stored = await this.reports.years();
    const jobs = await warningJobStates(this.queue);
    const items = new Map<number, WarningYearItem>(stored.map((s) => [s.year, {
      year: s.year, generatedAt: isoShanghai(s.generatedAt), requestedBy: requesterName(s.requestedBy), totalCases: s.totalCases, warnings: s.warnings, job: null, error: null,
    }]));
    for (const [year, state] of jobs) {
      const item = items.get(year) ?? { year, generatedAt: null, requestedBy: null, totalCases: null, warnings: null, job: null, error: null };
      items.set(year, { ...item, job: state.job, error: state.error });
    }
    return [...items.values()].sort((a, b) => b.year - a.year);
  }

  async get(year: number): Promise<WarningReportView> {
    checkYear(year);
    const stored = await this.reports.get(year);
    if (stored) return { ...stored.report, stored: true, requestedBy: requesterName(stored.requestedBy) };
    return { ...(await violationWarningReport(this.source, year)), stored: false, requestedBy: null };
  }

  /** Queues the year's report to be written (again); the same year queued twice is one job. */
  async request(user: SessionUser, year: number, now = Date.now()): Promise<WarningRequestAnswer> {
    checkYear(year);
    const thisYear = Number(shanghaiDate(now).slice(0, 4));
    if (year > thisYear) throw invalid('year', `不能生成未来年度的报告（今年是 ${thisYear} 年）`);
    const job = await requestWarning(this.queue, year, userActor(user));
    const state = await job.getState();
    return { year, job: state === 'active' ? 'running' : state === 'completed' ? 'completed' : state === 'failed' ? 'failed' : 'queued' };
  }

  /** The year's report (stored, or computed now) as the workbook's writer, recorded in the audit log. */
  async workbook(user: SessionUser, year: number, address: string | null): Promise<(out: Writable) => Promise<number>> {
    const view = await this.get(year);
    const { stored, requestedBy: _by, ...report } = view;
    return this.audit.audited(
      { actor: userActor(user), action: 'export', resource: AUDIT_RESOURCES.warningReport(year), filter: { stored }, purpose: null, address },
      (out) => writeWarningWorkbook(report, out, stored),
    );
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw invalid('year', '须为四位年份');
}
