import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTORS } from '@mashang/shared';
import type { Job } from 'bull';
import { Transactions } from '../../../infra/database/tx.js';
import { OnJob } from '../../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { InspectionCodeRepository, LateCodes, PlanProgressRepository } from '../../plans/index.js';

/** 先检查后补码: at an emergency check-in's deadline, a code not filed by then becomes a flagged case. */
@Injectable()
export class EmergencyCodeProcessor {
  private readonly logger = new Logger(EmergencyCodeProcessor.name);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(LateCodes) private readonly lateCodes: LateCodes,
  ) {}

  @OnJob(JobName.EmergencyCodeDeadline)
  async deadlinePassed(job: Job<JobPayloads[JobName.EmergencyCodeDeadline]>): Promise<{ overdue: boolean }> {
    const { planId } = job.data;
    return this.transactions.run(async (tx) => {
      const plan = await this.plans.lock(planId, tx);
      if (!plan?.codeDueAt) return { overdue: false };
      const codedAt = await this.codes.firstIssuedAt(plan.leadPlanId, tx);
      const dueAt = plan.codeDueAt;
      if (codedAt && codedAt <= dueAt) return { overdue: false };
      await this.lateCodes.raise({
        planId, agencyId: plan.agencyId, creditCode: plan.creditCode,
        checkedInAt: plan.checkedInAt ? plan.checkedInAt.toISOString() : null, codeDueAt: dueAt.toISOString(),
      }, SYSTEM_ACTORS.emergencyCodeDeadline, new Date(), tx);
      this.logger.warn(`emergency inspection ${planId}: code not filed by ${dueAt.toISOString()}`);
      return { overdue: true };
    }, 'READ COMMITTED');
  }
}
