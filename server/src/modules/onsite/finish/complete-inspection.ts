import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../../infra/database/tx.js';
import type { JobName, JobPayloads } from '../../../infra/queues/queues.js';
import { InspectionRepository, type FinishedInspection } from '../../inspections/index.js';
import { PlanProgressRepository } from '../../plans/index.js';
import { FindingRepository } from '../finding.repository.js';
import { inspectionResult } from '../onsite-rules.js';

/**
 * When no agency of an inspection is still at work: its records in the exchange format, one per agency
 * with its officers and items, and the event to publish. Runs in the finishing transaction, after the
 * lead plan's row is locked, so exactly one of the agencies' finishes sees the inspection complete.
 */
@Injectable()
export class CompleteInspection {
  constructor(
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
  ) {}

  async complete(leadPlanId: string, creditCode: string, tx: Tx): Promise<JobPayloads[JobName.InspectionFinished] | null> {
    const members = await this.plans.lockActiveMembers(leadPlanId, tx);
    if (members.some((m) => !m.finishedAt || !m.checkedInAt)) return null;
    const codedAt = await this.plans.firstCodeIssuedAt(leadPlanId, tx);
    const jointId = members.length > 1 ? leadPlanId : null;
    const records: FinishedInspection[] = [];
    for (const member of members) {
      const startedAt = member.checkedInAt!;
      const findings = await this.findings.latestOf(member.id, tx);
      const officers = await this.plans.officersOf(member.id, tx);
      const items = await this.plans.itemsOf(member.id, tx);
      records.push({
        id: member.id, agencyId: member.agencyId, creditCode, trigger: member.trigger, jointId, startedAt, finishedAt: member.finishedAt!,
        coded: codedAt !== null && codedAt <= startedAt, codedAt, result: inspectionResult([...findings.values()].map((f) => f.outcome)),
        officers: officers.map((o) => ({ id: o.officerId, position: o.position })),
        items: items.map((i) => ({ id: i.itemId, position: i.position })),
      });
    }
    await this.inspections.insertFinished(records, tx);
    const finishedAt = new Date(Math.max(...members.map((m) => m.finishedAt!.getTime())));
    return { groupId: leadPlanId, creditCode, inspectionIds: members.map((m) => m.id), finishedAt: finishedAt.toISOString() };
  }
}
