import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobQueue } from '../../../infra/queues/job-queue.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { InspectionRepository } from '../../inspections/index.js';
import { PlanProgressRepository } from '../../plans/index.js';

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
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(JobName.RepublishFinished, {}, { every: REPUBLISH_EVERY_MS })
      .catch((error: Error) => this.logger.warn(`could not schedule the republish sweep: ${error.message}`));
  }

  /** The inspections completed within the window (their records written), each published again. */
  @OnJob(JobName.RepublishFinished)
  async republish(): Promise<{ published: number }> {
    const finished = await this.plans.finishedSince(new Date(Date.now() - REPUBLISH_WINDOW_HOURS * 3_600_000));
    const recorded = await this.inspections.existingIds(finished.map((p) => p.id));
    const groups = new Map<string, JobPayloads[JobName.InspectionFinished]>();
    for (const plan of finished) {
      if (!recorded.has(plan.id)) continue;
      const at = plan.finishedAt.toISOString();
      const group = groups.get(plan.leadPlanId) ?? { groupId: plan.leadPlanId, creditCode: plan.creditCode, inspectionIds: [], finishedAt: at };
      group.inspectionIds.push(plan.id);
      if (at > group.finishedAt) group.finishedAt = at;
      groups.set(plan.leadPlanId, group);
    }
    for (const payload of groups.values()) await this.jobs.add(JobName.InspectionFinished, payload);
    return { published: groups.size };
  }
}
