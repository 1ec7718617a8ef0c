import type { JobOptions } from 'bull';
import { JobName, QueueName, type JobPayloads } from './queues.js';

/** Retry settings that come from configuration rather than from the job's definition. */
export interface RetrySettings {
  attempts: number;
  backoffMs: number;
}

/** The configured parts jobs need: each only where its job is queued (the CLI knows only the report's). */
export interface JobSettings {
  anomalyReport?: RetrySettings;
  sms?: RetrySettings & { concurrency: number; ratePerSecond: number };
}

interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** The job id: queuing the same work again while it is known adds nothing, so retries and re-publishes are harmless. */
  id: (payload: JobPayloads[N]) => string;
  retry: RetrySettings | ((settings: JobSettings) => RetrySettings) | null;
  /** How many finished jobs Redis keeps (true: none, false: all). */
  keep: Pick<JobOptions, 'removeOnComplete' | 'removeOnFail'>;
  /** Jobs of this name one process works on at once. */
  concurrency?: (settings: JobSettings) => number;
}

const configured = <K extends keyof JobSettings>(key: K) => (settings: JobSettings): NonNullable<JobSettings[K]> => {
  const value = settings[key];
  if (!value) throw new Error(`job settings for ${key} are missing`);
  return value as NonNullable<JobSettings[K]>;
};

/** Every job: its queue, id, retries and what is kept, in one place. */
export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  [JobName.ImportDataset]: {
    queue: QueueName.Exchange, id: (p) => p.importId, retry: null, keep: { removeOnComplete: false, removeOnFail: false },
  },
  [JobName.InspectionFinished]: {
    queue: QueueName.Inspections, id: (p) => `finished:${p.groupId}`, retry: { attempts: 10, backoffMs: 5_000 }, keep: { removeOnComplete: 1000 },
  },
  [JobName.EmergencyCodeDeadline]: {
    queue: QueueName.Inspections, id: (p) => `emergency-code:${p.planId}`, retry: { attempts: 5, backoffMs: 10_000 }, keep: { removeOnComplete: 1000 },
  },
  [JobName.AnomalyNightly]: {
    queue: QueueName.Analytics, id: () => 'anomaly-nightly', retry: null, keep: { removeOnComplete: 50, removeOnFail: 50 },
  },
  [JobName.AnomalyReport]: {
    queue: QueueName.Analytics, id: (p) => `anomaly-report:${p.asOf}`, retry: configured('anomalyReport'), keep: { removeOnComplete: false, removeOnFail: false },
  },
  [JobName.WarningYearly]: {
    queue: QueueName.Analytics, id: () => 'warning-yearly', retry: null, keep: { removeOnComplete: 10, removeOnFail: 10 },
  },
  // Completed jobs are removed so a year can be written again on request; a failed one stays to show why.
  [JobName.WarningReport]: {
    queue: QueueName.Analytics, id: (p) => `warning-report:${p.year}`, retry: { attempts: 3, backoffMs: 60_000 }, keep: { removeOnComplete: true, removeOnFail: false },
  },
  [JobName.SendSms]: {
    queue: QueueName.Sms, id: (p) => `sms:${p.messageId}`, retry: configured('sms'), keep: { removeOnComplete: true, removeOnFail: 10_000 },
    concurrency: (settings) => configured('sms')(settings).concurrency,
  },
  [JobName.PenaltyNoticeSms]: {
    queue: QueueName.Sms, id: (p) => `penalty-notice:${p.caseId}`, retry: configured('sms'), keep: { removeOnComplete: 1000, removeOnFail: 10_000 },
  },
  [JobName.ComplaintOutcomeSms]: {
    queue: QueueName.Sms, id: (p) => `complaint-outcome:${p.caseId}`, retry: configured('sms'), keep: { removeOnComplete: 1000, removeOnFail: 10_000 },
  },
  [JobName.InspectionNoticeSweep]: {
    queue: QueueName.Sms, id: () => 'inspection-notice-sweep', retry: null, keep: { removeOnComplete: 50, removeOnFail: 50 },
  },
  [JobName.InspectionNoticeSms]: {
    queue: QueueName.Sms, id: (p) => `inspection-notice:${p.leadPlanId}:${p.date}`, retry: configured('sms'), keep: { removeOnComplete: 1000, removeOnFail: 10_000 },
  },
  [JobName.OffsiteRequestSms]: {
    queue: QueueName.Sms, id: (p) => `offsite-request:${p.requestId}:${p.round}`, retry: configured('sms'), keep: { removeOnComplete: 1000, removeOnFail: 10_000 },
  },
};

/** The queue each job runs on. */
export const jobQueue = (name: JobName): QueueName => JOBS[name].queue;

export function jobId<N extends JobName>(name: N, payload: JobPayloads[N]): string {
  return JOBS[name].id(payload);
}

/** The Bull options of one job: its id, retries and what is kept, plus a delay or a repeat when asked. */
export function jobOptions<N extends JobName>(
  name: N,
  payload: JobPayloads[N],
  settings: JobSettings,
  extra: { delay?: number; repeat?: JobOptions['repeat'] } = {},
): JobOptions {
  const definition = JOBS[name];
  const retry = typeof definition.retry === 'function' ? definition.retry(settings) : definition.retry;
  return {
    jobId: definition.id(payload),
    ...(retry ? { attempts: retry.attempts, backoff: { type: 'exponential', delay: retry.backoffMs } } : { attempts: 1 }),
    ...definition.keep,
    ...(extra.delay !== undefined ? { delay: Math.max(0, extra.delay) } : {}),
    ...(extra.repeat ? { repeat: extra.repeat } : {}),
  };
}
