import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import { RatingInvitations } from './inviting/rating-invitations.js';

@Injectable()
export class EvaluationProcessor {
  constructor(@Inject(RatingInvitations) private readonly invitations: RatingInvitations) {}

  /** Every agency of an inspection has finished: invite the enterprise to rate it. */
  @OnJob(JobName.InspectionFinished)
  async inspectionFinished(job: Job<JobPayloads[JobName.InspectionFinished]>): Promise<void> {
    await this.invitations.inviteFinished(job.data);
  }
}
