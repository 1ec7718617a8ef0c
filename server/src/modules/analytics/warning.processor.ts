import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, QueueName, type JobPayloads } from '../../infra/queues/queues.js';
import { ROW_SOURCE } from './row-source.js';
import type { RowSource } from './rule.js';
import { processWarningYearly } from './warning-jobs.js';
import { violationWarningReport } from './warning-report.js';
import { WarningReportRepository } from './warning-report.repository.js';

@Injectable()
export class WarningProcessor {
  private readonly logger = new Logger(WarningProcessor.name);

  constructor(
    @Inject(WarningReportRepository) private readonly reports: WarningReportRepository,
    @Inject(ROW_SOURCE) private readonly source: RowSource,
    @InjectQueue(QueueName.Analytics) private readonly queue: Queue,
  ) {}

  @OnJob(JobName.WarningYearly)
  async yearly(job: Job<JobPayloads[JobName.WarningYearly]>): Promise<{ year: number }> {
    const queued = await processWarningYearly(this.queue, job);
    this.logger.log(`warning report of ${queued.year} queued`);
    return queued;
  }

  @OnJob(JobName.WarningReport)
  async report(job: Job<JobPayloads[JobName.WarningReport]>): Promise<{ year: number; totalCases: number }> {
    const report = await violationWarningReport(this.source, job.data.year);
    await this.reports.save(report, job.data.requestedBy, new Date());
    this.logger.log(`warning report of ${report.year}: ${report.totalCases} case(s), ${report.top.filter((c) => c.warning).length} warning(s)`);
    return { year: report.year, totalCases: report.totalCases };
  }
}
