import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import type { ReportOutcome } from './anomaly-reporter.js';
import { AnalyticsService } from './analytics.service.js';
import { processNightly, processReport } from './report-jobs.js';

@Injectable()
export class AnalyticsProcessor {
  private readonly logger = new Logger(AnalyticsProcessor.name);

  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @OnJob(JobName.AnomalyNightly)
  async nightly(job: Job<JobPayloads[JobName.AnomalyNightly]>): Promise<{ asOf: string }> {
    const queued = await processNightly(this.analytics.queue, this.analytics.reporter, job, this.analytics.config.anomalyReport);
    this.logger.log(`nightly anomaly report as of ${queued.asOf} queued`);
    return queued;
  }

  @OnJob(JobName.AnomalyReport)
  async report(job: Job<JobPayloads[JobName.AnomalyReport]>): Promise<ReportOutcome> {
    try {
      const outcome = await processReport(this.analytics.reporter, job);
      this.logger.log(`anomaly report as of ${outcome.asOf}: ${outcome.findings} finding(s), ${outcome.raised} flagged case(s) raised`);
      return outcome;
    } catch (error) {
      this.logger.error(`anomaly report as of ${job.data.asOf}, attempt ${job.attemptsMade + 1}/${job.opts.attempts ?? 1}: ${(error as Error).stack ?? error}`);
      throw error;
    }
  }
}
