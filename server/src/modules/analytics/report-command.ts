import Bull from 'bull';
import type { DataSource } from 'typeorm';
import type { AnomalyReportConfig } from '../../infra/config/config.js';
import { JobName, QueueName } from '../../infra/queues/queues.js';
import { AnomalyReporter, type ReportProgress } from './anomaly-reporter.js';
import { writeReportFile } from './report-file.js';
import { processNightly, processReport, requestReport, waitForReport } from './report-jobs.js';

export interface ReportCommand {
  dataSource: DataSource;
  redisUrl: string;
  asOf: string;
  out: string;
  config: AnomalyReportConfig;
  onProgress?: (p: ReportProgress) => void;
}

/**
 * `npm run cli -- report`: the nightly job's code path end to end. The report job goes through the
 * same queue under the same job id (a date already reported is not computed again); this process
 * works the queue too, so no server needs to be running. The stored report is then written out.
 */
export async function runReportCommand({ dataSource, redisUrl, asOf, out, config, onProgress }: ReportCommand): Promise<number> {
  const queue = new Bull(QueueName.Analytics, redisUrl, { prefix: process.env.BULL_PREFIX || 'bull' });
  const reporter = new AnomalyReporter(dataSource);
  try {
    // Workers for every job of the queue: Bull fails a job of a name it has no handler for.
    void queue.process(JobName.AnomalyReport, (job) => processReport(reporter, job));
    void queue.process(JobName.AnomalyNightly, (job) => processNightly(queue, reporter, job, config));
    const job = await requestReport(queue, reporter, asOf, 'cli', config);
    let last = '';
    await waitForReport(job, async () => {
      const [run]: { progress: number; current_rule: string | null }[] = await dataSource.query('SELECT progress, current_rule FROM anomaly_runs WHERE as_of = ?', [asOf]);
      const now = run ? `${run.progress}:${run.current_rule}` : '';
      if (run && now !== last && run.current_rule) onProgress?.({ percent: Number(run.progress), step: run.current_rule });
      last = now;
    });
    return await writeReportFile(dataSource, asOf, out);
  } finally {
    await queue.close();
  }
}
