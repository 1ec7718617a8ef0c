import { SYSTEM_ACTORS } from '@mashang/shared';
import type { Job, Queue } from 'bull';
import type { AnomalyReportConfig } from '../../infra/config/config.js';
import { jobId, jobOptions } from '../../infra/queues/jobs.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import type { AnomalyReporter, ReportOutcome } from './anomaly-reporter.js';
import { previousShanghaiDay } from './shanghai-days.js';

export const SHANGHAI_TZ = 'Asia/Shanghai';

type ReportJob = Job<JobPayloads[JobName.AnomalyReport]>;

/**
 * Queues the report as of `asOf` (the nightly tick, the console's button and the CLI all come here).
 * A failed job is retried from scratch; a completed job whose stored report is gone is run again.
 */
export async function requestReport(queue: Queue, reporter: AnomalyReporter, asOf: string, requestedBy: string, config: AnomalyReportConfig): Promise<ReportJob> {
  // One job per as-of date: asking again for a date queued, running or done gets that same job.
  const payload = { asOf, requestedBy };
  const existing = (await queue.getJob(jobId(JobName.AnomalyReport, payload))) as ReportJob | null;
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed') {
      await reporter.markQueued(asOf, requestedBy);
      await existing.retry();
      return existing;
    }
    if (state !== 'completed' || (await reporter.isCompleted(asOf))) return existing;
    await existing.remove();
  }
  await reporter.markQueued(asOf, requestedBy);
  return (await queue.add(JobName.AnomalyReport, payload, jobOptions(JobName.AnomalyReport, payload, { anomalyReport: config }))) as ReportJob;
}

/** The report job's work: one attempt, told whether the queue will try again after a failure. */
export function processReport(reporter: AnomalyReporter, job: ReportJob): Promise<ReportOutcome> {
  const attempts = job.opts.attempts ?? 1;
  return reporter.run(job.data.asOf, job.data.requestedBy, {
    willRetry: job.attemptsMade + 1 < attempts,
    onProgress: (p) => void job.progress(p),
  });
}

/** The nightly tick: the report as of the day before the scheduled time (Asia/Shanghai), however late the tick runs. */
export async function processNightly(queue: Queue, reporter: AnomalyReporter, job: Job, config: AnomalyReportConfig): Promise<{ asOf: string }> {
  const scheduled = (job.opts as { prevMillis?: number }).prevMillis || job.timestamp;
  const asOf = previousShanghaiDay(scheduled);
  await requestReport(queue, reporter, asOf, SYSTEM_ACTORS.nightlyReport, config);
  return { asOf };
}

/** Keeps exactly one repeatable nightly tick, on the configured cron (none when switched off). */
export async function scheduleNightly(queue: Queue, config: AnomalyReportConfig): Promise<void> {
  for (const repeatable of await queue.getRepeatableJobs()) {
    if (repeatable.name === JobName.AnomalyNightly && (repeatable.cron !== config.cron || repeatable.tz !== SHANGHAI_TZ)) {
      await queue.removeRepeatableByKey(repeatable.key);
    }
  }
  if (config.cron === null) return;
  await queue.add(JobName.AnomalyNightly, {}, jobOptions(JobName.AnomalyNightly, {}, {}, { repeat: { cron: config.cron, tz: SHANGHAI_TZ } }));
}

/** Waits for a report job to end: resolves when completed, rejects with its reason once no retry is left. */
export async function waitForReport(job: ReportJob, onTick?: () => Promise<void>, pollMs = 500): Promise<void> {
  for (;;) {
    const state = await job.getState();
    if (state === 'completed') return;
    if (state === 'failed') {
      const fresh = (await job.queue.getJob(job.id)) ?? job;
      throw new Error(fresh.failedReason ?? 'the report job failed');
    }
    await onTick?.();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
