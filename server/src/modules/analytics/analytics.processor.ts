import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, QueueName, type JobPayloads } from '../../infra/queues/queues.js';
import { AnomalyReporter, type ReportOutcome } from './anomaly-reporter.js';
import { processNightly, processReport } from './report-jobs.js';

@Injectable()
export class AnalyticsProcessor {
  private readonly logger = new Logger(AnalyticsProcessor.name);

  constructor(
    @Inject(AnomalyReporter) private readonly reporter: AnomalyReporter,
    @InjectQueue(QueueName.Analytics) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.AnomalyNightly)
  async nightly(job: Job<JobPayloads[JobName.AnomalyNightly]>): Promise<{ asOf: string }> {
    const queued = await processNightly(this.queue, this.reporter, job, this.config.anomalyReport);
    this.logger.log(`nightly anomaly report as of ${queued.asOf} queued`);
    return queued;
  }

  @OnJob(JobName.AnomalyReport)
  async report(job: Job<JobPayloads[JobName.AnomalyReport]>): Promise<ReportOutcome> {
    try {
      const outcome = await processReport(this.reporter, job);
      this.logger.log(`anomaly report as of ${outcome.asOf}: ${outcome.findings} finding(s), ${outcome.raised} flagged case(s) raised`);
      return outcome;
    } catch (error) {
      this.logger.error(`anomaly report as of ${job.data.asOf}, attempt ${job.attemptsMade + 1}/${job.opts.attempts ?? 1}: ${(error as Error).stack ?? error}`);
      throw error;
    }
  }
}
