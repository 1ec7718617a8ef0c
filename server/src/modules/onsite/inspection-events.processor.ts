import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';

const REPUBLISH_EVERY_MS = 10 * 60_000;
const REPUBLISH_WINDOW_HOURS = 48;

/**
 * `inspection-finished` is published after the finish commits; should Redis have been unreachable at
 * that moment, this sweep publishes it again. The job id keeps a still-known event from being added
 * twice, and the SMS side sends one invite per inspection whatever it receives.
 */
@Injectable()
export class InspectionEventsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(InspectionEventsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(JobName.RepublishFinished, {}, { every: REPUBLISH_EVERY_MS })
      .catch((error: Error) => this.logger.warn(`could not schedule the republish sweep: ${error.message}`));
  }

  @OnJob(JobName.RepublishFinished)
  async republish(): Promise<{ published: number }> {
    const since = new Date(Date.now() - REPUBLISH_WINDOW_HOURS * 3_600_000);
    const rows: { lead_plan_id: string; credit_code: string; id: string; finished_at: Date }[] = await this.dataSource.query(
      `SELECT p.lead_plan_id, p.credit_code, p.id, p.finished_at FROM plans p JOIN inspections i ON i.id = p.id
       WHERE p.finished_at >= ? AND p.status = 'active' ORDER BY p.lead_plan_id, p.id`, [since]);
    const groups = new Map<string, JobPayloads[JobName.InspectionFinished]>();
    for (const row of rows) {
      const group = groups.get(row.lead_plan_id) ?? { groupId: row.lead_plan_id, creditCode: row.credit_code, inspectionIds: [], finishedAt: new Date(row.finished_at).toISOString() };
      group.inspectionIds.push(row.id);
      if (new Date(row.finished_at).toISOString() > group.finishedAt) group.finishedAt = new Date(row.finished_at).toISOString();
      groups.set(row.lead_plan_id, group);
    }
    for (const payload of groups.values()) await this.jobs.add(JobName.InspectionFinished, payload);
    return { published: groups.size };
  }
}
