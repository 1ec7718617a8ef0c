import { CLI_ACTOR } from '@mashang/shared';
import Bull from 'bull';
import type { DataSource } from 'typeorm';
import type { AnomalyReportConfig, RedisTarget } from '../../infra/config/config.js';
import { redisOptions } from '../../infra/redis/redis-options.js';
import { JobName, QueueName } from '../../infra/queues/queues.js';
import { AnomalyReporter, type ReportProgress } from './anomaly-reporter.js';
import { AnomalyFindingRepository } from './anomaly-finding.repository.js';
import { AnomalyRunRepository } from './anomaly-run.repository.js';
import { writeReportFile } from './report-file.js';
import { processNightly, processReport, requestReport, waitForReport } from './report-jobs.js';

export interface ReportCommand {
  dataSource: DataSource;
  redis: RedisTarget;
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
export async function runReportCommand({ dataSource, redis, asOf, out, config, onProgress }: ReportCommand): Promise<number> {
  const queue = new Bull(QueueName.Analytics, { redis: redisOptions(redis), prefix: process.env.BULL_PREFIX || 'bull' });
  const reporter = AnomalyReporter.on(dataSource);
  const tables = { runs: new AnomalyRunRepository(dataSource), findings: new AnomalyFindingRepository(dataSource) };
  try {
    // Workers for every job of the queue: Bull fails a job of a name it has no handler for.
    void queue.process(JobName.AnomalyReport, (job) => processReport(reporter, job));
    void queue.process(JobName.AnomalyNightly, (job) => processNightly(queue, reporter, job, config));
    const job = await requestReport(queue, reporter, asOf, CLI_ACTOR, config);
    let last = '';
    await waitForReport(job, async () => {
      const run = await tables.runs.get(asOf);
      const now = run ? `${run.progress}:${run.current_rule}` : '';
      if (run && now !== last && run.current_rule) onProgress?.({ percent: Number(run.progress), step: run.current_rule });
      last = now;
    });
    return await writeReportFile(tables, asOf, out);
  } finally {
    await queue.close();
  }
}
