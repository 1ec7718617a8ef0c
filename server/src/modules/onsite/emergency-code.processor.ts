import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SYSTEM_ACTORS } from '@mashang/shared';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import { LateCodes } from '../plans/index.js';

/** 先检查后补码: at an emergency check-in's deadline, a code not filed by then becomes a flagged case. */
@Injectable()
export class EmergencyCodeProcessor {
  private readonly logger = new Logger(EmergencyCodeProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LateCodes) private readonly lateCodes: LateCodes,
  ) {}

  @OnJob(JobName.EmergencyCodeDeadline)
  async deadlinePassed(job: Job<JobPayloads[JobName.EmergencyCodeDeadline]>): Promise<{ overdue: boolean }> {
    const { planId } = job.data;
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [plan]: { id: string; agency_id: string; credit_code: string; lead_plan_id: string; status: string; code_due_at: Date | null; checked_in_at: Date | null }[] =
        await manager.query('SELECT id, agency_id, credit_code, lead_plan_id, status, code_due_at, checked_in_at FROM plans WHERE id = ? FOR UPDATE', [planId]);
      if (!plan?.code_due_at) return { overdue: false };
      const [code]: { issued_at: Date | null }[] = await manager.query('SELECT MIN(issued_at) AS issued_at FROM inspection_codes WHERE lead_plan_id = ?', [plan.lead_plan_id]);
      const dueAt = new Date(plan.code_due_at);
      if (code?.issued_at && new Date(code.issued_at) <= dueAt) return { overdue: false };
      await this.lateCodes.raise({
        planId, agencyId: plan.agency_id, creditCode: plan.credit_code,
        checkedInAt: plan.checked_in_at ? new Date(plan.checked_in_at).toISOString() : null, codeDueAt: dueAt.toISOString(),
      }, SYSTEM_ACTORS.emergencyCodeDeadline, new Date(), manager);
      this.logger.warn(`emergency inspection ${planId}: code not filed by ${dueAt.toISOString()}`);
      return { overdue: true };
    });
  }
}
