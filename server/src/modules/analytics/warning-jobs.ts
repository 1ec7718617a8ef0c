import { shanghaiDate, SYSTEM_ACTORS, type WarningJobState } from '@mashang/shared';
import type { Job, Queue } from 'bull';
import { jobId, jobOptions } from '../../infra/queues/jobs.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import { SHANGHAI_TZ } from './report-jobs.js';

type WarningJob = Job<JobPayloads[JobName.WarningReport]>;

/**
 * Queues the warning report of `year` (the January tick, the console's button and the command line
 * come here). A year queued or being written is that same job; once it has ended, well or not, asking
 * again writes the year anew.
 */
export async function requestWarning(queue: Queue, year: number, requestedBy: string): Promise<WarningJob> {
  const payload = { year, requestedBy };
  const existing = (await queue.getJob(jobId(JobName.WarningReport, payload))) as WarningJob | null;
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed') return existing;
    await existing.remove();
  }
  return (await queue.add(JobName.WarningReport, payload, jobOptions(JobName.WarningReport, payload, {}))) as WarningJob;
}

/** The year a tick fired at `instant` reports: the one before it, in Asia/Shanghai. */
export const yearBefore = (instant: number): number => Number(shanghaiDate(instant).slice(0, 4)) - 1;

/** The January tick: the report of the year before the scheduled time, however late the tick runs. */
export async function processWarningYearly(queue: Queue, job: Job): Promise<{ year: number }> {
  const scheduled = (job.opts as { prevMillis?: number }).prevMillis || job.timestamp;
  const year = yearBefore(scheduled);
  await requestWarning(queue, year, SYSTEM_ACTORS.warningReport);
  return { year };
}

/** Keeps exactly one repeatable yearly tick, on the configured cron (none when switched off). */
export async function scheduleWarningYearly(queue: Queue, cron: string | null): Promise<void> {
  for (const repeatable of await queue.getRepeatableJobs()) {
    if (repeatable.name === JobName.WarningYearly && (repeatable.cron !== cron || repeatable.tz !== SHANGHAI_TZ)) await queue.removeRepeatableByKey(repeatable.key);
  }
  if (cron === null) return;
  await queue.add(JobName.WarningYearly, {}, jobOptions(JobName.WarningYearly, {}, {}, { repeat: { cron, tz: SHANGHAI_TZ } }));
}

/** The years whose report job has not ended well: queued (or waiting for a retry), running, or failed with its reason. */
export async function warningJobStates(queue: Queue): Promise<Map<number, { job: WarningJobState; error: string | null }>> {
  const states = new Map<number, { job: WarningJobState; error: string | null }>();
  for (const [bull, job] of [['waiting', 'queued'], ['delayed', 'queued'], ['active', 'running'], ['failed', 'failed']] as const) {
    for (const found of await queue.getJobs([bull])) {
      if (found?.name !== JobName.WarningReport) continue;
      const year = Number((found.data as JobPayloads[JobName.WarningReport]).year);
      if (!states.has(year)) states.set(year, { job, error: job === 'failed' ? found.failedReason ?? null : null });
    }
  }
  return states;
}
