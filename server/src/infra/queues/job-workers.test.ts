import { handlerProblems } from './job-workers.js';
import { jobOptions } from './jobs.js';
import { JobName } from './queues.js';

const everyJob = () => Object.values(JobName).map((job) => ({ job, where: `Worker.${job}` }));

describe('the job registry', () => {
  it('starts when every job has exactly one handler', () => {
    expect(handlerProblems(everyJob())).toEqual([]);
  });

  it('refuses a job without a handler, and a job with two, naming them', () => {
    const found = everyJob().filter((h) => h.job !== JobName.SendSms);
    found.push({ job: JobName.AnomalyReport, where: 'Other.report' });
    expect(handlerProblems(found)).toEqual([
      'job anomaly-report has 2 handlers: Worker.anomaly-report, Other.report',
      'job send-sms has no handler (@OnJob)',
    ]);
  });

  it('builds ids and retries in one place, from configuration where the job says so', () => {
    expect(jobOptions(JobName.InspectionFinished, { groupId: 'P1', creditCode: 'X', inspectionIds: ['P1'], finishedAt: '' }, {})).toEqual({
      jobId: 'finished:P1', attempts: 10, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: 1000,
    });
    expect(jobOptions(JobName.AnomalyReport, { asOf: '2026-11-20', requestedBy: 'cli' }, { anomalyReport: { attempts: 3, backoffMs: 60_000 } }, { delay: -5 })).toEqual({
      jobId: 'anomaly-report:2026-11-20', attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: false, removeOnFail: false, delay: 0,
    });
    expect(() => jobOptions(JobName.SendSms, { messageId: 'M1' }, {})).toThrow('job settings for sms are missing');
    // One supervision-code SMS per case, retried like every SMS.
    expect(jobOptions(JobName.PenaltyNoticeSms, { caseId: 'C1' }, { sms: { attempts: 8, backoffMs: 30_000, concurrency: 100, ratePerSecond: 100 } })).toEqual({
      jobId: 'penalty-notice:C1', attempts: 8, backoff: { type: 'exponential', delay: 30_000 }, removeOnComplete: 1000, removeOnFail: 10_000,
    });
  });
});
